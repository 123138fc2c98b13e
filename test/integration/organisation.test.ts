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
