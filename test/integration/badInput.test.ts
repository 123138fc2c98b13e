import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRole, browser, startTestApp, type Agent, type TestApp } from '../support/testApp.ts';
import { violationCodes } from '../../src/domain/errors.ts';

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await startTestApp();
  ({ agent: admin } = await asRole(t, 'system_admin'));
});
afterAll(() => t.close());

/** An RFC 9457 problem document with the status of the response. */
function expectProblem(res: LightMyRequestResponse, status: number) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const body = res.json();
  expect(body).toEqual(
    expect.objectContaining({
      type: expect.any(String),
      title: expect.any(String),
      status,
      detail: expect.any(String),
    }),
  );
  return body as {
    violations?: { field: string; reason: string; code?: string; params?: object }[];
  };
}

/**
 * A 400 whose violations name `field`, each violation being {field, reason} in English and a code
 * the web pages translate (with its params).
 */
function expectViolation(res: LightMyRequestResponse, field: string) {
  const { violations } = expectProblem(res, 400);
  for (const v of violations ?? []) {
    expect(v).toEqual({
      field: expect.any(String),
      reason: expect.any(String),
      code: expect.any(String),
      ...(v.params && { params: expect.any(Object) }),
    });
    expect(violationCodes).toContain(v.code);
  }
  expect(violations?.map((v) => v.field)).toContain(field);
}

/** What a user can see of the data, and how long the audit log is: every write is audited. */
async function visibleData() {
  const read = async (url: string) => (await admin.request({ method: 'GET', url })).json();
  return {
    zones: await read('/api/v1/zones'),
    comune: await read('/api/v1/comuni/015146'),
    users: await read('/api/v1/users?pageSize=200'),
    orgUnits: await read('/api/v1/org-units?includeArchived=true'),
    auditEntries: (await read('/api/v1/audit?pageSize=1')).total,
  };
}

async function leavesDataUnchanged(act: () => Promise<void>) {
  const before = await visibleData();
  await act();
  expect(await visibleData()).toEqual(before);
}

const milano = () => admin.request({ method: 'GET', url: '/api/v1/zones/milano' });

describe('a request body that is not what the API expects', () => {
  it('answers malformed JSON with a 400 problem document and changes nothing', async () => {
    await leavesDataUnchanged(async () => {
      const res = await admin.request({
        method: 'POST',
        url: '/api/v1/zones',
        headers: { 'content-type': 'application/json' },
        payload: '{"id": "zona-rotta", "name": ',
      });
      expectProblem(res, 400);
    });
  });

  it('names an unknown field in a 400 violation and changes nothing', async () => {
    await leavesDataUnchanged(async () => {
      const res = await admin.request({
        method: 'POST',
        url: '/api/v1/zones',
        payload: { id: 'zona-colorata', name: 'Zona colorata', colour: 'red' },
      });
      expectViolation(res, 'body.colour');
      expect(res.json().violations).toContainEqual({
        field: 'body.colour',
        reason: 'is not a known field',
        code: 'unknownField',
      });
    });
  });

  it('names every field of the wrong type and changes nothing', async () => {
    const { version } = (await milano()).json();
    await leavesDataUnchanged(async () => {
      const res = await admin.request({
        method: 'PATCH',
        url: '/api/v1/zones/milano',
        payload: { version: 'the latest', name: { it: 'Milano' } },
      });
      expectViolation(res, 'body.version');
      expectViolation(res, 'body.name');
    });
    expect((await milano()).json().version).toBe(version);
  });

  it('names every missing required field and changes nothing', async () => {
    await leavesDataUnchanged(async () => {
      const res = await admin.request({ method: 'POST', url: '/api/v1/users', payload: {} });
      const fields = expectProblem(res, 400).violations?.map((v) => v.field);
      expect(fields).toEqual(expect.arrayContaining(['body.email', 'body.name', 'body.role']));
    });
  });

  it('answers a body over 1 MiB with 413 and changes nothing', async () => {
    await leavesDataUnchanged(async () => {
      const res = await admin.request({
        method: 'POST',
        url: '/api/v1/zones',
        payload: { id: 'zona-enorme', name: 'Zona enorme', vision: 'x'.repeat(1024 * 1024) },
      });
      expectProblem(res, 413);
    });
  });

  it('answers a content-type other than JSON with 415 and changes nothing', async () => {
    await leavesDataUnchanged(async () => {
      const res = await admin.request({
        method: 'POST',
        url: '/api/v1/zones',
        headers: { 'content-type': 'application/xml' },
        payload: '<zone><id>zona-xml</id><name>Zona XML</name></zone>',
      });
      expectProblem(res, 415);
      expect(res.json().detail).toContain('send application/json');
    });
  });

  it('tells an upload sent as a form what the route takes: the bytes of the file', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/imports?fileName=progetti.csv',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\n\r\nCUP\r\n--x--',
    });
    expectProblem(res, 415);
    expect(res.json().detail).toContain('send text/csv, the bytes of the CSV file');
  });

  it('says why a body naming __proto__ or constructor is refused, valid JSON as it is', async () => {
    await leavesDataUnchanged(async () => {
      const res = await admin.request({
        method: 'POST',
        url: '/api/v1/zones',
        headers: { 'content-type': 'application/json' },
        payload: '{"id": "zona-proto", "name": "Zona", "constructor": {"prototype": {}}}',
      });
      expectProblem(res, 400);
      expect(res.json().detail).toContain('"__proto__" or "constructor"');
    });
  });

  it('answers a version beyond any real one with 400, not a server error', async () => {
    await leavesDataUnchanged(async () => {
      const res = await admin.request({
        method: 'PATCH',
        url: '/api/v1/zones/milano',
        payload: { version: 99_999_999_999, name: 'Milano' },
      });
      expectViolation(res, 'body.version');
    });
  });

  it('answers a version beyond any real one in the query string with 400', async () => {
    const zone = await admin.request({
      method: 'POST',
      url: '/api/v1/zones',
      payload: { id: 'zona-vuota', name: 'Zona vuota' },
    });
    expect(zone.statusCode).toBe(201);
    const res = await admin.request({
      method: 'DELETE',
      url: '/api/v1/zones/zona-vuota?version=99999999999',
    });
    expectViolation(res, 'querystring.version');
    expect(
      (await admin.request({ method: 'GET', url: '/api/v1/zones/zona-vuota' })).statusCode,
    ).toBe(200);
  });

  it('answers a control character in the login e-mail with 400, not a server error', async () => {
    const anonymous = await browser(t);
    const res = await anonymous.request({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'mario\u0000rossi@example.it', password: 'whatever it is' },
    });
    expectViolation(res, 'body.email');
  });

  it("answers a control character in a comune's website or PEC with 400 and changes nothing", async () => {
    const { version } = (
      await admin.request({ method: 'GET', url: '/api/v1/comuni/015146' })
    ).json();
    await leavesDataUnchanged(async () => {
      const res = await admin.request({
        method: 'PATCH',
        url: '/api/v1/comuni/015146',
        payload: {
          version,
          website: 'https://www.comune.milano.it/\u0000',
          pec: 'protocollo\u0000@postacert.comune.milano.it',
        },
      });
      expectViolation(res, 'body.website');
      expectViolation(res, 'body.pec');
    });
  });
});

