import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, systemActor, type Role } from '../../src/domain/roles.ts';
import { getUser } from '../../src/modules/identity/service.ts';
import { createOrgUnit } from '../../src/modules/organisation/service.ts';
import { createItem } from '../../src/modules/plan/items.ts';
import { attachActDocument } from '../../src/modules/plan/acts.ts';
import { importPnrrFile } from '../../src/modules/projects/import/importFile.ts';
import { listProjects } from '../../src/modules/projects/service.ts';
import { createManualProject } from '../../src/modules/projects/manual.ts';
import { planTree } from '../../src/modules/plan/views.ts';
import {
  createPlan,
  getPlan,
  getVersion,
  startAnnualUpdate,
  transitionVersion,
} from '../../src/modules/plan/versions.ts';
import { createZone, getComune } from '../../src/modules/territory/service.ts';
import {
  asRole,
  browser,
  makeUser,
  startTestApp,
  testPassword,
  type Agent,
  type Scope,
  type TestApp,
} from '../support/testApp.ts';

/**
 * Who may call what: every operation of the OpenAPI document × every kind of caller → allowed
 * (2xx), 401, 403, or 404 where the thing is hidden from the caller (a draft plan). Requests are
 * valid, so "allowed" means the call succeeded.
 */
type Caller = 'anonymous' | Role;
type Outcome = 'allowed' | 401 | 403 | 404;
type Expectation = Record<Caller, Outcome>;
type Request = Pick<InjectOptions, 'method' | 'payload' | 'headers'> & { url: string };

const callers: Caller[] = ['anonymous', ...roles];
const everyone = Object.fromEntries(callers.map((c) => [c, 'allowed'])) as Expectation;
const signedIn: Expectation = { ...everyone, anonymous: 401 };
const only = (...allowed: Role[]): Expectation =>
  Object.fromEntries(
    callers.map((c) => [c, c === 'anonymous' ? 401 : allowed.includes(c) ? 'allowed' : 403]),
  ) as Expectation;
const admins = only('plan_admin', 'system_admin');
const systemAdmins = only('system_admin');
const adminsAndEditors = only('editor', 'plan_admin', 'system_admin');
const staffSeesDrafts: Expectation = {
  anonymous: 404,
  participant: 404,
  comune_referent: 404,
  zone_referent: 404,
  editor: 'allowed',
  pnrr_officer: 'allowed',
  plan_admin: 'allowed',
  system_admin: 'allowed',
};

interface Scenario {
  operation: string;
  does: string;
  expected: Expectation;
  /** A valid request for this caller, with fresh fixtures where the call would change them. */
  request(caller: Caller): Promise<Request> | Request;
  /** The call ends or replaces the caller's session: it gets a session of its own. */
  ownSession?: boolean;
}

let t: TestApp;
const agents = {} as Record<Caller, Agent>;
const scopes: Partial<Record<Role, Scope>> = {
  comune_referent: { comuneCode: '015002' },
  zone_referent: { zoneId: 'nord-milano' },
};
let editorUnitId: string;
let targetUserId: string;
/** The seeded 2022-2024 plan, adopted: public. */
let adopted: { planId: string; versionId: string; pillarKey: string };
let draftVersionId: string;
/** A version in consultation: published, and still open for editing. */
let consultationVersionId: string;
/** Two versions of one plan, both published: an adopted one and its update in consultation. */
let diffPair: { from: string; to: string };

let fixtures = 0;
/** A fresh name for a fixture, so no two requests act on the same row. */
const unique = (prefix: string) => `${prefix}-${++fixtures}`;
const get = (url: string): Request => ({ method: 'GET', url });
const read = (path: string, does: string, url: () => string, expected = everyone): Scenario => ({
  operation: `GET /api/v1${path}`,
  does,
  expected,
  request: () => get(url()),
});

async function comuneEdit(code: string, changes: Record<string, unknown>): Promise<Request> {
  const { version } = await getComune(t.ctx, code);
  return { method: 'PATCH', url: `/api/v1/comuni/${code}`, payload: { version, ...changes } };
}

// Names of their own too: two zones of one name are refused.
const freshZone = () =>
  createZone(t.ctx, systemActor, { id: unique('zona-prova'), name: unique('Zona di prova') });

