import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actDocuments } from '../../src/db/schema/index.ts';
import { partialUpload, portOf } from '../support/partialUpload.ts';
import { asRole, browser, startTestApp, type Agent, type TestApp } from '../support/testApp.ts';

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await startTestApp();
  admin = (await asRole(t, 'plan_admin')).agent;
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

async function planBySlug(slug: string, agent?: Agent) {
  const res = agent
    ? await agent.request({ method: 'GET', url: `/api/v1/plans/${slug}` })
    : await get(`/api/v1/plans/${slug}`);
  return res.json();
}

async function createOrgUnit(name: string) {
  const res = await admin.request({
    method: 'POST',
    url: '/api/v1/org-units',
    payload: { kind: 'settore', name },
  });
  return res.json().id as string;
}

describe('the seeded Milan plan', () => {
  it('has the four editions, the 2022-2024 one adopted by the Consiglio on 22 March 2023', async () => {
    const { items } = (await get('/api/v1/plans')).json();
    expect(items.map((p: { slug: string }) => p.slug)).toEqual([
      'psttm-2016-2018',
      'psttm-2019-2021',
      'psttm-2022-2024',
      'psttm-2025-2027',
    ]);
    const plan = items[2];
    expect(plan.versions).toHaveLength(1);
    const version = (await get(`/api/v1/plan-versions/${plan.versions[0].id}`)).json();
    expect(version.status).toBe('adopted');
    expect(version.acts.map((a: { number: string | null }) => a.number)).toContain('R.G. 113/2022');
    const adoption = version.transitions.find((tr: { to: string }) => tr.to === 'adopted');
    expect(adoption.at.slice(0, 10)).toBe('2023-03-22');
    expect(items[0].versions[0].status).toBe('superseded');
  });

  it('has the three sections, the five pillars and the five known drivers', async () => {
    const plan = await planBySlug('psttm-2022-2024');
    const tree = (await get(`/api/v1/plan-versions/${plan.versions[0].id}/tree`)).json();
    expect(tree.sections.map((s: { title: string }) => s.title)).toEqual([
      'Indirizzi per le funzioni di area vasta',
      "Indirizzi per l'esercizio delle funzioni comunali",
      'Patto metropolitano',
    ]);
    expect(tree.pillars.map((p: { title: string }) => p.title)).toEqual([
      'Sostenibilità',
      'Connettività',
      'Prossimità',
      'Inclusione',
      'Attrattività',
    ]);
    expect(tree.drivers).toHaveLength(5);
  });

  it('marks every seeded goal and action as an example', async () => {
    const plan = await planBySlug('psttm-2022-2024');
    const tree = (await get(`/api/v1/plan-versions/${plan.versions[0].id}/tree`)).json();
    const goals = tree.sections.flatMap((s: { goals: unknown[] }) => s.goals);
    expect(goals.length).toBeGreaterThan(0);
    expect(
      goals.every(
        (g: { isExample: boolean; actions: { isExample: boolean }[] }) =>
          g.isExample && g.actions.every((a) => a.isExample),
      ),
    ).toBe(true);
  });
});

