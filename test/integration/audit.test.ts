import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAuditEntry } from '../../src/modules/audit/repo.ts';
import { asRole, startTestApp, type Agent, type TestApp } from '../support/testApp.ts';

interface Entry {
  id: number;
  at: string;
  actorId: string | null;
  actorLabel: string;
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

let t: TestApp;
let systemAdmin: { agent: Agent; user: { id: string; email: string } };
let planAdmin: { agent: Agent; user: { id: string; email: string } };
let unitId: string;

/** A history with two actors: the system admin creates an org unit, the plan admin renames it. */
beforeAll(async () => {
  t = await startTestApp();
  systemAdmin = await asRole(t, 'system_admin');
  planAdmin = await asRole(t, 'plan_admin');
  const unit = await systemAdmin.agent.request({
    method: 'POST',
    url: '/api/v1/org-units',
    payload: { kind: 'direzione', name: 'Direzione Pianificazione strategica' },
  });
  unitId = unit.json().id;
  await planAdmin.agent.request({
    method: 'PATCH',
    url: `/api/v1/org-units/${unitId}`,
    payload: { version: 1, name: 'Direzione Piano strategico' },
  });
});
afterAll(() => t.close());

async function audit(
  query: string,
): Promise<{ items: Entry[]; total: number; page: number; pageSize: number }> {
  const res = await systemAdmin.agent.request({ method: 'GET', url: `/api/v1/audit?${query}` });
  expect(res.statusCode).toBe(200);
  return res.json();
}

/** Entries of a made-up entity type, written straight to the log at the given instants. */
async function pastEntries(entityType: string, instants: string[]) {
  for (const [i, at] of instants.entries()) {
    await insertAuditEntry(t.ctx.db, {
      at: new Date(at),
      actorId: null,
      actorLabel: 'fixture',
      ip: null,
      action: `${entityType}.event_${i + 1}`,
      entityType,
      entityId: String(i + 1),
    });
  }
}

function expectViolation(res: LightMyRequestResponse, status: number, field: string) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json().violations.map((v: { field: string }) => v.field)).toContain(field);
}

describe('what the audit log records', () => {
  it('records who changed what, from where, with the values before and after', async () => {
    const { items } = await audit(`entityType=org_unit&entityId=${unitId}&action=org_unit.updated`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      actorId: planAdmin.user.id,
      actorLabel: expect.stringContaining(planAdmin.user.email),
      ip: '127.0.0.1',
      before: { name: 'Direzione Pianificazione strategica' },
      after: { name: 'Direzione Piano strategico' },
    });
  });
});

describe('filtering the audit log', () => {
  it('filters by entity type', async () => {
    const { items } = await audit('entityType=org_unit&pageSize=200');
    expect(items.map((e) => e.action).sort()).toEqual(['org_unit.created', 'org_unit.updated']);
  });

  it('filters by action', async () => {
    const { items } = await audit('action=session.login&pageSize=200');
    expect(items.every((e) => e.action === 'session.login')).toBe(true);
    expect(items.map((e) => e.actorId).sort()).toEqual(
      [planAdmin.user.id, systemAdmin.user.id].sort(),
    );
  });

  it('filters by the actor', async () => {
    const { items } = await audit(`actorId=${planAdmin.user.id}&pageSize=200`);
    expect(items.map((e) => e.action).sort()).toEqual(['org_unit.updated', 'session.login']);
  });

  it('filters by a time window, both ends included', async () => {
    await pastEntries('fixture_window', [
      '2024-01-10T09:00:00Z',
      '2024-02-10T09:00:00Z',
      '2024-03-10T09:00:00Z',
      '2024-04-10T09:00:00Z',
    ]);
    const { items } = await audit(
      'entityType=fixture_window&from=2024-02-10T09:00:00Z&to=2024-03-10T09:00:00Z',
    );
    expect(items.map((e) => e.at)).toEqual([
      '2024-03-10T09:00:00.000Z',
      '2024-02-10T09:00:00.000Z',
    ]);
  });

  it('filters from an instant onwards and up to an instant', async () => {
    await pastEntries('fixture_ends', ['2023-05-01T12:00:00Z', '2023-06-01T12:00:00Z']);
    const from = await audit('entityType=fixture_ends&from=2023-05-15T00:00:00%2B02:00');
    const to = await audit('entityType=fixture_ends&to=2023-05-15T00:00:00%2B02:00');
    expect(from.items.map((e) => e.entityId)).toEqual(['2']);
    expect(to.items.map((e) => e.entityId)).toEqual(['1']);
  });

  it('refuses a window whose start is after its end with 422 naming querystring.from', async () => {
    const res = await systemAdmin.agent.request({
      method: 'GET',
      url: '/api/v1/audit?from=2024-03-01T00:00:00Z&to=2024-02-01T00:00:00Z',
    });
    expectViolation(res, 422, 'querystring.from');
  });

  it.each([
    ['a leap second', 'from', '2016-12-31T23:59:60Z'],
    ['year 0', 'from', '0000-01-01T00:00:00Z'],
    ['a time that falls in year 10000', 'to', '9999-12-31T23:59:59-14:00'],
  ])('refuses %s as a bound with 422 rather than a server error', async (_what, bound, value) => {
    const res = await systemAdmin.agent.request({
      method: 'GET',
      url: `/api/v1/audit?${bound}=${encodeURIComponent(value)}`,
    });
    expectViolation(res, 422, `querystring.${bound}`);
  });
});

describe('paging through the audit log', () => {
  const instants = Array.from({ length: 7 }, (_, i) => `2022-0${i + 1}-01T08:00:00Z`);
  beforeAll(() => pastEntries('fixture_paging', instants));

  it('pages newest first with a stable total, each entry on exactly one page', async () => {
    const pages = [
      await audit('entityType=fixture_paging&pageSize=3&page=1'),
      await audit('entityType=fixture_paging&pageSize=3&page=2'),
      await audit('entityType=fixture_paging&pageSize=3&page=3'),
    ];
    expect(pages.map((p) => p.total)).toEqual([7, 7, 7]);
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1]);
    expect(pages.flatMap((p) => p.items.map((e) => e.entityId))).toEqual([
      '7',
      '6',
      '5',
      '4',
      '3',
      '2',
      '1',
    ]);
  });

  it('answers a page past the end with no items and the same total', async () => {
    const past = await audit('entityType=fixture_paging&pageSize=3&page=4');
    expect(past).toMatchObject({ items: [], total: 7, page: 4, pageSize: 3 });
  });
});