async function draftPlan() {
  const plan = await createPlan(t.ctx, systemActor, {
    slug: unique('piano-prova'),
    title: 'Piano di prova',
    periodStart: 2026,
    periodEnd: 2028,
  });
  return { planId: plan.id, draft: plan.versions[0]! };
}

async function adoptedPlan() {
  const { planId, draft } = await draftPlan();
  const act = {
    body: 'consiglio',
    kind: 'delibera',
    date: '2026-03-01',
    title: 'Adozione del piano',
  };
  await transitionVersion(t.ctx, systemActor, draft.id, {
    to: 'adopted',
    version: draft.version,
    act,
  });
  return { planId, versionId: draft.id };
}

/** A goal of the editor's org unit, in the version in consultation. */
const editorsGoal = () =>
  createItem(t.ctx, systemActor, consultationVersionId, {
    kind: 'goal',
    title: 'Obiettivo di prova',
    sectionCode: '1',
    orgUnitId: editorUnitId,
  });

beforeAll(async () => {
  t = await startTestApp();
  editorUnitId = (
    await createOrgUnit(t.ctx, systemActor, { kind: 'settore', name: 'Settore Piano' })
  ).id;
  scopes.editor = { orgUnitIds: [editorUnitId] };
  agents.anonymous = await browser(t);
  for (const role of roles) agents[role] = (await asRole(t, role, scopes[role])).agent;
  targetUserId = (await makeUser(t, 'participant')).id;

  const seeded = await getPlan(t.ctx, systemActor, 'psttm-2022-2024');
  const versionId = seeded.versions[0]!.id;
  const tree = (await t.app.inject(get(`/api/v1/plan-versions/${versionId}/tree`))).json();
  adopted = { planId: seeded.id, versionId, pillarKey: tree.pillars[0].key };
  draftVersionId = (await draftPlan()).draft.id;
  const open = await draftPlan();
  await transitionVersion(t.ctx, systemActor, open.draft.id, {
    to: 'consultation',
    version: open.draft.version,
  });
  consultationVersionId = open.draft.id;
  const base = await adoptedPlan();
  const update = await startAnnualUpdate(t.ctx, systemActor, base.planId, {
    label: 'Aggiornamento',
  });
  await transitionVersion(t.ctx, systemActor, update.id, {
    to: 'consultation',
    version: update.version,
  });
  diffPair = { from: base.versionId, to: update.id };
});
afterAll(() => t.close());

const territory: Scenario[] = [
  read('/health', 'checks liveness', () => '/api/v1/health'),
  read('/metro', 'reads the metro', () => '/api/v1/metro'),
  read('/comuni', 'lists comuni', () => '/api/v1/comuni'),
  read('/comuni/{code}', 'reads a comune', () => '/api/v1/comuni/015146'),
  read('/zones', 'lists zones', () => '/api/v1/zones'),
  read('/zones/{id}', 'reads a zone', () => '/api/v1/zones/nord-milano'),
  read('/geo/comuni', 'reads boundaries', () => '/api/v1/geo/comuni'),
  read('/geo/zones', 'reads outlines', () => '/api/v1/geo/zones'),
  {
    operation: 'PATCH /api/v1/comuni/{code}',
    does: 'moves a comune to another zone',
    expected: admins,
    request: async () => {
      const { zoneId } = await getComune(t.ctx, '015027');
      return comuneEdit('015027', { zoneId: zoneId === 'sud-est' ? 'sud-ovest' : 'sud-est' });
    },
  },
  {
    operation: 'PATCH /api/v1/comuni/{code}',
    does: "edits the contacts of the referent's own comune",
    expected: only('comune_referent', 'plan_admin', 'system_admin'),
    request: (caller) =>
      comuneEdit('015002', { website: `https://www.comune.abbiategrasso.mi.it/${caller}` }),
  },
  {
    operation: 'PATCH /api/v1/comuni/{code}',
    does: 'edits the contacts of another comune',
    expected: admins,
    request: (caller) =>
      comuneEdit('015005', { website: `https://www.comune.albairate.mi.it/${caller}` }),
  },
  {
    operation: 'POST /api/v1/zones',
    does: 'defines a zone',
    expected: admins,
    request: () => ({
      method: 'POST',
      url: '/api/v1/zones',
      payload: { id: unique('zona-nuova'), name: unique('Nuova zona') },
    }),
  },
  {
    operation: 'PATCH /api/v1/zones/{id}',
    does: 'renames a zone',
    expected: admins,
    request: async () => {
      const zone = await freshZone();
      const payload = { version: zone.version, name: unique('Rinominata') };
      return { method: 'PATCH', url: `/api/v1/zones/${zone.id}`, payload };
    },
  },
  {
    operation: 'DELETE /api/v1/zones/{id}',
    does: 'deletes an empty zone',
    expected: admins,
    request: async () => {
      const zone = await freshZone();
      return { method: 'DELETE', url: `/api/v1/zones/${zone.id}?version=${zone.version}` };
    },
  },
];