describe('the public plan browser', () => {
  it('filters the tree by mission, counting actions under their goal missions', async () => {
    const plan = await planBySlug('psttm-2022-2024');
    const tree = (await get(`/api/v1/plan-versions/${plan.versions[0].id}/tree?mission=M4`)).json();
    const titles = tree.sections.flatMap((s: { goals: { title: string }[] }) =>
      s.goals.map((g) => g.title),
    );
    expect(titles).toEqual(['Scuole superiori sicure, nuove e sostenibili']);
    expect(tree.filtered).toBe(true);
  });

  it("gives an action's effective missions on its own page: its goal's when it has none", async () => {
    const plan = await planBySlug('psttm-2022-2024');
    const version = plan.versions[0].id;
    const tree = (await get(`/api/v1/plan-versions/${version}/tree?mission=M4`)).json();
    type Node = { key: string; missions: string[]; effectiveMissions: string[] };
    const goal = tree.sections.flatMap(
      (s: { goals: (Node & { actions: Node[] })[] }) => s.goals,
    )[0];
    const action = goal.actions.find((a: Node) => a.missions.length === 0) ?? goal.actions[0];
    const detail = (await get(`/api/v1/plan-versions/${version}/items/${action.key}`)).json();
    expect(detail.effectiveMissions).toEqual(action.effectiveMissions);
    expect(detail.effectiveMissions).toContain('M4');
    const goalDetail = (await get(`/api/v1/plan-versions/${version}/items/${goal.key}`)).json();
    expect(goalDetail.effectiveMissions).toEqual(goal.missions);
  });

  it('filters the tree by section, keeping the three sections with goals only in the one asked', async () => {
    const plan = await planBySlug('psttm-2022-2024');
    const url = `/api/v1/plan-versions/${plan.versions[0].id}/tree`;
    const all = (await get(url)).json();
    const tree = (await get(`${url}?section=3`)).json();
    type Section = { sectionCode: string; goals: { sectionCode: string }[] };
    expect(tree.sections.map((s: Section) => s.sectionCode)).toEqual(['1', '2', '3']);
    const goals = tree.sections.flatMap((s: Section) => s.goals);
    expect(goals.length).toBeGreaterThan(0);
    expect(goals.every((g: { sectionCode: string }) => g.sectionCode === '3')).toBe(true);
    expect(goals).toHaveLength(
      all.sections.find((s: Section) => s.sectionCode === '3').goals.length,
    );
    expect(tree.filtered).toBe(true);
    const bad = await get(`${url}?section=4`);
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('section');
  });

  it('searches in Italian, whatever the word form', async () => {
    const plan = await planBySlug('psttm-2022-2024');
    const tree = (
      await get(
        `/api/v1/plan-versions/${plan.versions[0].id}/tree?q=${encodeURIComponent('scuola')}`,
      )
    ).json();
    const titles = tree.sections.flatMap((s: { goals: { title: string }[] }) =>
      s.goals.map((g) => g.title),
    );
    expect(titles).toContain('Scuole superiori sicure, nuove e sostenibili');
    expect(titles).not.toContain('Una rete ciclabile metropolitana');
  });

  it('fills the coverage matrix: 3 sections × 6 missions', async () => {
    const plan = await planBySlug('psttm-2022-2024');
    const matrix = (await get(`/api/v1/plan-versions/${plan.versions[0].id}/matrix`)).json();
    expect(matrix.cells).toHaveLength(18);
    const cell = matrix.cells.find(
      (c: { sectionCode: string; mission: string }) => c.sectionCode === '1' && c.mission === 'M4',
    );
    expect(cell).toMatchObject({ goals: 1, actions: 2 });
    const empty = matrix.cells.find(
      (c: { sectionCode: string; mission: string }) => c.sectionCode === '3' && c.mission === 'M6',
    );
    expect(empty).toMatchObject({ goals: 0, actions: 0 });
  });

  it('says how many goals and actions each version holds, so a reader opens one with content', async () => {
    const seeded = await planBySlug('psttm-2022-2024');
    expect(seeded.versions[0].contentCount).toBeGreaterThan(0);
    const proposal = await planBySlug('psttm-2025-2027');
    expect(proposal.versions.map((v: { contentCount: number }) => v.contentCount)).toEqual([0]);
  });

  it('hides drafts from the public', async () => {
    const plans = (await get('/api/v1/plans')).json().items;
    expect(
      plans
        .flatMap((p: { versions: { status: string }[] }) => p.versions)
        .some((v: { status: string }) => v.status === 'draft'),
    ).toBe(false);
  });
});

