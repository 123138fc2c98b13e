import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { systemActor, type Role } from '../../src/domain/roles.ts';
import type { Ctx } from '../../src/modules/context.ts';
import { createUser } from '../../src/modules/identity/service.ts';
import { users } from '../../src/db/schema/index.ts';
import { eq } from 'drizzle-orm';
import { buildApp, type App } from '../../src/server/app.ts';
import { openTestDatabase } from './database.ts';

export interface TestApp {
  app: App;
  ctx: Ctx;
  handle: DatabaseHandle;
  close(): Promise<void>;
}

/** The real app on its own copy of the seeded database, driven through HTTP inject. */
export async function startTestApp(
  options: {
    loginAttemptsPerAddress?: number;
    exportTurns?: { running: number; waiting: number };
  } = {},
): Promise<TestApp> {
  const { exportTurns, ...config } = options;
  const handle = await openTestDatabase(inject('databaseTemplate'));
  const app = await buildApp({
    db: handle.db,
    config: {
      sessionTtlHours: 12,
      trustProxy: false,
      webRoot: '/nonexistent-web-root',
      ...config,
    },
    ...(exportTurns && { exportTurns }),
  });
  await app.ready();
  return {
    app,
    ctx: { db: handle.db },
    handle,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

export const testPassword = 'correct horse battery staple';
let counter = 0;

export interface Scope {
  comuneCode?: string;
  zoneId?: string;
  orgUnitIds?: string[];
}

/** An account that has already changed its first password, ready to log in with testPassword. */
export async function makeUser(t: TestApp, role: Role, scope: Scope = {}) {
  counter += 1;
  const email = `${role.replace('_', '.')}.${counter}.${process.pid}@example.it`;
  const { user } = await createUser(
    t.ctx,
    systemActor,
    { email, name: `Test ${role} ${counter}`, role, ...scope },
    { password: testPassword },
  );
  await t.ctx.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, user.id));
  return { ...user, password: testPassword };
}

export interface Agent {
  cookies: Record<string, string>;
  csrf: string;
  request(options: InjectOptions & { csrf?: string | null }): Promise<LightMyRequestResponse>;
}

function cookieHeader(cookies: Record<string, string>): string {
  return Object.entries(cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
}

/** A browser-like client: keeps cookies and echoes the CSRF token on writes. */
export async function browser(t: TestApp): Promise<Agent> {
  const agent: Agent = {
    cookies: {},
    csrf: '',
    async request(options) {
      const { csrf, ...rest } = options;
      const method = (rest.method ?? 'GET').toUpperCase();
      const headers: Record<string, string> = { ...(rest.headers as Record<string, string>) };
      if (Object.keys(agent.cookies).length > 0) headers.cookie = cookieHeader(agent.cookies);
      const token = csrf === undefined ? agent.csrf : csrf;
      if (!['GET', 'HEAD'].includes(method) && token) headers['x-csrf-token'] = token;
      const response = await t.app.inject({ ...rest, headers } as InjectOptions);
      for (const c of response.cookies as { name: string; value: string; expires?: Date }[]) {
        if (c.value === '' || (c.expires && c.expires.getTime() < Date.now()))
          delete agent.cookies[c.name];
        else agent.cookies[c.name] = c.value;
      }
      const body = response.headers['content-type']?.toString().includes('json')
        ? response.json()
        : null;
      if (body && typeof body === 'object' && 'csrfToken' in body)
        agent.csrf = String(body.csrfToken);
      return response;
    },
  };
  await agent.request({ method: 'GET', url: '/api/v1/session' });
  return agent;
}

export async function signedIn(t: TestApp, email: string, password = testPassword): Promise<Agent> {
  const agent = await browser(t);
  const res = await agent.request({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email, password },
  });
  if (res.statusCode !== 200)
    throw new Error(`login of ${email} failed: ${res.statusCode} ${res.body}`);
  return agent;
}

export async function asRole(t: TestApp, role: Role, scope: Scope = {}) {
  const user = await makeUser(t, role, scope);
  return { user, agent: await signedIn(t, user.email) };
}