const identity: Scenario[] = [
  read('/session', 'asks who is signed in', () => '/api/v1/session'),
  {
    operation: 'POST /api/v1/session',
    does: 'logs in',
    expected: everyone,
    ownSession: true,
    request: async () => {
      const { email } = await makeUser(t, 'participant');
      return { method: 'POST', url: '/api/v1/session', payload: { email, password: testPassword } };
    },
  },
  {
    operation: 'DELETE /api/v1/session',
    does: 'logs out',
    expected: everyone,
    ownSession: true,
    request: () => ({ method: 'DELETE', url: '/api/v1/session' }),
  },
  {
    operation: 'POST /api/v1/session/password',
    does: 'changes its own password',
    expected: signedIn,
    ownSession: true,
    request: () => ({
      method: 'POST',
      url: '/api/v1/session/password',
      payload: { currentPassword: testPassword, newPassword: 'another long passphrase, 2026' },
    }),
  },
  read('/users', 'lists accounts', () => '/api/v1/users', systemAdmins),
  read('/users/{id}', 'reads an account', () => `/api/v1/users/${targetUserId}`, systemAdmins),
  {
    operation: 'POST /api/v1/users',
    does: 'creates an account',
    expected: systemAdmins,
    request: () => ({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        email: `${unique('nuovo')}@example.it`,
        name: 'Nuovo utente',
        role: 'participant',
      },
    }),
  },
  {
    operation: 'PATCH /api/v1/users/{id}',
    does: 'renames an account',
    expected: systemAdmins,
    request: async (caller) => {
      const { version } = await getUser(t.ctx, systemActor, targetUserId);
      const payload = { version, name: `Nome da ${caller}` };
      return { method: 'PATCH', url: `/api/v1/users/${targetUserId}`, payload };
    },
  },
  {
    operation: 'POST /api/v1/users/{id}/password-reset',
    does: 'resets a password',
    expected: systemAdmins,
    request: () => ({ method: 'POST', url: `/api/v1/users/${targetUserId}/password-reset` }),
  },
];

let unitCount = 0;
const organisationAndAudit: Scenario[] = [
  read('/org-units', 'lists org units', () => '/api/v1/org-units'),
  {
    operation: 'POST /api/v1/org-units',
    does: 'creates an org unit',
    expected: admins,
    request: () => ({
      method: 'POST',
      url: '/api/v1/org-units',
      // A name of its own each time: two active units of one name are refused.
      payload: { kind: 'direzione', name: `Nuova direzione ${++unitCount}` },
    }),
  },
  {
    operation: 'PATCH /api/v1/org-units/{id}',
    does: 'archives an org unit',
    expected: admins,
    request: async () => {
      const unit = await createOrgUnit(t.ctx, systemActor, {
        kind: 'settore',
        name: `Di prova ${++unitCount}`,
      });
      const payload = { version: unit.version, archived: true };
      return { method: 'PATCH', url: `/api/v1/org-units/${unit.id}`, payload };
    },
  },
  read('/audit', 'reads the audit log', () => '/api/v1/audit', admins),
];

