import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRole, browser, startTestApp, type Agent, type TestApp } from '../support/testApp.ts';

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await startTestApp();
  ({ agent: admin } = await asRole(t, 'plan_admin'));
});
afterAll(() => t.close());

interface OrgUnit {
  id: string;
  kind: string;
  name: string;
  code: string | null;
  parentId: string | null;
  archived: boolean;
  version: number;
}

async function createUnit(payload: Record<string, unknown>): Promise<OrgUnit> {
  const res = await admin.request({ method: 'POST', url: '/api/v1/org-units', payload });
  expect(res.statusCode).toBe(201);
  return res.json();
}

const editUnit = (id: string, payload: Record<string, unknown>) =>
  admin.request({ method: 'PATCH', url: `/api/v1/org-units/${id}`, payload });

async function listed(includeArchived = false): Promise<OrgUnit[]> {
  const url = `/api/v1/org-units${includeArchived ? '?includeArchived=true' : ''}`;
  return (await (await browser(t)).request({ method: 'GET', url })).json().items;
}

async function auditOf(id: string) {
  const res = await admin.request({
    method: 'GET',
    url: `/api/v1/audit?entityType=org_unit&entityId=${id}`,
  });
  return res.json().items as { action: string; before: OrgUnit | null; after: OrgUnit | null }[];
}

function expectViolation(res: LightMyRequestResponse, status: number, field: string) {
  expect(res.statusCode).toBe(status);
  expect(res.json().violations).toContainEqual(
    expect.objectContaining({ field, reason: expect.any(String) }),
  );
}

