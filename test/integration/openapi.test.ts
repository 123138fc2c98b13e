import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/testApp.ts';

interface Operation {
  security?: unknown[];
  parameters?: { name: string; in: string; schema: { format?: string; pattern?: string } }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}
interface Document {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

let t: TestApp;
let doc: Document;
beforeAll(async () => {
  t = await startTestApp();
  doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
});
afterAll(() => t.close());

function operations() {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
}

/**
 * The routes the server answers, from Fastify's own route tree (`METHOD /api/v1/x/{id}`). HEAD
 * twins of GET routes and the document itself are not operations.
 */
function servedRoutes(): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of t.app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:│ {3}| {4})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack[depth] = `${stack[depth - 1] ?? ''}${m[2]}`;
    for (const method of (m[3] ?? '').split(', ').filter(Boolean)) {
      const path = stack[depth]!.replace(/:(\w+)/g, '{$1}');
      if (method !== 'HEAD' && path.startsWith('/api/v1/') && path !== '/api/v1/openapi.json')
        routes.push(`${method} ${path}`);
    }
  }
  return routes.sort();
}

const isProblem = (response: Operation['responses'][string] | undefined) =>
  response?.content?.['application/problem+json']?.schema?.$ref === '#/components/schemas/Problem';

describe('the OpenAPI document at /api/v1/openapi.json', () => {
  it('is OpenAPI 3.1', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({ title: 'Metroplan API', version: '1' });
  });

  it('lists every route the server answers under /api/v1', () => {
    const served = servedRoutes();
    expect(served).toContain('GET /api/v1/comuni/{code}');
    expect(served).toContain('POST /api/v1/users/{id}/password-reset');
    const documented = operations()
      .map((o) => `${o.method} ${o.path}`)
      .sort();
    expect(documented).toEqual(served);
  });

  it('documents every error response as application/problem+json with the Problem schema', () => {
    expect(doc.components.schemas.Problem).toBeDefined();
    const notProblems = operations().flatMap(({ method, path, op }) =>
      Object.entries(op.responses)
        .filter(([code, response]) => Number(code) >= 400 && !isProblem(response))
        .map(([code]) => `${method} ${path} ${code}`),
    );
    expect(notProblems).toEqual([]);
  });

  it('documents for every operation the 4xx problems any request can meet', () => {
    const missing = operations().flatMap(({ method, path, op }) =>
      ['400', '404', '429']
        .filter((code) => !op.responses[code])
        .map((c) => `${method} ${path} ${c}`),
    );
    expect(missing).toEqual([]);
  });

  it('documents 401, 403, 409 and 422 for every write', () => {
    const missing = operations()
      .filter((o) => o.method !== 'GET')
      .flatMap(({ method, path, op }) =>
        ['401', '403', '409', '422']
          .filter((code) => !op.responses[code])
          .map((c) => `${method} ${path} ${c}`),
      );
    expect(missing).toEqual([]);
  });

  it('documents 413 and 415 for every operation that takes a body', () => {
    const missing = operations()
      .filter((o) => o.op.requestBody)
      .flatMap(({ method, path, op }) =>
        ['413', '415'].filter((code) => !op.responses[code]).map((c) => `${method} ${path} ${c}`),
      );
    expect(missing).toEqual([]);
  });

  it('documents 401 and 403, and the session it needs, for every read the public is refused', async () => {
    const plausible = (schema: { format?: string; pattern?: string }) =>
      schema.format === 'uuid'
        ? randomUUID()
        : schema.pattern === '^[0-9]{6}$'
          ? '015146'
          : 'milano';
    const undocumented: string[] = [];
    for (const { method, path, op } of operations().filter((o) => o.method === 'GET')) {
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) =>
        plausible(op.parameters!.find((p) => p.name === name)!.schema),
      );
      const res = await t.app.inject({ method: 'GET', url });
      if (res.statusCode !== 401) continue;
      for (const code of ['401', '403'])
        if (!op.responses[code]) undocumented.push(`${method} ${path} ${code}`);
      if (!op.security?.length) undocumented.push(`${method} ${path} security`);
    }
    expect(undocumented).toEqual([]);
  });
});

describe('the interactive documentation', () => {
  it('is served as an HTML page at /api/docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('swagger-ui');
  });

  it('describes the same API as /api/v1/openapi.json', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths).sort()).toEqual(Object.keys(doc.paths).sort());
  });
});