const plan: Scenario[] = [
  read('/plans', 'lists plans', () => '/api/v1/plans'),
  read('/plans/{planId}', 'reads an adopted plan', () => `/api/v1/plans/${adopted.planId}`),
  read(
    '/plan-versions/{versionId}',
    'reads an adopted version',
    () => `/api/v1/plan-versions/${adopted.versionId}`,
  ),
  read(
    '/plan-versions/{versionId}',
    'reads a draft',
    () => `/api/v1/plan-versions/${draftVersionId}`,
    staffSeesDrafts,
  ),
  read(
    '/plan-versions/{versionId}/tree',
    'reads the tree',
    () => `/api/v1/plan-versions/${adopted.versionId}/tree`,
  ),
  read(
    '/plan-versions/{versionId}/matrix',
    'reads the coverage matrix',
    () => `/api/v1/plan-versions/${adopted.versionId}/matrix`,
  ),
  read(
    '/plan-versions/{versionId}/changelog',
    'reads the changelog',
    () => `/api/v1/plan-versions/${diffPair.to}/changelog`,
  ),
  read(
    '/plan-versions/diff',
    'compares two published versions',
    () => `/api/v1/plan-versions/diff?from=${diffPair.from}&to=${diffPair.to}`,
  ),
  read(
    '/plan-versions/{versionId}/items/{key}',
    'reads a pillar',
    () => `/api/v1/plan-versions/${adopted.versionId}/items/${adopted.pillarKey}`,
  ),
  read(
    '/plan-versions/{versionId}/export',
    'downloads a version',
    () => `/api/v1/plan-versions/${adopted.versionId}/export?format=json`,
  ),
  {
    operation: 'POST /api/v1/plans',
    does: 'starts a plan',
    expected: admins,
    request: () => ({
      method: 'POST',
      url: '/api/v1/plans',
      payload: {
        slug: unique('piano-nuovo'),
        title: 'Nuovo piano',
        periodStart: 2028,
        periodEnd: 2030,
      },
    }),
  },
  {
    operation: 'POST /api/v1/plans/{planId}/updates',
    does: 'starts the annual update',
    expected: admins,
    request: async () => {
      const { planId } = await adoptedPlan();
      return {
        method: 'POST',
        url: `/api/v1/plans/${planId}/updates`,
        payload: { label: 'Aggiornamento' },
      };
    },
  },
  {
    operation: 'POST /api/v1/plan-versions/{versionId}/transitions',
    does: 'opens a draft for consultation',
    expected: admins,
    request: async () => {
      const { draft } = await draftPlan();
      const payload = { to: 'consultation', version: draft.version };
      return { method: 'POST', url: `/api/v1/plan-versions/${draft.id}/transitions`, payload };
    },
  },
  {
    operation: 'POST /api/v1/plan-versions/{versionId}/items',
    does: "adds a goal of the editor's org unit",
    expected: adminsAndEditors,
    request: () => ({
      method: 'POST',
      url: `/api/v1/plan-versions/${consultationVersionId}/items`,
      payload: {
        kind: 'goal',
        title: 'Nuovo obiettivo',
        sectionCode: '2',
        orgUnitId: editorUnitId,
      },
    }),
  },
  {
    operation: 'POST /api/v1/plan-versions/{versionId}/items',
    does: 'adds a pillar',
    expected: admins,
    request: () => ({
      method: 'POST',
      url: `/api/v1/plan-versions/${consultationVersionId}/items`,
      payload: { kind: 'pillar', title: 'Nuovo pilastro' },
    }),
  },
  {
    operation: 'PATCH /api/v1/plan-versions/{versionId}/items/{key}',
    does: "edits a goal of the editor's org unit",
    expected: adminsAndEditors,
    request: async () => {
      const goal = await editorsGoal();
      const payload = { rowVersion: goal.rowVersion, title: 'Obiettivo riscritto' };
      return {
        method: 'PATCH',
        url: `/api/v1/plan-versions/${consultationVersionId}/items/${goal.key}`,
        payload,
      };
    },
  },
  {
    operation: 'POST /api/v1/plan-versions/{versionId}/items/{key}/move',
    does: "moves a goal of the editor's org unit",
    expected: adminsAndEditors,
    request: async () => {
      const goal = await editorsGoal();
      const payload = { rowVersion: goal.rowVersion, sectionCode: '3', position: 0 };
      const url = `/api/v1/plan-versions/${consultationVersionId}/items/${goal.key}/move`;
      return { method: 'POST', url, payload };
    },
  },
  {
    operation: 'DELETE /api/v1/plan-versions/{versionId}/items/{key}',
    does: "deletes a goal of the editor's org unit",
    expected: adminsAndEditors,
    request: async () => {
      const goal = await editorsGoal();
      const url = `/api/v1/plan-versions/${consultationVersionId}/items/${goal.key}?rowVersion=${goal.rowVersion}`;
      return { method: 'DELETE', url };
    },
  },
];