describe('text that no column can store, and days that are not', () => {
  it('names a lone half of a surrogate pair and a NUL wherever they are, and changes nothing', async () => {
    const { version } = (await milano()).json();
    await leavesDataUnchanged(async () => {
      const res = await admin.request({
        method: 'PATCH',
        url: '/api/v1/zones/milano',
        payload: { version, name: 'Zona \ud800 x', vision: 'a\u0000b' },
      });
      const { violations } = expectProblem(res, 400);
      expect(violations).toEqual([
        expect.objectContaining({ field: 'body.name', code: 'brokenCharacter' }),
        expect.objectContaining({ field: 'body.vision', code: 'nulCharacter' }),
      ]);
    });
  });

  it('refuses them in fields whose schema has no pattern, before the database sees them', async () => {
    for (const payload of [
      { cup: 'J11B22000000778', title: 'Progetto mis', programme: 'Altro', measure: 'M1\u0000' },
      { cup: 'J11B22000000778', title: 'Progetto \udc00', programme: 'Altro' },
    ]) {
      const res = await admin.request({ method: 'POST', url: '/api/v1/projects', payload });
      expectViolation(
        res,
        Object.keys(payload).includes('measure') ? 'body.measure' : 'body.title',
      );
    }
    const found = await admin.request({ method: 'GET', url: '/api/v1/projects?q=J11B22000000778' });
    expect(found.json().total).toBe(0);
  });

  it('accepts a whole surrogate pair: an emoji is a character', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/zones',
      payload: { id: 'zona-emoji', name: 'Zona 🚲 ciclabile' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe('Zona 🚲 ciclabile');
  });

  it('refuses the year 0000 and a day the calendar has not, naming the field', async () => {
    for (const day of ['0000-01-01', '2023-02-29', '2024-13-01']) {
      const res = await admin.request({
        method: 'POST',
        url: '/api/v1/projects',
        payload: {
          cup: 'J11B22000000779',
          title: 'Progetto datato',
          programme: 'Altro',
          startPlanned: day,
        },
      });
      const { violations } = expectProblem(res, 400);
      expect(violations).toContainEqual(
        expect.objectContaining({ field: 'body.startPlanned', code: 'format' }),
      );
      expect(new Set(violations!.map((v) => v.field))).toEqual(new Set(['body.startPlanned']));
    }
    const leap = await admin.request({
      method: 'POST',
      url: '/api/v1/projects',
      payload: {
        cup: 'J11B22000000779',
        title: 'Progetto datato',
        programme: 'Altro',
        startPlanned: '2024-02-29',
      },
    });
    expect(leap.statusCode).toBe(201);
  });
});

