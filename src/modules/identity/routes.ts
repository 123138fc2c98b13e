import { Type } from 'typebox';
import { DomainError, TooMany } from '../../domain/errors.ts';
import type { App, AppServices } from '../../server/app.ts';
import { clearSessionCookies, ensureCsrfCookie, setSessionCookies } from '../../server/auth.ts';
import { NoContent } from '../../server/schemas.ts';
import { Throttle } from '../../server/throttle.ts';
import * as s from './schemas.ts';
import * as users from './service.ts';
import { changeOwnPassword, csrfTokenOf, logIn, logOut } from './session.ts';

const write = { security: [{ session: [], csrf: [] }] };
const adminRead = { security: [{ session: [] }] };

export function identityRoutes(
  app: App,
  { ctx, sessionTtlHours, loginAttemptsPerAddress }: AppServices,
): void {
  const loginThrottle = new Throttle(loginAttemptsPerAddress, 5 * 60_000);

  app.get(
    '/session',
    {
      schema: {
        tags: ['identity'],
        summary: 'Who is signed in, and the CSRF token',
        response: { 200: s.SessionState },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { user: request.actor.user, csrfToken: ensureCsrfCookie(request, reply) };
    },
  );

  app.post(
    '/session',
    {
      schema: {
        tags: ['identity'],
        summary: 'Log in (starts a new session; the CSRF token changes)',
        body: s.LoginBody,
        response: { 200: s.SessionState },
      },
    },
    async (request, reply) => {
      // Wrong passwords count against the address, right ones do not: an office behind one
      // address logs in all morning, a guesser is slowed down.
      if (loginThrottle.exhausted(request.ip)) {
        reply.header('retry-after', String(loginThrottle.secondsToWait(request.ip)));
        throw TooMany('Too many wrong logins from your address: wait a few minutes.');
      }
      const { token, user, expiresAt } = await logIn(ctx, request.actor, {
        email: request.body.email,
        password: request.body.password,
        previousToken: request.cookies.metroplan_sid,
        userAgent: request.headers['user-agent'],
        ttlHours: sessionTtlHours,
      }).catch((error: unknown) => {
        if (error instanceof DomainError && error.kind === 'unauthenticated')
          loginThrottle.count(request.ip);
        throw error;
      });
      setSessionCookies(request, reply, token, expiresAt);
      reply.header('cache-control', 'no-store');
      return { user, csrfToken: csrfTokenOf(token) };
    },
  );

  app.delete(
    '/session',
    { schema: { tags: ['identity'], summary: 'Log out', ...write, response: { 204: NoContent } } },
    async (request, reply) => {
      if (request.sessionToken) await logOut(ctx, request.actor, request.sessionToken);
      clearSessionCookies(request, reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/session/password',
    {
      schema: {
        tags: ['identity'],
        summary: 'Change your own password',
        ...write,
        body: s.PasswordChangeBody,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(ctx, request.actor, request.body);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/users',
    {
      schema: {
        tags: ['identity'],
        summary: 'List accounts (system administrators)',
        ...adminRead,
        querystring: s.UserListQuery,
        response: { 200: s.UserPage },
      },
    },
    async (request) => users.listUsers(ctx, request.actor, request.query),
  );

  app.get(
    '/users/:id',
    {
      schema: {
        tags: ['identity'],
        summary: 'One account',
        ...adminRead,
        params: s.UserIdParams,
        response: { 200: s.User },
      },
    },
    async (request) => users.getUser(ctx, request.actor, request.params.id),
  );

  app.post(
    '/users',
    {
      schema: {
        tags: ['identity'],
        summary: 'Create an account with a one-time password',
        ...write,
        body: s.UserCreate,
        response: { 201: s.UserCreated },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await users.createUser(ctx, request.actor, request.body)),
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['identity'],
        summary: 'Change role, scope, name, or disable an account',
        ...write,
        params: s.UserIdParams,
        body: s.UserPatch,
        response: { 200: s.User },
      },
    },
    async (request) => users.updateUser(ctx, request.actor, request.params.id, request.body),
  );

  app.post(
    '/users/:id/password-reset',
    {
      schema: {
        tags: ['identity'],
        summary: 'Reset a password to a new one-time password',
        ...write,
        params: s.UserIdParams,
        response: { 200: Type.Object({ temporaryPassword: Type.String() }) },
      },
    },
    async (request) => users.resetPassword(ctx, request.actor, request.params.id),
  );
}