/** An act of a published version, with its signed PDF already attached. */
async function actWithDocument() {
  const { versionId } = await adoptedPlan();
  const { acts } = await getVersion(t.ctx, systemActor, versionId);
  await attachActDocument(t.ctx, systemActor, acts[0]!.id, {
    filename: 'atto.pdf',
    content: minimalPdf,
  });
  return acts[0]!.id;
}

const minimalPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

const acts: Scenario[] = [
  {
    operation: 'POST /api/v1/plan-versions/{versionId}/acts',
    does: 'records an opinion of the Conferenza',
    expected: admins,
    request: () => ({
      method: 'POST',
      url: `/api/v1/plan-versions/${consultationVersionId}/acts`,
      payload: {
        body: 'conferenza',
        kind: 'parere',
        date: '2026-04-01',
        title: 'Parere favorevole',
      },
    }),
  },
  {
    operation: 'PUT /api/v1/acts/{actId}/document',
    does: 'attaches the PDF of an act',
    expected: admins,
    request: async () => ({
      method: 'PUT',
      url: `/api/v1/acts/${await actWithDocument()}/document?filename=delibera.pdf`,
      payload: minimalPdf,
      headers: { 'content-type': 'application/pdf' },
    }),
  },
  read('/acts/{actId}/document', 'downloads the PDF of a published act', () => '', everyone),
];
// The download needs an act made for it: its URL is built when the case runs.
acts[2]!.request = async () => get(`/api/v1/acts/${await actWithDocument()}/document`);

const importers = only('pnrr_officer', 'plan_admin', 'system_admin');
let importCount = 0;
/** A one-project release, with a CUP of its own so that every import creates something. */
function tinyRelease(): string {
  importCount += 1;
  const cup = `J51B2100${String(importCount).padStart(7, '0')}`;
  return `CUP;Codice Locale Progetto;Titolo progetto\n${cup};CLP-${importCount};Progetto di prova\n`;
}

async function someProject(): Promise<string> {
  await importPnrrFile(t.ctx, systemActor, {
    fileName: 'prova.csv',
    bytes: Buffer.from(tinyRelease()),
  });
  const page = await listProjects(t.ctx, { pageSize: 1 });
  return page.items[0]!.id;
}

const projectScenarios: Scenario[] = [
  read('/projects', 'searches the projects', () => '/api/v1/projects?q=prova'),
  read('/projects/{id}', 'reads a project', () => ''),
  {
    operation: 'POST /api/v1/imports',
    does: 'imports a PNRR release',
    expected: importers,
    request: () => ({
      method: 'POST',
      url: '/api/v1/imports?fileName=prova.csv',
      payload: tinyRelease(),
      headers: { 'content-type': 'text/csv' },
    }),
  },
  read('/imports', 'lists the imported releases', () => '/api/v1/imports', importers),
  read(
    '/imports/progress/{id}',
    // Answered from memory for the session that sent the upload (no role is read): an id this
    // session did not upload under is not found, whoever asks.
    "follows an upload's progress (an id nobody uploaded under: not found)",
    () => '/api/v1/imports/progress/nessun-caricamento',
    { ...Object.fromEntries(callers.map((c) => [c, 404])), anonymous: 401 } as Expectation,
  ),
  read(
    '/analytics/pnrr',
    'reads the PNRR money per comune',
    () => '/api/v1/analytics/pnrr?mission=M1',
  ),
  {
    operation: 'POST /api/v1/plan-versions/{versionId}/link-suggestions',
    does: 'suggests links between projects and actions',
    expected: importers,
    request: () => ({
      method: 'POST',
      url: `/api/v1/plan-versions/${adopted.versionId}/link-suggestions`,
    }),
  },
  read(
    '/project-links',
    'lists the links between projects and actions',
    () => '/api/v1/project-links',
  ),
  read(
    '/project-links/totals',
    "reads the PNRR money of an action's projects",
    () => `/api/v1/project-links/totals?actionKey=${crypto.randomUUID()}`,
  ),
  read(
    '/project-links/coverage',
    'reads the PNRR money linked to the plan',
    () => '/api/v1/project-links/coverage',
  ),
  {
    operation: 'PUT /api/v1/projects/{id}/links/{actionKey}',
    does: 'accepts the link of a project to an action',
    expected: importers,
    request: async () => {
      const projectId = await someProject();
      const tree = await planTree(t.ctx, systemActor, adopted.versionId, {});
      const action = tree.sections
        .flatMap((s) => s.goals.flatMap((g) => g.actions))
        .find((a) => a.orgUnitId !== editorUnitId)!;
      return {
        method: 'PUT',
        url: `/api/v1/projects/${projectId}/links/${action.key}`,
        payload: { versionId: adopted.versionId, status: 'accepted' },
      };
    },
  },
  read(
    '/projects/export',
    'exports the filtered projects',
    () => '/api/v1/projects/export?format=csv&q=prova',
  ),
  {
    operation: 'POST /api/v1/projects',
    does: 'enters a project by hand',
    expected: importers,
    request: () => {
      importCount += 1;
      return {
        method: 'POST',
        url: '/api/v1/projects',
        payload: {
          cup: `E41B2300${String(importCount).padStart(7, '0')}`,
          title: 'Progetto regionale',
          programme: 'Regione',
        },
      };
    },
  },
  {
    operation: 'PATCH /api/v1/projects/{id}',
    does: 'edits a project entered by hand',
    expected: importers,
    request: async () => {
      importCount += 1;
      const project = await createManualProject(t.ctx, systemActor, {
        cup: `E41B2400${String(importCount).padStart(7, '0')}`,
        title: 'Progetto manuale',
        programme: 'Regione',
      });
      return {
        method: 'PATCH',
        url: `/api/v1/projects/${project.id}`,
        payload: { version: project.version, title: 'Rinominato' },
      };
    },
  },
];
projectScenarios[1]!.request = async () => get(`/api/v1/projects/${await someProject()}`);