describe('a query string the route does not take', () => {
  it('names a parameter of a route that takes none, as any unknown parameter', async () => {
    for (const url of ['/api/v1/health?zzz=1', '/api/v1/zones?page=2', '/api/v1/plans?x=']) {
      const res = await admin.request({ method: 'GET', url });
      expectViolation(
        res,
        `querystring.${new URL(url, 'http://x').searchParams.keys().next().value}`,
      );
    }
    expect((await admin.request({ method: 'GET', url: '/api/v1/zones' })).statusCode).toBe(200);
  });
});

describe('requests that race each other', () => {
  it('answers simultaneous creations of the same zone with one 201 and 409s, never 5xx', async () => {
    const create = () =>
      admin.request({
        method: 'POST',
        url: '/api/v1/zones',
        payload: { id: 'zona-contesa', name: 'Zona contesa' },
      });
    const statuses = (await Promise.all([create(), create(), create()])).map((r) => r.statusCode);
    expect(statuses.sort()).toEqual([201, 409, 409]);
  });
});

describe('identifiers in the path', () => {
  it('answers a user id that is not a uuid with 400 naming params.id', async () => {
    expectViolation(await admin.request({ method: 'GET', url: '/api/v1/users/42' }), 'params.id');
  });

  it('answers a 5-digit ISTAT code with 400 naming params.code', async () => {
    expectViolation(
      await admin.request({ method: 'GET', url: '/api/v1/comuni/15146' }),
      'params.code',
    );
  });

  it('answers a zone id with upper-case letters with 400 naming params.id', async () => {
    expectViolation(
      await admin.request({ method: 'GET', url: '/api/v1/zones/Milano' }),
      'params.id',
    );
  });

  it('answers a zone id with spaces with 400 naming params.id and changes nothing', async () => {
    await leavesDataUnchanged(async () => {
      const res = await admin.request({
        method: 'PATCH',
        url: '/api/v1/zones/nord%20milano',
        payload: { version: 1, name: 'Nord Milano' },
      });
      expectViolation(res, 'params.id');
    });
  });

  it('answers a path that is not valid percent-encoding with a 400 problem document', async () => {
    expectProblem(await admin.request({ method: 'GET', url: '/api/v1/users/%E0%A4%A' }), 400);
  });

  it('answers an over-long path segment with a 414 problem document', async () => {
    const res = await admin.request({ method: 'GET', url: `/api/v1/zones/${'a'.repeat(150)}` });
    expectProblem(res, 414);
  });
});

describe('query parameters out of range', () => {
  it.each([
    ['page', '/api/v1/comuni?page=0'],
    ['pageSize', '/api/v1/comuni?pageSize=1000'],
    ['sort', '/api/v1/comuni?sort=bogus'],
    ['pageSize', '/api/v1/users?pageSize=0'],
    ['page', '/api/v1/audit?page=-1'],
    ['includeArchived', '/api/v1/org-units?includeArchived=perhaps'],
  ])('answers 400 naming querystring.%s to %s', async (name, url) => {
    expectViolation(await admin.request({ method: 'GET', url }), `querystring.${name}`);
  });
});

interface OpenApiSchema {
  type?: string;
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  enum?: unknown[];
  anyOf?: OpenApiSchema[];
  required?: string[];
  properties?: Record<string, OpenApiSchema>;
}
interface OpenApiOperation {
  parameters?: { name: string; in: 'path' | 'query'; schema: OpenApiSchema }[];
  requestBody?: { content: Record<string, { schema: OpenApiSchema }> };
}
interface BadRequest {
  label: string;
  url: string;
  payload?: unknown;
}

const garbagePathValues = [
  "'%20OR%201%3D1%20--",
  '%00',
  '..%2F..%2Fetc%2Fpasswd',
  '%E0%A4%A',
  'x'.repeat(150),
  '-1',
  '%F0%9F%8F%99%EF%B8%8F',
  'A%20B',
];
const garbageQueryValues = [
  'abc',
  '',
  '-1',
  '99999999999',
  '%00',
  '%25',
  'x'.repeat(1000),
  '%3Cscript%3E',
  '2016-12-31T23:59:60Z',
  '0000-01-01T00:00:00Z',
];

