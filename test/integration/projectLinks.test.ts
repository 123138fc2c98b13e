import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/roles.ts';
import { createOrgUnit } from '../../src/modules/organisation/service.ts';
import { createItem, deleteItem } from '../../src/modules/plan/items.ts';
import { createPlan, getPlan } from '../../src/modules/plan/versions.ts';
import { linkedFunding } from '../../src/modules/projects/links.ts';
import { asRole, browser, startTestApp, type Agent, type TestApp } from '../support/testApp.ts';

let t: TestApp;
let officer: Agent;
let auditor: Agent;
let mobilityUnit: string;
let versionId: string;
let goalKey: string;
/** An action of the mobility unit, and one of no unit. */
let cycling: { key: string; title: string };
let parks: { key: string; title: string };

/** A plan with a goal and two actions, and an officer of the PNRR unit who links projects. */
beforeAll(async () => {
  t = await startTestApp();
  officer = (await asRole(t, 'pnrr_officer')).agent;
  auditor = (await asRole(t, 'system_admin')).agent;
  mobilityUnit = (
    await createOrgUnit(t.ctx, systemActor, { kind: 'settore', name: 'Settore Mobilità' })
  ).id;
  const plan = await createPlan(t.ctx, systemActor, {
    slug: 'piano-collegamenti',
    title: 'Piano dei collegamenti',
    periodStart: 2026,
    periodEnd: 2028,
  });
  versionId = plan.versions[0]!.id;
  const goal = await createItem(t.ctx, systemActor, versionId, {
    kind: 'goal',
    title: 'Muoversi senza auto',
    sectionCode: '1',
    missions: ['M2'],
  });
  goalKey = goal.key;
  cycling = await createItem(t.ctx, systemActor, versionId, {
    kind: 'action',
    title: 'Mobilità ciclabile verso la scuola',
    parentKey: goal.key,
    orgUnitId: mobilityUnit,
  });
  parks = await createItem(t.ctx, systemActor, versionId, {
    kind: 'action',
    title: 'Parchi metropolitani',
    parentKey: goal.key,
  });
});
afterAll(() => t.close());

/** The suggestions run on the plan of these tests, by the officer. */
function runSuggestions() {
  return officer.request({
    method: 'POST',
    url: `/api/v1/plan-versions/${versionId}/link-suggestions`,
  });
}