const pnrr: Scenario[] = [
  read('/pnrr/missions', 'lists the PNRR missions', () => '/api/v1/pnrr/missions'),
  read('/pnrr/measures', 'lists the PNRR measures', () => '/api/v1/pnrr/measures'),
  read('/pnrr/measures/{code}', 'reads a PNRR measure', () => '/api/v1/pnrr/measures/M1C1I1.01'),
  read('/pnrr/resolve', 'resolves a PNRR code', () => '/api/v1/pnrr/resolve?code=M1C1I1.01'),
  read('/sdgs', 'lists the SDGs', () => '/api/v1/sdgs'),
];

const scenarios = [
  ...territory,
  ...identity,
  ...organisationAndAudit,
  ...plan,
  ...acts,
  ...projectScenarios,
  ...pnrr,
];

let sessions = 0;
/** A session of its own for `caller`, logged in from its own address so no throttle is shared. */
async function ownSession(caller: Caller): Promise<{ agent: Agent; remoteAddress: string }> {
  sessions += 1;
  const remoteAddress = `10.0.${Math.floor(sessions / 250)}.${(sessions % 250) + 1}`;
  const agent = await browser(t);
  if (caller !== 'anonymous') {
    const user = await makeUser(t, caller, scopes[caller]);
    const res = await agent.request({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: user.email, password: testPassword },
      remoteAddress,
    });
    expect(res.statusCode).toBe(200);
  }
  return { agent, remoteAddress };
}

describe('the permission matrix', () => {
  it('has an expectation for every operation in the OpenAPI document, and only for those', async () => {
    const doc = (await t.app.inject(get('/api/v1/openapi.json'))).json();
    const documented = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const covered = [...new Set(scenarios.map((s) => s.operation))];
    expect(covered.sort()).toEqual(documented.sort());
  });

  const cases = scenarios.flatMap((scenario) =>
    callers.map(
      (caller) =>
        [
          `${scenario.operation} (${scenario.does}) as ${caller} → ${scenario.expected[caller]}`,
          scenario,
          caller,
        ] as const,
    ),
  );

  it.each(cases)('%s', async (_name, scenario, caller) => {
    const { agent, remoteAddress } = scenario.ownSession
      ? await ownSession(caller)
      : { agent: agents[caller], remoteAddress: undefined };
    const request = await scenario.request(caller);
    const res = await agent.request({ ...request, ...(remoteAddress ? { remoteAddress } : {}) });
    const outcome = res.statusCode >= 200 && res.statusCode < 300 ? 'allowed' : res.statusCode;
    expect(outcome, res.body).toBe(scenario.expected[caller]);
  });
});