/** A value a well-formed path parameter could hold, so the body or query is what gets tested. */
function plausibleParam(schema: OpenApiSchema): string {
  if (schema.format === 'uuid') return randomUUID();
  if (schema.pattern === '^[0-9]{6}$') return '015146';
  return 'milano';
}

/** A value the schema accepts, so that one bad property is all that is wrong with a body. */
function plausibleValue(schema: OpenApiSchema): unknown {
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf) return plausibleValue(schema.anyOf[0]!);
  if (schema.type === 'integer' || schema.type === 'number') return schema.minimum ?? 1;
  if (schema.type === 'boolean') return false;
  if (schema.type === 'array') return [];
  if (schema.format === 'email') return 'fuzz@example.it';
  if (schema.format === 'uuid') return randomUUID();
  if (schema.pattern === '^[0-9]{6}$') return '015146';
  return 'fuzz-value'.padEnd(schema.minLength ?? 0, 'z');
}

function plausibleBody(schema: OpenApiSchema): Record<string, unknown> {
  const required = schema.required ?? [];
  return Object.fromEntries(
    required.map((name) => [name, plausibleValue(schema.properties![name]!)]),
  );
}

/** Values a property of this schema must refuse: another JSON type, beyond range, a NUL. */
function badValuesFor(schema: OpenApiSchema): [string, unknown][] {
  const types = [schema.type, ...(schema.anyOf ?? []).map((s) => s.type)];
  return [
    ['of the wrong type', types.includes('object') ? 'not an object' : { not: ['asked', 'for'] }],
    ...(types.includes('integer') ? [['out of range', 99_999_999_999] as [string, unknown]] : []),
    ...(types.includes('string') ? [['with a NUL', 'before\u0000after'] as [string, unknown]] : []),
  ];
}

function badRequestsFor(path: string, op: OpenApiOperation): BadRequest[] {
  const params = (op.parameters ?? []).filter((p) => p.in === 'path');
  const query = (op.parameters ?? []).filter((p) => p.in === 'query');
  const fill = (values: Record<string, string>) =>
    path.replace(/\{(\w+)\}/g, (_, name: string) => values[name]!);
  const plausible = fill(Object.fromEntries(params.map((p) => [p.name, plausibleParam(p.schema)])));
  const body = op.requestBody?.content['application/json']?.schema;
  return [
    ...params.flatMap((p) =>
      garbagePathValues.map((value) => ({
        label: `path ${p.name}=${value.slice(0, 20)}`,
        url: fill(
          Object.fromEntries(
            params.map((q) => [q.name, q === p ? value : plausibleParam(q.schema)]),
          ),
        ),
        payload: body ? {} : undefined,
      })),
    ),
    ...query.flatMap((q) =>
      garbageQueryValues.map((value) => ({
        label: `query ${q.name}=${value.slice(0, 20)}`,
        url: `${plausible}?${q.name}=${value}`,
        payload: body ? {} : undefined,
      })),
    ),
    {
      label: 'unknown query parameter',
      url: `${plausible}?unknownParameter=1`,
      payload: body ? {} : undefined,
    },
    ...(body
      ? [
          { label: 'unknown body property', url: plausible, payload: { unknownProperty: true } },
          ...Object.entries(body.properties ?? {}).flatMap(([name, schema]) =>
            badValuesFor(schema).map(([what, value]) => ({
              label: `body ${name} ${what}`,
              url: plausible,
              payload: { ...plausibleBody(body), [name]: value },
            })),
          ),
        ]
      : []),
  ];
}

describe('every operation in the OpenAPI document', () => {
  it('answers generated bad input with a client error problem document, never a server error', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    const paths = doc.json().paths as Record<string, Record<string, OpenApiOperation>>;
    const operations = Object.entries(paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
    );
    // Logging out ends the session the other operations are driven with, so it goes last.
    const isLogout = (o: { method: string; path: string }) =>
      o.method === 'DELETE' && o.path === '/api/v1/session';
    operations.sort((a, b) => Number(isLogout(a)) - Number(isLogout(b)));
    expect(operations.length).toBeGreaterThan(20);

    const failures: string[] = [];
    for (const { method, path, op } of operations) {
      for (const bad of badRequestsFor(path, op)) {
        const res = await admin.request({
          method: method as 'GET',
          url: bad.url,
          payload: bad.payload as object,
        });
        const isProblem = res.headers['content-type']
          ?.toString()
          .includes('application/problem+json');
        if (res.statusCode >= 500 || (res.statusCode >= 400 && !isProblem))
          failures.push(
            `${method} ${path} with ${bad.label}: ${res.statusCode} ${res.body.slice(0, 120)}`,
          );
      }
    }
    expect(failures).toEqual([]);
    // Hundreds of requests: 20 s on an idle machine, more beside other work.
  }, 120_000);
});