let cups = 0;
/** A project entered by hand (not from a PNRR release), with its own CUP. */
async function manualProject(title = 'Pista ciclabile per la scuola di Rho'): Promise<string> {
  cups += 1;
  const res = await officer.request({
    method: 'POST',
    url: '/api/v1/projects',
    payload: {
      cup: `E41B2600010${String(cups).padStart(4, '0')}`,
      title,
      programme: 'Regione Lombardia',
      mission: 'M2',
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

function link(agent: Agent, projectId: string, actionKey: string, body: object) {
  return agent.request({
    method: 'PUT',
    url: `/api/v1/projects/${projectId}/links/${actionKey}`,
    payload: body,
  });
}

/** All the links of a project, as the PNRR unit sees them (suggested and rejected ones too). */
async function linksOf(projectId: string) {
  return (
    await officer.request({ method: 'GET', url: `/api/v1/project-links?projectId=${projectId}` })
  ).json() as {
    total: number;
    items: {
      actionKey: string;
      status: string;
      actionTitle: string | null;
      actionVersionId: string | null;
      actionOrgUnitId: string | null;
      reasons: string[];
    }[];
  };
}

async function auditOf(projectId: string) {
  const res = await auditor.request({
    method: 'GET',
    url: `/api/v1/audit?entityType=project&entityId=${projectId}`,
  });
  expect(res.statusCode).toBe(200);
  return (
    res.json() as { items: { action: string; before: unknown; after: unknown; actorId: string }[] }
  ).items.filter((entry) => entry.action.startsWith('project_link.'));
}

describe('linking a project to an action by hand', () => {
  it('links a project entered by hand to an action no suggestion named, and lists the link', async () => {
    const projectId = await manualProject();
    const res = await link(officer, projectId, cycling.key, { versionId, status: 'accepted' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      projectId,
      actionKey: cycling.key,
      status: 'accepted',
      score: null,
      reasons: [],
      actionTitle: cycling.title,
      actionVersionId: versionId,
      actionOrgUnitId: mobilityUnit,
    });
    const listed = await linksOf(projectId);
    expect(listed.total).toBe(1);
    expect(listed.items[0]).toMatchObject({
      actionKey: cycling.key,
      status: 'accepted',
      actionTitle: cycling.title,
      actionVersionId: versionId,
      actionOrgUnitId: mobilityUnit,
    });
  });

  it('pages the links of a project with equal scores one after the other, each once', async () => {
    const projectId = await manualProject('Parco ciclabile della scuola di Rho');
    for (const key of [cycling.key, parks.key])
      expect(
        (await link(officer, projectId, key, { versionId, status: 'accepted' })).statusCode,
      ).toBe(200);
    const page = async (n: number) =>
      (
        await officer.request({
          method: 'GET',
          url: `/api/v1/project-links?projectId=${projectId}&pageSize=1&page=${n}`,
        })
      ).json() as { total: number; items: { actionKey: string; actionTitle: string }[] };
    const [first, second] = [await page(1), await page(2)];
    expect(first.total).toBe(2);
    expect([first.items[0]!.actionKey, second.items[0]!.actionKey].sort()).toEqual(
      [cycling.key, parks.key].sort(),
    );
    // The page's links come with their action, joined after the page is chosen.
    expect([first.items[0]!.actionTitle, second.items[0]!.actionTitle].sort()).toEqual(
      [cycling.title, parks.title].sort(),
    );
    expect((await page(1)).items[0]!.actionKey).toBe(first.items[0]!.actionKey);
  });

  it('records who linked it in the audit log, with the action and the version', async () => {
    const projectId = await manualProject();
    await link(officer, projectId, cycling.key, { versionId, status: 'accepted' });
    const entries = await auditOf(projectId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'project_link.accepted',
      before: null,
      after: { actionKey: cycling.key, status: 'accepted', versionId },
    });
  });

  it('unlinks it: the link is rejected, no longer accepted, and the change audited', async () => {
    const projectId = await manualProject();
    await link(officer, projectId, parks.key, { versionId, status: 'accepted' });
    const res = await link(officer, projectId, parks.key, { versionId, status: 'rejected' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('rejected');
    const accepted = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/project-links?projectId=${projectId}&status=accepted`,
      })
    ).json();
    expect(accepted.total).toBe(0);
    const entries = await auditOf(projectId);
    expect(entries.map((e) => e.action).sort()).toEqual([
      'project_link.accepted',
      'project_link.rejected',
    ]);
    expect(entries.find((e) => e.action === 'project_link.rejected')).toMatchObject({
      before: { actionKey: parks.key, status: 'accepted' },
      after: { actionKey: parks.key, status: 'rejected' },
    });
  });
});

describe('who may link a project by hand', () => {
  it('asks an anonymous visitor to log in, and writes nothing', async () => {
    const projectId = await manualProject();
    const anonymous = await browser(t);
    const res = await link(anonymous, projectId, cycling.key, { versionId, status: 'accepted' });
    expect(res.statusCode).toBe(401);
    expect((await linksOf(projectId)).total).toBe(0);
  });

  it.each(['participant', 'comune_referent', 'zone_referent'] as const)(
    'refuses a %s, and writes nothing',
    async (role) => {
      const projectId = await manualProject();
      const scope =
        role === 'comune_referent'
          ? { comuneCode: '015146' }
          : role === 'zone_referent'
            ? { zoneId: await someZone() }
            : {};
      const { agent } = await asRole(t, role, scope);
      const res = await link(agent, projectId, cycling.key, { versionId, status: 'accepted' });
      expect(res.statusCode).toBe(403);
      // Refused before anything is looked up: an unknown action is no different.
      const unknown = await link(agent, projectId, crypto.randomUUID(), {
        versionId,
        status: 'accepted',
      });
      expect(unknown.statusCode).toBe(403);
      expect((await linksOf(projectId)).total).toBe(0);
      expect(await auditOf(projectId)).toEqual([]);
    },
  );

  it('lets an editor link the actions of their org unit, and not the others', async () => {
    const projectId = await manualProject();
    const { agent } = await asRole(t, 'editor', { orgUnitIds: [mobilityUnit] });
    const own = await link(agent, projectId, cycling.key, { versionId, status: 'accepted' });
    expect(own.statusCode).toBe(200);
    const other = await link(agent, projectId, parks.key, { versionId, status: 'accepted' });
    expect(other.statusCode).toBe(403);
    expect((await linksOf(projectId)).items.map((l) => l.actionKey)).toEqual([cycling.key]);
  });
});

async function someZone(): Promise<string> {
  const zones = (await t.app.inject({ method: 'GET', url: '/api/v1/zones' })).json();
  return (Array.isArray(zones) ? zones : zones.items)[0].id;
}

describe('a link to something that is not there', () => {
  it('names the version when no plan version has its id, and writes nothing', async () => {
    const projectId = await manualProject();
    const res = await link(officer, projectId, cycling.key, {
      versionId: crypto.randomUUID(),
      status: 'accepted',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().violations).toEqual([
      expect.objectContaining({ field: 'body.versionId', code: 'unknownPlanVersion' }),
    ]);
    expect((await linksOf(projectId)).total).toBe(0);
    expect(await auditOf(projectId)).toEqual([]);
  });

  it('names the action when the version has no item of that key, or the key is a goal', async () => {
    const projectId = await manualProject();
    const unknown = crypto.randomUUID();
    const res = await link(officer, projectId, unknown, { versionId, status: 'accepted' });
    expect(res.statusCode).toBe(422);
    expect(res.json().violations).toEqual([
      expect.objectContaining({
        field: 'params.actionKey',
        code: 'unknownItems',
        params: { keys: unknown },
      }),
    ]);
    const goal = await link(officer, projectId, goalKey, { versionId, status: 'accepted' });
    expect(goal.statusCode).toBe(422);
    expect(goal.json().violations[0]).toMatchObject({
      field: 'params.actionKey',
      code: 'actionsOnly',
    });
    expect((await linksOf(projectId)).total).toBe(0);
    expect(await auditOf(projectId)).toEqual([]);
  });

  it('refuses a malformed key, a status other than accepted or rejected, and an unknown project', async () => {
    const projectId = await manualProject();
    const malformed = await link(officer, projectId, 'not-a-key', {
      versionId,
      status: 'accepted',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().violations[0].field).toBe('params.actionKey');
    const suggested = await link(officer, projectId, cycling.key, {
      versionId,
      status: 'suggested',
    });
    expect(suggested.statusCode).toBe(400);
    expect(suggested.json().violations[0].field).toBe('body.status');
    const nowhere = await link(officer, crypto.randomUUID(), cycling.key, {
      versionId,
      status: 'accepted',
    });
    expect(nowhere.statusCode).toBe(404);
    expect((await linksOf(projectId)).total).toBe(0);
  });
});

describe('suggestions that explain themselves', () => {
  it('lists the words a project and an action have in common, as the action writes them', async () => {
    const projectId = await manualProject('Pista ciclabile per la scuola di Pero');
    const res = await runSuggestions();
    expect(res.statusCode).toBe(200);
    const suggestion = (await linksOf(projectId)).items.find((l) => l.actionKey === cycling.key);
    expect(suggestion?.status).toBe('suggested');
    expect(suggestion?.reasons).toEqual(['mission', 'words:2:ciclabile,scuola']);
  });

  it('keeps the title of a suggested action, for the day the action is deleted', async () => {
    const doomed = await createItem(t.ctx, systemActor, versionId, {
      kind: 'action',
      title: 'Ciclovie scolastiche da cancellare',
      parentKey: goalKey,
    });
    const projectId = await manualProject('Ciclovie scolastiche di Arese');
    expect((await runSuggestions()).statusCode).toBe(200);
    expect((await linksOf(projectId)).items.find((l) => l.actionKey === doomed.key)?.status).toBe(
      'suggested',
    );
    await deleteItem(t.ctx, systemActor, versionId, doomed.key, doomed.rowVersion);
    expect((await linksOf(projectId)).items.find((l) => l.actionKey === doomed.key)).toMatchObject({
      actionTitle: 'Ciclovie scolastiche da cancellare',
      actionVersionId: null,
    });
  });

  it('does not suggest a pair that shares only common words, numbers and short words', async () => {
    const generic = await createItem(t.ctx, systemActor, versionId, {
      kind: 'action',
      title: 'Progetto di intervento del Comune di Milano per il 2026, via per via',
      parentKey: goalKey,
    });
    const projectId = await manualProject(
      'Intervento nel comune di Milano: progetto 2026 in via Roma',
    );
    const res = await runSuggestions();
    expect(res.statusCode).toBe(200);
    // The same mission alone scores 1, below the 2 a suggestion needs.
    expect((await linksOf(projectId)).items.map((l) => l.actionKey)).not.toContain(generic.key);
  });

  it('names only the words that say what both are about, not the common ones', async () => {
    const lanes = await createItem(t.ctx, systemActor, versionId, {
      kind: 'action',
      title: 'Intervento sulle piste ciclabili del Comune di Milano entro il 2026',
      parentKey: goalKey,
    });
    const projectId = await manualProject(
      'Progetto di intervento per le piste ciclabili nel comune di Milano, 2026',
    );
    await runSuggestions();
    const suggestion = (await linksOf(projectId)).items.find((l) => l.actionKey === lanes.key);
    expect(suggestion?.reasons).toEqual(['mission', 'words:2:ciclabili,piste']);
  });
});

describe('who sees the links not yet decided', () => {
  it('shows the public the accepted links only, and refuses it the suggested ones', async () => {
    const projectId = await manualProject('Pista ciclabile per la scuola di Arese');
    await runSuggestions();
    expect((await linksOf(projectId)).items.some((l) => l.status === 'suggested')).toBe(true);
    const visitor = await browser(t);
    const asked = (status = '') =>
      visitor.request({
        method: 'GET',
        url: `/api/v1/project-links?projectId=${projectId}${status}`,
      });
    const everything = await asked();
    expect(everything.statusCode).toBe(200);
    expect(everything.json().items.every((l: { status: string }) => l.status === 'accepted')).toBe(
      true,
    );
    expect((await asked('&status=suggested')).statusCode).toBe(401);
    expect((await asked('&status=rejected')).statusCode).toBe(401);
    expect((await asked('&status=accepted')).statusCode).toBe(200);
    const { agent: participant } = await asRole(t, 'participant');
    const refused = await participant.request({
      method: 'GET',
      url: `/api/v1/project-links?status=suggested`,
    });
    expect(refused.statusCode).toBe(403);
  });
});

describe('links to actions the public cannot see', () => {
  it('hides from the public a link to an action only a draft holds, and shows one to an adopted action', async () => {
    const projectId = await manualProject('Pista ciclabile per la scuola di Lainate');
    // The plan of these tests is a draft: its actions are the plan office's work in progress.
    expect(
      (await link(officer, projectId, parks.key, { versionId, status: 'accepted' })).statusCode,
    ).toBe(200);
    const seeded = await getPlan(t.ctx, systemActor, 'psttm-2022-2024');
    const adopted = seeded.versions.find((v) => v.status === 'adopted')!;
    const { rows } = (await t.handle.db.execute(
      sql`SELECT key, title FROM plan_items WHERE version_id = ${adopted.id} AND kind = 'action' LIMIT 1`,
    )) as unknown as { rows: { key: string; title: string }[] };
    const published = rows[0]!;
    expect(
      (await link(officer, projectId, published.key, { versionId: adopted.id, status: 'accepted' }))
        .statusCode,
    ).toBe(200);

    const visitor = await browser(t);
    const seen = (
      await visitor.request({ method: 'GET', url: `/api/v1/project-links?projectId=${projectId}` })
    ).json();
    expect(seen.total).toBe(1);
    expect(seen.items.map((l: { actionTitle: string }) => l.actionTitle)).toEqual([
      published.title,
    ]);
    const staff = await linksOf(projectId);
    expect(staff.total).toBe(2);
    expect(staff.items.map((l) => l.actionTitle).sort()).toEqual(
      [published.title, parks.title].sort(),
    );
  });
});

describe('a link to an action the plan no longer holds', () => {
  /** A project linked to an action of the draft, which is then deleted from it. */
  async function linkedToDeletedAction() {
    const action = await createItem(t.ctx, systemActor, versionId, {
      kind: 'action',
      title: 'Azione che sarà cancellata',
      parentKey: goalKey,
      orgUnitId: mobilityUnit,
    });
    const projectId = await manualProject();
    expect(
      (await link(officer, projectId, action.key, { versionId, status: 'accepted' })).statusCode,
    ).toBe(200);
    await deleteItem(t.ctx, systemActor, versionId, action.key, action.rowVersion);
    return { projectId, actionKey: action.key };
  }

  it('still lists the link, with its key and the title the action had when linked', async () => {
    const { projectId, actionKey } = await linkedToDeletedAction();
    expect((await linksOf(projectId)).items).toEqual([
      expect.objectContaining({
        actionKey,
        status: 'accepted',
        actionTitle: 'Azione che sarà cancellata',
        actionVersionId: null,
        actionOrgUnitId: null,
      }),
    ]);
  });

  it('removes it without a version to name, and audits the removal', async () => {
    const { projectId, actionKey } = await linkedToDeletedAction();
    const res = await link(officer, projectId, actionKey, { status: 'rejected' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ actionKey, status: 'rejected', actionVersionId: null });
    const accepted = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/project-links?projectId=${projectId}&status=accepted`,
      })
    ).json();
    expect(accepted.total).toBe(0);
    expect(
      (await auditOf(projectId)).find((e) => e.action === 'project_link.rejected'),
    ).toMatchObject({
      before: { actionKey, status: 'accepted' },
      after: { actionKey, status: 'rejected', versionId: null },
    });
  });

  it('lets an editor who links projects remove it: the action has no org unit left to check', async () => {
    const { projectId, actionKey } = await linkedToDeletedAction();
    const { agent } = await asRole(t, 'editor', { orgUnitIds: [mobilityUnit] });
    const res = await link(agent, projectId, actionKey, { status: 'rejected' });
    expect(res.statusCode).toBe(200);
  });

  it('refuses who may not link, and writes nothing', async () => {
    const { projectId, actionKey } = await linkedToDeletedAction();
    const { agent } = await asRole(t, 'participant');
    expect((await link(agent, projectId, actionKey, { status: 'rejected' })).statusCode).toBe(403);
    expect((await linksOf(projectId)).items[0]?.status).toBe('accepted');
  });

  it('asks for the version when the action is still in the plan, or when the link is made', async () => {
    const projectId = await manualProject();
    await link(officer, projectId, cycling.key, { versionId, status: 'accepted' });
    const present = await link(officer, projectId, cycling.key, { status: 'rejected' });
    expect(present.statusCode).toBe(422);
    expect(present.json().violations[0]).toMatchObject({
      field: 'body.versionId',
      code: 'required',
    });
    const made = await link(officer, projectId, parks.key, { status: 'accepted' });
    expect(made.statusCode).toBe(422);
    expect(made.json().violations[0]).toMatchObject({ field: 'body.versionId', code: 'required' });
    expect((await linksOf(projectId)).items.map((l) => [l.actionKey, l.status])).toEqual([
      [cycling.key, 'accepted'],
    ]);
  });

  it("no longer counts it: the project's money goes whole to the actions that remain", async () => {
    const { projectId, actionKey } = await linkedToDeletedAction();
    await t.handle.db.execute(sql`UPDATE projects SET funding_pnrr = 1000 WHERE id = ${projectId}`);
    const kept = await createItem(t.ctx, systemActor, versionId, {
      kind: 'action',
      title: 'Azione che resta',
      parentKey: goalKey,
    });
    await link(officer, projectId, kept.key, { versionId, status: 'accepted' });
    const funding = await linkedFunding(t.ctx, [kept.key, actionKey], false);
    expect(funding.get(kept.key)).toBe(1000);
  });

  it("splits a project's money on a published version among the actions the public reads", async () => {
    const [published] = (
      (await t.handle.db.execute(sql`
        SELECT i.key, i.version_id FROM plan_items i JOIN plan_versions v ON v.id = i.version_id
        WHERE v.status <> 'draft' AND i.kind = 'action' ORDER BY i.key LIMIT 1`)) as unknown as {
        rows: { key: string; version_id: string }[];
      }
    ).rows;
    const key = published!.key;
    const money = async () => {
      const [asPublished, asDraft] = await Promise.all([
        linkedFunding(t.ctx, [key], true),
        linkedFunding(t.ctx, [key], false),
      ]);
      return { published: asPublished.get(key) ?? 0, draft: asDraft.get(key) ?? 0 };
    };
    const before = await money();
    const projectId = await manualProject('Pista ciclabile di Arese');
    await t.handle.db.execute(sql`UPDATE projects SET funding_pnrr = 900 WHERE id = ${projectId}`);
    await link(officer, projectId, key, { versionId: published!.version_id, status: 'accepted' });
    // Also linked to an action only this test's draft holds.
    await link(officer, projectId, cycling.key, { versionId, status: 'accepted' });
    const after = await money();
    expect(after.published - before.published).toBeCloseTo(900);
    expect(after.draft - before.draft).toBeCloseTo(450);
  });

  it('names the action when the project has no link to that key', async () => {
    const projectId = await manualProject();
    const unknown = crypto.randomUUID();
    const res = await link(officer, projectId, unknown, { status: 'rejected' });
    expect(res.statusCode).toBe(422);
    expect(res.json().violations[0]).toMatchObject({
      field: 'params.actionKey',
      code: 'unknownItems',
    });
    expect(await auditOf(projectId)).toHaveLength(0);
  });
});

describe('the PNRR money linked to the plan, as the public reads it', () => {
  it('counts only links to actions of a version the public can read', async () => {
    const coverage = async () =>
      (await t.app.inject({ method: 'GET', url: '/api/v1/project-links/coverage' })).json();
    const before = await coverage();
    const projectId = await manualProject('Pista ciclabile di Pero');
    await t.handle.db.execute(sql`UPDATE projects SET funding_pnrr = 2500 WHERE id = ${projectId}`);
    // The plan of these tests is a draft: a link to its action is not one the public sees.
    await link(officer, projectId, parks.key, { versionId, status: 'accepted' });
    const after = await coverage();
    expect(after.linkedProjects).toBe(before.linkedProjects);
    expect(after.unlinkedProjects).toBe(before.unlinkedProjects + 1);
    expect(after.unlinkedEur).toBe(before.unlinkedEur + 2500);
  });
});

describe("the PNRR money of an action's projects", () => {
  let batches = 0;
  /** Projects written straight in SQL, each accepted (or suggested) for the action. */
  async function linkedInSql(actionKey: string, count: number, eur: number | null, status: string) {
    await t.handle.db.execute(sql`
      WITH p AS (
        INSERT INTO projects (cup, local_code, title, funding_pnrr, is_manual)
        SELECT 'F' || lpad(n::text, 14, '0'), ${`somma-${(batches += 1)}-`} || n, 'Progetto ' || n, ${eur}::numeric, true
        FROM generate_series(1, ${count}) AS n
        RETURNING id)
      INSERT INTO project_action_links (project_id, action_key, status)
      SELECT id, ${actionKey}::uuid, ${status} FROM p`);
  }

  function totals(agent: Agent | null, actionKey: string) {
    const request = {
      method: 'GET' as const,
      url: `/api/v1/project-links/totals?actionKey=${actionKey}`,
    };
    return agent ? agent.request(request) : t.app.inject(request);
  }

  it('adds up every accepted project, however many, and counts those without an amount', async () => {
    const action = await createItem(t.ctx, systemActor, versionId, {
      kind: 'action',
      title: 'Scuole sicure in ogni comune',
      parentKey: goalKey,
    });
    await linkedInSql(action.key, 120, 1000.5, 'accepted');
    await linkedInSql(action.key, 1, null, 'accepted');
    await linkedInSql(action.key, 3, 99999, 'suggested');
    const res = await totals(officer, action.key);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ projects: 121, fundingPnrr: 120060 });
    // A page lists at most 100 of them; the sum is of all.
    const page = (
      await officer.request({
        method: 'GET',
        url: `/api/v1/project-links?actionKey=${action.key}&status=accepted&pageSize=100`,
      })
    ).json();
    expect([page.items.length, page.total]).toEqual([100, 121]);
  });

  it('gives the public nothing of an action only a draft holds, as the list does', async () => {
    const action = await createItem(t.ctx, systemActor, versionId, {
      kind: 'action',
      title: 'Azione in bozza',
      parentKey: goalKey,
    });
    await linkedInSql(action.key, 2, 500, 'accepted');
    expect((await totals(officer, action.key)).json()).toEqual({ projects: 2, fundingPnrr: 1000 });
    const res = await totals(null, action.key);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ projects: 0, fundingPnrr: 0 });
  });

  it('names the action key when it is missing or malformed', async () => {
    for (const query of ['', '?actionKey=nope']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/project-links/totals${query}`,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().violations[0].field).toMatch(/actionKey/);
    }
  });
});