describe('the org chart', () => {
  it('lets an admin create an org unit that the public can read, audited as org_unit.created', async () => {
    const direzione = await createUnit({
      kind: 'direzione',
      name: 'Direzione Generale',
      code: 'DG',
    });
    expect(direzione).toMatchObject({
      kind: 'direzione',
      code: 'DG',
      parentId: null,
      archived: false,
      version: 1,
    });
    const settore = await createUnit({
      kind: 'settore',
      name: 'Settore Mobilità',
      parentId: direzione.id,
    });
    expect((await listed()).map((u) => u.id)).toEqual(
      expect.arrayContaining([direzione.id, settore.id]),
    );
    expect(await auditOf(settore.id)).toEqual([
      expect.objectContaining({ action: 'org_unit.created', before: null, after: settore }),
    ]);
  });

  it('lets an admin rename an org unit, audited with the before and after', async () => {
    const unit = await createUnit({ kind: 'settore', name: 'Settore Ambiente' });
    const res = await editUnit(unit.id, {
      version: unit.version,
      name: 'Settore Ambiente e Clima',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Settore Ambiente e Clima',
      version: unit.version + 1,
    });
    const [latest] = await auditOf(unit.id);
    expect(latest).toMatchObject({
      action: 'org_unit.updated',
      before: { name: 'Settore Ambiente', version: 1 },
      after: { name: 'Settore Ambiente e Clima', version: 2 },
    });
  });

  it('archives an org unit: it leaves the default list, stays in the full one, audited', async () => {
    const unit = await createUnit({ kind: 'unita_progetto', name: 'Unità di progetto PNRR' });
    const res = await editUnit(unit.id, { version: unit.version, archived: true });
    expect(res.json()).toMatchObject({ archived: true, version: unit.version + 1 });
    expect((await listed()).map((u) => u.id)).not.toContain(unit.id);
    expect((await listed(true)).find((u) => u.id === unit.id)).toMatchObject({ archived: true });
    const [latest] = await auditOf(unit.id);
    expect(latest).toMatchObject({
      action: 'org_unit.archived',
      before: { archived: false },
      after: { archived: true },
    });
  });

  it('restores an archived org unit to the default list, audited as org_unit.restored', async () => {
    const unit = await createUnit({ kind: 'settore', name: 'Settore Cultura' });
    const archived = (await editUnit(unit.id, { version: unit.version, archived: true })).json();
    const res = await editUnit(unit.id, { version: archived.version, archived: false });
    expect(res.json()).toMatchObject({ archived: false });
    expect((await listed()).map((u) => u.id)).toContain(unit.id);
    const [latest] = await auditOf(unit.id);
    expect(latest).toMatchObject({
      action: 'org_unit.restored',
      before: { archived: true },
      after: { archived: false },
    });
  });

  it('refuses to make an org unit its own parent with 422 naming body.parentId', async () => {
    const unit = await createUnit({ kind: 'direzione', name: 'Direzione Territorio' });
    expectViolation(
      await editUnit(unit.id, { version: unit.version, parentId: unit.id }),
      422,
      'body.parentId',
    );
  });

  it('refuses a parent that would close a cycle with 422, changing nothing', async () => {
    const top = await createUnit({ kind: 'direzione', name: 'Direzione Sviluppo' });
    const middle = await createUnit({
      kind: 'settore',
      name: 'Settore Sviluppo',
      parentId: top.id,
    });
    const bottom = await createUnit({
      kind: 'unita_progetto',
      name: 'Unità Sviluppo',
      parentId: middle.id,
    });
    const res = await editUnit(top.id, { version: top.version, parentId: bottom.id });
    expectViolation(res, 422, 'body.parentId');
    expect((await listed()).find((u) => u.id === top.id)).toEqual(top);
    expect(await auditOf(top.id)).toHaveLength(1);
  });

  it('refuses an archived org unit as a parent with 422 naming body.parentId', async () => {
    const old = await createUnit({ kind: 'direzione', name: 'Direzione soppressa' });
    await editUnit(old.id, { version: old.version, archived: true });
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/org-units',
      payload: { kind: 'settore', name: 'Settore orfano', parentId: old.id },
    });
    expectViolation(res, 422, 'body.parentId');
  });

  it('refuses a second active unit with the code of another, or its name under the same parent', async () => {
    const first = await createUnit({
      kind: 'settore',
      name: 'Settore Mobilità e Trasporti',
      code: 'MOB',
    });
    const sameCode = await admin.request({
      method: 'POST',
      url: '/api/v1/org-units',
      payload: { kind: 'settore', name: 'Settore Strade', code: ' mob ' },
    });
    expect(sameCode.statusCode).toBe(409);
    expect(sameCode.json()).toMatchObject({
      code: 'orgUnitCodeExists',
      params: { code: 'MOB', name: 'Settore Mobilità e Trasporti' },
    });
    const sameName = await admin.request({
      method: 'POST',
      url: '/api/v1/org-units',
      payload: { kind: 'settore', name: 'settore mobilità e trasporti' },
    });
    expect(sameName.json()).toMatchObject({ code: 'orgUnitNameExists' });
    // Under another parent the name may repeat; once the first is archived, so may the code.
    const parent = await createUnit({ kind: 'direzione', name: 'Direzione Infrastrutture' });
    const below = await createUnit({
      kind: 'settore',
      name: 'Settore Mobilità e Trasporti',
      parentId: parent.id,
    });
    expect(below.parentId).toBe(parent.id);
    const archived = await editUnit(first.id, { version: first.version, archived: true });
    const again = await createUnit({ kind: 'settore', name: 'Settore Strade', code: 'MOB' });
    expect(again.code).toBe('MOB');
    // An archived unit clashes with nothing while it stays archived, and again once restored.
    const renamed = await editUnit(first.id, {
      version: archived.json().version,
      name: 'Settore Strade',
    });
    expect(renamed.statusCode).toBe(200);
    const restored = await editUnit(first.id, {
      version: renamed.json().version,
      archived: false,
    });
    expect(restored.json()).toMatchObject({ code: 'orgUnitCodeExists' });
  });

  it('refuses a stale save with 409 and keeps the newer value', async () => {
    const unit = await createUnit({ kind: 'settore', name: 'Settore Bilancio' });
    expect(
      (await editUnit(unit.id, { version: unit.version, name: 'Settore Bilancio e Tributi' }))
        .statusCode,
    ).toBe(200);
    const stale = await editUnit(unit.id, { version: unit.version, name: 'Settore Finanze' });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json().code).toBe('stale');
    expect((await listed()).find((u) => u.id === unit.id)?.name).toBe('Settore Bilancio e Tributi');
  });

  it('no longer lets an archived org unit be given to an editor', async () => {
    const unit = await createUnit({ kind: 'settore', name: 'Settore Statistica' });
    await editUnit(unit.id, { version: unit.version, archived: true });
    const { agent: systemAdmin } = await asRole(t, 'system_admin');
    const res = await systemAdmin.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        email: 'statistica@example.it',
        name: 'Redattrice',
        role: 'editor',
        orgUnitIds: [unit.id],
      },
    });
    expectViolation(res, 422, 'body.orgUnitIds');
  });
});