describe('the annual update, from draft to adoption', () => {
  it('copies the adopted version, lets editors change it, adopts it and shows the diff', async () => {
    const plan = await planBySlug('psttm-2022-2024');
    const adoptedId = plan.versions[0].id;
    // The plan office starts the update.
    const started = await admin.request({
      method: 'POST',
      url: `/api/v1/plans/${plan.id}/updates`,
      payload: { label: 'Aggiornamento 2024' },
    });
    expect(started.statusCode).toBe(201);
    const draft = started.json();
    expect(draft).toMatchObject({ status: 'draft', basedOnId: adoptedId, number: 2 });
    // A second update cannot start while this one is open.
    const again = await admin.request({
      method: 'POST',
      url: `/api/v1/plans/${plan.id}/updates`,
      payload: { label: 'Altro' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('updateOpen');

    // An editor of an org unit adds a goal and an action for it.
    const unit = await createOrgUnit('Settore Mobilità');
    const { agent: editor } = await asRole(t, 'editor', { orgUnitIds: [unit] });
    const goal = await editor.request({
      method: 'POST',
      url: `/api/v1/plan-versions/${draft.id}/items`,
      payload: {
        kind: 'goal',
        sectionCode: '1',
        title: 'Trasporto pubblico più frequente',
        missions: ['M3'],
        sdgs: [11],
        orgUnitId: unit,
        description: '<p>Più corse <script>alert(1)</script><a href="javascript:x()">x</a></p>',
      },
    });
    expect(goal.statusCode).toBe(201);
    expect(goal.json().description).toBe(
      '<p>Più corse <a rel="noopener noreferrer" target="_blank">x</a></p>',
    );
    const action = await editor.request({
      method: 'POST',
      url: `/api/v1/plan-versions/${draft.id}/items`,
      payload: {
        kind: 'action',
        parentKey: goal.json().key,
        title: 'Linee di forza interzonali',
        orgUnitId: unit,
        scope: { kind: 'zones', zones: ['sud-est', 'sud-ovest'] },
      },
    });
    expect(action.statusCode).toBe(201);
    // The editor cannot touch items of other org units.
    const tree = (
      await editor.request({ method: 'GET', url: `/api/v1/plan-versions/${draft.id}/tree` })
    ).json();
    const someoneElses = tree.sections[0].goals.find(
      (g: { orgUnitId: string | null }) => g.orgUnitId === null,
    );
    const denied = await editor.request({
      method: 'PATCH',
      url: `/api/v1/plan-versions/${draft.id}/items/${someoneElses.key}`,
      payload: { rowVersion: someoneElses.rowVersion, title: 'Cambiato' },
    });
    expect(denied.statusCode).toBe(403);

    // The plan office edits an example goal, and a stale save is refused.
    const edited = await admin.request({
      method: 'PATCH',
      url: `/api/v1/plan-versions/${draft.id}/items/${someoneElses.key}`,
      payload: {
        rowVersion: someoneElses.rowVersion,
        title: 'Una rete ciclabile metropolitana continua',
        missions: ['M3'],
      },
    });
    expect(edited.statusCode).toBe(200);
    const stale = await admin.request({
      method: 'PATCH',
      url: `/api/v1/plan-versions/${draft.id}/items/${someoneElses.key}`,
      payload: { rowVersion: someoneElses.rowVersion, title: 'Vecchia copia' },
    });
    expect(stale.statusCode).toBe(409);

    // Consultation, then adoption by a delibera of the Consiglio.
    let current = (
      await admin.request({ method: 'GET', url: `/api/v1/plan-versions/${draft.id}` })
    ).json();
    const consultation = await admin.request({
      method: 'POST',
      url: `/api/v1/plan-versions/${draft.id}/transitions`,
      payload: { to: 'consultation', version: current.version },
    });
    expect(consultation.statusCode).toBe(200);
    current = consultation.json();
    const noAct = await admin.request({
      method: 'POST',
      url: `/api/v1/plan-versions/${draft.id}/transitions`,
      payload: { to: 'adopted', version: current.version },
    });
    expect(noAct.statusCode).toBe(422);
    const adopted = await admin.request({
      method: 'POST',
      url: `/api/v1/plan-versions/${draft.id}/transitions`,
      payload: {
        to: 'adopted',
        version: current.version,
        act: {
          body: 'consiglio',
          kind: 'delibera',
          number: 'R.G. 12/2024',
          date: '2024-03-20',
          title: 'Aggiornamento annuale del PSTTM',
        },
      },
    });
    expect(adopted.statusCode).toBe(200);
    expect(adopted.json().status).toBe('adopted');
    expect((await get(`/api/v1/plan-versions/${adoptedId}`)).json().status).toBe('superseded');

    // Adopted versions are read-only.
    const frozen = await admin.request({
      method: 'PATCH',
      url: `/api/v1/plan-versions/${draft.id}/items/${goal.json().key}`,
      payload: { rowVersion: 1, title: 'Troppo tardi' },
    });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().detail).toContain('read-only');
    expect(frozen.json()).toMatchObject({ code: 'readOnlyVersion', params: { status: 'adopted' } });

    // The public sees the diff: one goal and one action added, one goal changed.
    const diff = (await get(`/api/v1/plan-versions/diff?from=${adoptedId}&to=${draft.id}`)).json();
    expect(diff.added.map((i: { title: string }) => i.title).sort()).toEqual([
      'Linee di forza interzonali',
      'Trasporto pubblico più frequente',
    ]);
    expect(diff.removed).toHaveLength(0);
    const change = diff.changed.find(
      (c: { item: { key: string } }) => c.item.key === someoneElses.key,
    );
    expect(change.changes.map((c: { field: string }) => c.field)).toEqual(['title', 'missions']);
    // The matrix of the new version shows the new goal.
    const matrix = (await get(`/api/v1/plan-versions/${draft.id}/matrix`)).json();
    const cell = matrix.cells.find(
      (c: { sectionCode: string; mission: string }) => c.sectionCode === '1' && c.mission === 'M3',
    );
    expect(cell.goalKeys).toContain(goal.json().key);
  });
});

describe('workflow rules', () => {
  it('refuses to reopen an adopted version', async () => {
    const plan = await planBySlug('psttm-2016-2018');
    const version = plan.versions[0];
    const res = await admin.request({
      method: 'POST',
      url: `/api/v1/plan-versions/${version.id}/transitions`,
      payload: { to: 'draft', version: version.version },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('superseded');
  });

  it('lets only the plan office move versions along', async () => {
    const plan = await planBySlug('psttm-2025-2027');
    const version = plan.versions[0];
    const { agent } = await asRole(t, 'pnrr_officer');
    const res = await agent.request({
      method: 'POST',
      url: `/api/v1/plan-versions/${version.id}/transitions`,
      payload: { to: 'draft', version: version.version },
    });
    expect(res.statusCode).toBe(403);
    const anonymous = await browser(t);
    const res2 = await anonymous.request({
      method: 'POST',
      url: `/api/v1/plan-versions/${version.id}/transitions`,
      payload: { to: 'draft', version: version.version },
    });
    expect(res2.statusCode).toBe(401);
  });

  it('moves a version in consultation back to draft, and hides it from the public then', async () => {
    const plan = await planBySlug('psttm-2025-2027');
    const version = plan.versions[0];
    const res = await admin.request({
      method: 'POST',
      url: `/api/v1/plan-versions/${version.id}/transitions`,
      payload: { to: 'draft', version: version.version, note: 'riapertura' },
    });
    expect(res.statusCode).toBe(200);
    expect((await get(`/api/v1/plan-versions/${version.id}`)).statusCode).toBe(404);
    const audit = (
      await admin.request({
        method: 'GET',
        url: `/api/v1/audit?entityType=plan_version&entityId=${version.id}`,
      })
    ).json();
    expect(audit.items[0]).toMatchObject({ action: 'plan_version.draft' });
  });
});

describe('exports of a version', () => {
  async function exported(format: string) {
    const plan = await planBySlug('psttm-2022-2024');
    return t.app.inject({
      method: 'GET',
      url: `/api/v1/plan-versions/${plan.versions[0].id}/export?format=${format}`,
    });
  }

  it('downloads JSON with the version and its tree', async () => {
    const res = await exported('json');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="psttm-2022-2024-v1.json"',
    );
    const body = res.json();
    expect(body.version.label).toBe('Adozione 2023');
    expect(body.tree.sections).toHaveLength(3);
  });

  it('downloads a spreadsheet with one row per goal and action', async () => {
    const res = await exported('xlsx');
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Obiettivi e azioni')!;
    const plan = await planBySlug('psttm-2022-2024');
    const version = (await get(`/api/v1/plan-versions/${plan.versions[0].id}`)).json();
    expect(sheet.rowCount - 1).toBe(version.counts.goals + version.counts.actions);
    expect(sheet.getRow(1).getCell(4).value).toBe('Titolo');
  });

  it('downloads a PDF', async () => {
    const res = await exported('pdf');
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.length).toBeGreaterThan(5000);
  });

  it('refuses an unknown format, naming the field', async () => {
    const res = await exported('docx');
    expect(res.statusCode).toBe(400);
    expect(res.json().violations[0].field).toBe('querystring.format');
  });
});

describe('the changelog and the examples', () => {
  it('tells the status history of a version', async () => {
    const plan = await planBySlug('psttm-2016-2018');
    const log = (await get(`/api/v1/plan-versions/${plan.versions[0].id}/changelog`)).json();
    expect(log.transitions.map((tr: { to: string }) => tr.to)).toEqual([
      'draft',
      'adopted',
      'superseded',
    ]);
    expect(log.diff).toBeNull();
  });

  it('removes every example item with one command, audited', async () => {
    const { removeExamples } = await import('../../src/modules/plan/seed.ts');
    const { removed } = await removeExamples(t.ctx);
    expect(removed).toBeGreaterThan(0);
    const plan = await planBySlug('psttm-2022-2024');
    const version = (await get(`/api/v1/plan-versions/${plan.versions[0].id}`)).json();
    expect(version.counts.examples).toBe(0);
    expect((await removeExamples(t.ctx)).removed).toBe(0);
  });
});

describe('PNRR measures on plan items', () => {
  it('stores any form of a measure code in its canonical form and refuses unknown ones', async () => {
    const plan = await planBySlug('psttm-2022-2024');
    const started = await admin.request({
      method: 'POST',
      url: `/api/v1/plans/${plan.id}/updates`,
      payload: { label: 'Aggiornamento 2025' },
    });
    const draftId =
      started.statusCode === 201
        ? started.json().id
        : (await planBySlug('psttm-2022-2024', admin)).versions.find(
            (v: { status: string }) => v.status === 'draft',
          ).id;
    const created = await admin.request({
      method: 'POST',
      url: `/api/v1/plan-versions/${draftId}/items`,
      payload: {
        kind: 'goal',
        sectionCode: '2',
        title: 'Scuole innovative',
        measures: ['m4c1i3.03'],
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().measures).toEqual(['M4C1I3.3']);
    const unknown = await admin.request({
      method: 'POST',
      url: `/api/v1/plan-versions/${draftId}/items`,
      payload: {
        kind: 'goal',
        sectionCode: '2',
        title: 'Misura inesistente',
        measures: ['M9C9I9.9'],
      },
    });
    expect(unknown.statusCode).toBe(400);
    const unknown2 = await admin.request({
      method: 'POST',
      url: `/api/v1/plan-versions/${draftId}/items`,
      payload: {
        kind: 'goal',
        sectionCode: '2',
        title: 'Misura inesistente',
        measures: ['M1C1I9.9'],
      },
    });
    expect(unknown2.statusCode).toBe(422);
    expect(unknown2.json().violations[0].field).toBe('body.measures');
  });
});

describe('acts and their documents', () => {
  async function seededAct() {
    const plan = await planBySlug('psttm-2016-2018');
    const version = (await get(`/api/v1/plan-versions/${plan.versions[0].id}`)).json();
    return version.acts[0] as { id: string; hasDocument: boolean };
  }

  it('tells the PNRR unit no before reading the document announced', async () => {
    const act = await seededAct();
    const { agent } = await asRole(t, 'pnrr_officer');
    const upload = partialUpload({
      port: await portOf(t.app),
      method: 'PUT',
      path: `/api/v1/acts/${act.id}/document`,
      contentType: 'application/pdf',
      agent,
      length: 15 * 2 ** 20,
      first: '%PDF-1.7\n',
    });
    // Answered while 15 MB are still owed.
    const answer = await upload.answer;
    upload.hangUp();
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body).detail).toBe('Only the plan office records acts.');
  });

  it('attaches a real PDF to an act and serves it to the public', async () => {
    const plan = await planBySlug('psttm-2022-2024');
    const pdf = (await get(`/api/v1/plan-versions/${plan.versions[0].id}/export?format=pdf`))
      .rawPayload;
    const act = await seededAct();
    const res = await admin.request({
      method: 'PUT',
      url: `/api/v1/acts/${act.id}/document?filename=delibera-16-2016.pdf`,
      payload: pdf,
      headers: { 'content-type': 'application/pdf' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().hasDocument).toBe(true);
    const download = await get(`/api/v1/acts/${act.id}/document`);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect((await seededAct()).hasDocument).toBe(true);
  });

  it('refuses a file that only claims to be a PDF, and keeps nothing', async () => {
    const act = (await (async () => {
      const plan = await planBySlug('psttm-2016-2018');
      return (await get(`/api/v1/plan-versions/${plan.versions[0].id}`)).json().acts[1];
    })()) as { id: string };
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const res = await admin.request({
      method: 'PUT',
      url: `/api/v1/acts/${act.id}/document`,
      payload: png,
      headers: { 'content-type': 'application/pdf' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toContain('not a PDF');
    expect((await get(`/api/v1/acts/${act.id}/document`)).statusCode).toBe(404);
  });

  it('refuses a request whose body is not a file, naming the body', async () => {
    const act = await seededAct();
    const json = await admin.request({
      method: 'PUT',
      url: `/api/v1/acts/${act.id}/document`,
      payload: { pdf: 'x' },
    });
    expect(json.statusCode).toBe(422);
    expect(json.json().violations[0].field).toBe('body');
    const empty = await admin.request({ method: 'PUT', url: `/api/v1/acts/${act.id}/document` });
    expect(empty.statusCode).toBe(422);
  });

  it('refuses a document over 20 MB with 413', async () => {
    const act = await seededAct();
    const huge = Buffer.concat([
      Buffer.from('%PDF-1.4\n'),
      Buffer.alloc(21 * 1024 * 1024, 32),
      Buffer.from('%%EOF'),
    ]);
    const res = await admin.request({
      method: 'PUT',
      url: `/api/v1/acts/${act.id}/document`,
      payload: huge,
      headers: { 'content-type': 'application/pdf' },
    });
    expect(res.statusCode).toBe(413);
  });

  it('records an opinion of the Conferenza on a published version', async () => {
    const plan = await planBySlug('psttm-2016-2018');
    const res = await admin.request({
      method: 'POST',
      url: `/api/v1/plan-versions/${plan.versions[0].id}/acts`,
      payload: {
        body: 'conferenza',
        kind: 'parere',
        number: 'n. 4/2016',
        date: '2016-05-02',
        title: 'Parere integrativo',
      },
    });
    expect(res.statusCode).toBe(201);
    const version = (await get(`/api/v1/plan-versions/${plan.versions[0].id}`)).json();
    expect(version.acts.map((a: { number: string }) => a.number)).toContain('n. 4/2016');
  });
});

describe('illegal transitions through the API', () => {
  it.each([
    ['psttm-2016-2018', 'consultation'],
    ['psttm-2016-2018', 'adopted'],
    ['psttm-2016-2018', 'superseded'],
  ])('refuses to move the superseded %s to %s, with 409 and a reason', async (slug, to) => {
    const plan = await planBySlug(slug);
    const version = plan.versions[0];
    const act = { body: 'consiglio', kind: 'delibera', date: '2024-01-01', title: 'Atto' };
    const res = await admin.request({
      method: 'POST',
      url: `/api/v1/plan-versions/${version.id}/transitions`,
      payload: { to, version: version.version, ...(to === 'adopted' ? { act } : {}) },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('cannot change status');
    expect(res.json()).toMatchObject({
      code: to === 'superseded' ? 'statusUnchanged' : 'statusRefused',
      params: { status: 'superseded', to },
    });
    expect((await planBySlug(slug)).versions[0].status).toBe('superseded');
  });

  it('refuses to supersede an adopted version by hand', async () => {
    const plan = await planBySlug('psttm-2022-2024');
    const adopted = plan.versions.find((v: { status: string }) => v.status === 'adopted');
    const res = await admin.request({
      method: 'POST',
      url: `/api/v1/plan-versions/${adopted.id}/transitions`,
      payload: { to: 'superseded', version: adopted.version },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('newer version');
  });
});

describe('act documents under names that are not plain ASCII', () => {
  /** The name a client would save the file under: filename* (RFC 5987) when given, else filename. */
  function savedName(disposition: string): string {
    const extended = /filename\*=UTF-8''([^;\s]+)/i.exec(disposition);
    if (extended) return decodeURIComponent(extended[1]!);
    return /filename="([^"]*)"/.exec(disposition)![1]!;
  }

  it.each([
    ['日本.pdf', '日本.pdf'],
    ['café.pdf', 'café.pdf'],
    ['cafe\u0301.pdf', 'café.pdf'],
    ['Delibera n°16 "bis".pdf', 'Delibera n_16 _bis_.pdf'],
  ])('serves a document uploaded as %s, under that name', async (name, stored) => {
    const plan = await planBySlug('psttm-2016-2018');
    const act = (await get(`/api/v1/plan-versions/${plan.versions[0].id}`)).json().acts[0] as {
      id: string;
    };
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const res = await admin.request({
      method: 'PUT',
      url: `/api/v1/acts/${act.id}/document?filename=${encodeURIComponent(name)}`,
      payload: pdf,
      headers: { 'content-type': 'application/pdf' },
    });
    expect(res.statusCode).toBe(200);
    const download = await get(`/api/v1/acts/${act.id}/document`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    const disposition = String(download.headers['content-disposition']);
    // Every byte of the header is printable ASCII, and the plain filename is a quoted string.
    expect(disposition).toMatch(/^inline; filename="[\x20-\x7e]*"; filename\*=UTF-8''[!-~]+$/);
    expect(/filename="([^"\\]*)"/.exec(disposition)).not.toBeNull();
    expect(savedName(disposition)).toBe(stored);
  });

  it('serves a document whatever name was stored before names were cleaned this way', async () => {
    const plan = await planBySlug('psttm-2016-2018');
    const act = (await get(`/api/v1/plan-versions/${plan.versions[0].id}`)).json().acts[0] as {
      id: string;
    };
    const name = 'a "b" \\ c\r\n(d)*\'e\' 日本 n°1.pdf';
    await t.ctx.db
      .update(actDocuments)
      .set({ filename: name })
      .where(eq(actDocuments.actId, act.id));
    const download = await get(`/api/v1/acts/${act.id}/document`);
    expect(download.statusCode).toBe(200);
    const disposition = String(download.headers['content-disposition']);
    expect(disposition).toMatch(
      /^inline; filename="[ !#-[\]-~]*"; filename\*=UTF-8''[!#$&+\-.^_`|~%0-9A-Za-z]+$/,
    );
    expect(savedName(disposition)).toBe('a "b" \\ c(d)*\'e\' 日本 n°1.pdf');
  });
});

describe('concurrent plan creation', () => {
  it('gives one of twelve creates with the same slug the plan, and the others 409 slugExists', async () => {
    const payload = { slug: 'race-x', title: 'Piano in gara', periodStart: 2031, periodEnd: 2033 };
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        admin.request({ method: 'POST', url: '/api/v1/plans', payload }),
      ),
    );
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes).toEqual([201, ...Array<number>(11).fill(409)]);
    const sequential = await admin.request({ method: 'POST', url: '/api/v1/plans', payload });
    expect(sequential.statusCode).toBe(409);
    for (const answer of answers.filter((a) => a.statusCode === 409))
      expect(answer.json()).toEqual(sequential.json());
    expect(sequential.json()).toMatchObject({ code: 'slugExists', params: { slug: 'race-x' } });
    const plan = answers.find((a) => a.statusCode === 201)!.json();
    const audit = (
      await admin.request({
        method: 'GET',
        url: `/api/v1/audit?action=plan.created&entityType=plan`,
      })
    ).json();
    const ofRace = audit.items.filter(
      (e: { after: { slug?: string } | null }) => e.after?.slug === 'race-x',
    );
    expect(ofRace).toHaveLength(1);
    expect(ofRace[0].entityId).toBe(plan.id);
  });
});

describe('concurrent item creation', () => {
  async function freshDraft(slug: string) {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/plans',
      payload: { slug, title: 'Piano per le posizioni', periodStart: 2034, periodEnd: 2036 },
    });
    expect(res.statusCode).toBe(201);
    return res.json().versions[0].id as string;
  }

  const create = (versionId: string, payload: Record<string, unknown>) =>
    admin.request({ method: 'POST', url: `/api/v1/plan-versions/${versionId}/items`, payload });

  it('gives twelve pillars created at once the positions 0 to 11', async () => {
    const versionId = await freshDraft('race-pillars');
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        create(versionId, { kind: 'pillar', title: `Pilastro ${i}` }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array<number>(12).fill(201));
    const positions = answers.map((a) => a.json().position as number).sort((a, b) => a - b);
    expect(positions).toEqual([...Array(12).keys()]);
  });

  it('gives twelve actions created at once under one goal distinct consecutive positions', async () => {
    const versionId = await freshDraft('race-actions');
    const goal = await create(versionId, { kind: 'goal', sectionCode: '1', title: 'Obiettivo' });
    expect(goal.statusCode).toBe(201);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        create(versionId, { kind: 'action', parentKey: goal.json().key, title: `Azione ${i}` }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array<number>(12).fill(201));
    const tree = (
      await admin.request({ method: 'GET', url: `/api/v1/plan-versions/${versionId}/tree` })
    ).json();
    const actions = tree.sections[0].goals[0].actions as { position: number }[];
    expect(actions.map((a) => a.position).sort((a, b) => a - b)).toEqual([...Array(12).keys()]);
  });
});

describe('moving an item', () => {
  it('refuses a place the item cannot take, naming the field, and moves nothing', async () => {
    const plan = await admin.request({
      method: 'POST',
      url: '/api/v1/plans',
      payload: {
        slug: 'moves',
        title: 'Piano degli spostamenti',
        periodStart: 2037,
        periodEnd: 2039,
      },
    });
    const versionId = plan.json().versions[0].id as string;
    const create = (payload: Record<string, unknown>) =>
      admin.request({ method: 'POST', url: `/api/v1/plan-versions/${versionId}/items`, payload });
    const pillar = (await create({ kind: 'pillar', title: 'Pilastro' })).json();
    const goal = (await create({ kind: 'goal', sectionCode: '1', title: 'Obiettivo' })).json();
    const action = (await create({ kind: 'action', parentKey: goal.key, title: 'Azione' })).json();
    const move = (item: { key: string; rowVersion: number }, place: Record<string, unknown>) =>
      admin.request({
        method: 'POST',
        url: `/api/v1/plan-versions/${versionId}/items/${item.key}/move`,
        payload: { rowVersion: item.rowVersion, position: 0, ...place },
      });
    for (const [item, place, field] of [
      [pillar, { parentKey: goal.key, sectionCode: '2' }, 'body.sectionCode'],
      [goal, { parentKey: goal.key }, 'body.parentKey'],
      [action, { sectionCode: '2' }, 'body.sectionCode'],
    ] as const) {
      const res = await move(item, place);
      expect(res.statusCode).toBe(422);
      expect(res.json().violations[0]).toMatchObject({ field, code: 'notForKind' });
    }
    // What each may do: a goal to another section, a pillar in its order.
    expect((await move(goal, { sectionCode: '2' })).json().sectionCode).toBe('2');
    expect((await move(pillar, {})).statusCode).toBe(200);
  });
});
