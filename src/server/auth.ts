import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { anonymous, type Actor } from '../domain/roles.ts';
import type { Ctx } from '../modules/context.ts';
import { csrfTokenOf, resolveSession, sessionKeyOf } from '../modules/identity/session.ts';
import { sendProblem } from './problem.ts';

export const sessionCookie = 'metroplan_sid';
export const csrfCookie = 'metroplan_csrf';
export const csrfHeader = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /**
     * A read answered without looking the session up in the database: the request stays
     * anonymous, and the route checks the session cookie itself against what it keeps in memory
     * (`sessionKeyOfRequest`). For a look at work the session started, which must be answered while that
     * work holds the database (on PGlite one transaction runs at a time, and an import's lasts).
     */
    withoutSessionLookup?: boolean;
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** While a password must be changed, only these calls act as the signed-in user. */
const passwordChangeRoutes = new Set(['/api/v1/session', '/api/v1/session/password']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Cookie options: HttpOnly for the session, readable for the CSRF token (the client echoes it in
 * a header), SameSite=Lax for both, Secure whenever the request came over HTTPS.
 */
function cookieOptions(request: FastifyRequest, httpOnly: boolean, expires?: Date) {
  return {
    path: '/',
    httpOnly,
    sameSite: 'lax' as const,
    secure: request.protocol === 'https',
    ...(expires ? { expires } : {}),
  };
}

export function setSessionCookies(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expires: Date,
) {
  reply.setCookie(sessionCookie, token, cookieOptions(request, true, expires));
  reply.setCookie(csrfCookie, csrfTokenOf(token), cookieOptions(request, false, expires));
}

export function clearSessionCookies(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(sessionCookie, cookieOptions(request, true));
  const token = randomBytes(24).toString('base64url');
  reply.setCookie(csrfCookie, token, cookieOptions(request, false));
  return token;
}

/**
 * What stands in memory for the session cookie the request carries (`sessionKeyOf`), or null
 * without one: read from the cookie, so a route with `withoutSessionLookup` can tell it too.
 */
export function sessionKeyOfRequest(request: FastifyRequest): string | null {
  const token = request.cookies[sessionCookie];
  return token ? sessionKeyOf(token) : null;
}

/** The CSRF token the client must echo: bound to the session, or the anonymous cookie's value. */
export function expectedCsrfToken(request: FastifyRequest): string | null {
  if (request.sessionToken) return csrfTokenOf(request.sessionToken);
  return request.cookies[csrfCookie] ?? null;
}

/** Hands an anonymous browser its CSRF token (double-submit cookie) before its first write. */
export function ensureCsrfCookie(request: FastifyRequest, reply: FastifyReply): string {
  const expected = expectedCsrfToken(request);
  if (expected) return expected;
  const token = randomBytes(24).toString('base64url');
  reply.setCookie(csrfCookie, token, cookieOptions(request, false));
  return token;
}

export function registerAuth(app: FastifyInstance, ctx: Ctx): void {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRequest', async (request, reply) => {
    request.actor = { ...anonymous, ip: request.ip };
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[sessionCookie];
    const lookup = !(request.method === 'GET' && request.routeOptions.config.withoutSessionLookup);
    if (token && lookup) {
      const user = await resolveSession(ctx, token);
      const path = request.url.split('?')[0]!;
      if (user && user.mustChangePassword && !passwordChangeRoutes.has(path)) {
        if (unsafeMethods.has(request.method))
          return sendProblem(
            reply,
            403,
            'You must change your password before doing anything else.',
          );
      } else if (user) {
        request.actor = { user, ip: request.ip };
      }
      if (user) request.sessionToken = token;
    }
    if (unsafeMethods.has(request.method)) {
      const sent = request.headers[csrfHeader];
      const expected = expectedCsrfToken(request);
      if (typeof sent !== 'string' || !expected || !sameToken(sent, expected))
        return sendProblem(
          reply,
          403,
          `Missing or wrong CSRF token: send the value of the ${csrfCookie} cookie (also returned by GET /api/v1/session) in the X-CSRF-Token header.`,
        );
    }
  });
}