describe('names and codes kept apart by the database too', () => {
  it('lets one of several units created at the same instant with one code through, and says why to the others', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        admin.request({
          method: 'POST',
          url: '/api/v1/org-units',
          payload: { kind: 'settore', name: `Settore concorrente ${i}`, code: 'CONC' },
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const refused of answers.filter((a) => a.statusCode === 409))
      expect(refused.json()).toMatchObject({ code: 'orgUnitCodeExists', params: { code: 'CONC' } });
  });

  it('lets one of several zones created at the same instant with one name through', async () => {
    const { agent } = await asRole(t, 'plan_admin');
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        agent.request({
          method: 'POST',
          url: '/api/v1/zones',
          payload: { id: `zona-gemella-${i}`, name: i % 2 ? 'Zona Gemella' : ' zona gemella' },
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const refused of answers.filter((a) => a.statusCode === 409))
      expect(refused.json()).toMatchObject({ code: 'zoneNameExists' });

    // A name that ends with a tab or a line break is the same name once trimmed.
    for (const name of ['Zona Gemella\t', 'zona gemella\n']) {
      const late = await agent.request({
        method: 'POST',
        url: '/api/v1/zones',
        payload: { id: 'zona-gemella-tardiva', name },
      });
      expect(late.statusCode).toBe(409);
      expect(late.json()).toMatchObject({ code: 'zoneNameExists' });
    }
    await createUnit({ kind: 'settore', name: 'Settore Tabulato' });
    const unit = await admin.request({
      method: 'POST',
      url: '/api/v1/org-units',
      payload: { kind: 'settore', name: 'Settore Tabulato\t', code: 'ALTRO' },
    });
    expect(unit.json()).toMatchObject({ code: 'orgUnitNameExists' });
  });

  it('tells apart, when migrating, the duplicates stored before the indexes existed', async () => {
    const fresh = await startTestApp();
    try {
      const run = (text: string) => fresh.handle.db.execute(sql.raw(text));
      for (const index of ['zones_name_unique', 'org_units_code_unique', 'org_units_name_unique'])
        await run(`DROP INDEX ${index}`);
      await run(`INSERT INTO zones (id, name, created_at) VALUES
                   ('doppia-a', 'Zona doppia', now() - interval '2 days'),
                   ('doppia-b', 'ZONA DOPPIA ', now() - interval '1 day')`);
      await run(`INSERT INTO org_units (kind, name, code, created_at) VALUES
                   ('settore', 'Settore Uno', 'DUP', now() - interval '2 days'),
                   ('settore', 'Settore Due', 'dup', now() - interval '1 day'),
                   ('settore', 'settore uno', NULL, now())`);
      const migration = readFileSync(
        new URL('../../src/db/migrations/0012_unique_names.sql', import.meta.url),
        'utf8',
      );
      for (const statement of migration.split('--> statement-breakpoint')) await run(statement);
      const rows = async (text: string) =>
        ((await run(text)) as unknown as { rows: Record<string, string | null>[] }).rows;
      expect(await rows(`SELECT id, name FROM zones WHERE id LIKE 'doppia-%' ORDER BY id`)).toEqual(
        [
          { id: 'doppia-a', name: 'Zona doppia' },
          { id: 'doppia-b', name: 'ZONA DOPPIA  (doppia-b)' },
        ],
      );
      const units = await rows(
        `SELECT left(id::text, 8) AS id, name, code FROM org_units
         WHERE name ILIKE 'settore uno%' OR name = 'Settore Due' ORDER BY created_at`,
      );
      expect(units).toEqual([
        { id: units[0]!.id, name: 'Settore Uno', code: 'DUP' },
        { id: units[1]!.id, name: 'Settore Due', code: `dup-${units[1]!.id}` },
        { id: units[2]!.id, name: `settore uno (${units[2]!.id})`, code: null },
      ]);
    } finally {
      await fresh.close();
    }
  });
});
