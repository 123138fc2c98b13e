import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgUnits } from './identity.ts';

/**
 * One imported file: every figure on screen can be traced to the release it came from (file
 * name, date, content hash) and to what the import did with it.
 */
export const importReleases = pgTable(
  'import_releases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** progetti | localizzazioni | soggetti */
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    encoding: text('encoding').notNull(),
    /** The latest "Data aggiornamento" in the file: the release's own date. */
    releaseDate: date('release_date', { mode: 'string' }),
    scope: text('scope').notNull(),
    report: jsonb('report').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
    importedBy: uuid('imported_by'),
  },
  (t) => [index('import_releases_kind_idx').on(t.kind, t.importedAt)],
);

const money = (name: string) => numeric(name, { precision: 16, scale: 2, mode: 'number' });

// The codes of these tables (CUP, codice locale, measure and mission, places, tax codes, row
// hashes) have the "C" collation, set by migration 0015, which drizzle-kit does not model.

/** A project: CUP + codice locale progetto + sub-measure (one CUP can fund many projects). */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cup: text('cup').notNull(),
    localCode: text('local_code').notNull(),
    /** Canonical PNRR sub-measure (or measure) code; '' for projects outside the PNRR. */
    subMeasureCode: text('sub_measure_code').notNull().default(''),
    programme: text('programme').notNull().default('PNRR'),
    mission: text('mission'),
    component: text('component'),
    measureCode: text('measure_code'),
    title: text('title').notNull(),
    summary: text('summary'),
    owner: text('owner'),
    implementer: text('implementer'),
    implementerTaxCode: text('implementer_tax_code'),
    cupStatus: text('cup_status'),
    nature: text('nature'),
    typology: text('typology'),
    sector: text('sector'),
    procedure: text('procedure'),
    fundingPnrr: money('funding_pnrr'),
    fundingPnc: money('funding_pnc'),
    fundingEuOther: money('funding_eu_other'),
    fundingState: money('funding_state'),
    fundingRegion: money('funding_region'),
    fundingProvince: money('funding_province'),
    fundingComune: money('funding_comune'),
    fundingOtherPublic: money('funding_other_public'),
    fundingPrivate: money('funding_private'),
    fundingToFind: money('funding_to_find'),
    fundingOther: money('funding_other'),
    fundingTotal: money('funding_total'),
    fundingTotalPublic: money('funding_total_public'),
    sourceUpdatedAt: date('source_updated_at', { mode: 'string' }),
    /** How far the project has come (the releases' "Stato Avanzamento Progetto", since 2024). */
    progress: text('progress'),
    startPlanned: date('start_planned', { mode: 'string' }),
    startActual: date('start_actual', { mode: 'string' }),
    endPlanned: date('end_planned', { mode: 'string' }),
    endActual: date('end_actual', { mode: 'string' }),
    // No foreign key on release_id here or in the other imported tables: only the import writes it,
    // in the transaction that records the release, and releases are never deleted. A key checked
    // row by row doubled the time of a national-size import.
    releaseId: uuid('release_id'),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    isManual: boolean('is_manual').notNull().default(false),
    /** Hash of the imported values, to tell an updated row from an unchanged one. */
    contentHash: text('content_hash'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('projects_key_idx').on(t.cup, t.localCode, t.subMeasureCode),
    index('projects_measure_idx').on(t.measureCode),
    index('projects_mission_idx').on(t.mission),
  ],
);

/**
 * Where a project is: a comune (ISTAT code), or one of the special codes of the releases
 * (national, multi-region, abroad, not located). Share is the release's, when it gives one.
 */
export const projectLocations = pgTable(
  'project_locations',
  {
    // Keyed like the release rows, not by project id: a localisation file can come before or
    // after the projects file it belongs to.
    cup: text('cup').notNull(),
    localCode: text('local_code').notNull(),
    subMeasureCode: text('sub_measure_code').notNull().default(''),
    comuneCode: text('comune_code'),
    regionCode: text('region_code'),
    provinceCode: text('province_code'),
    /** national | multi-region | abroad | not-located | all-provinces | all-comuni | null (a comune) */
    special: text('special'),
    placeName: text('place_name'),
    address: text('address'),
    postcode: text('postcode'),
    share: numeric('share', { precision: 9, scale: 6, mode: 'number' }),
    rowHash: text('row_hash').notNull(),
    releaseId: uuid('release_id'),
  },
  // Two indexes only, each costing a national import seconds: the key (a project's places, and
  // whether a row is already there) and the comune (the projects of a comune). The comune's index
  // holds the code alone: with the project's key as well it took twice as long to build (1.4 s
  // against 0.8 s at national size), to spare a few hundred row reads per comune.
  (t) => [
    primaryKey({ columns: [t.cup, t.localCode, t.rowHash] }),
    index('project_locations_comune_idx').on(t.comuneCode),
  ],
);

export const projectSubjects = pgTable(
  'project_subjects',
  {
    cup: text('cup').notNull(),
    localCode: text('local_code').notNull(),
    roleCode: text('role_code').notNull(),
    role: text('role').notNull(),
    taxCode: text('tax_code').notNull(),
    name: text('name').notNull(),
    legalForm: text('legal_form'),
    atecoCode: text('ateco_code'),
    rowHash: text('row_hash').notNull(),
    releaseId: uuid('release_id'),
  },
  (t) => [
    primaryKey({ columns: [t.cup, t.localCode, t.roleCode, t.taxCode] }),
    index('project_subjects_tax_code_idx').on(t.taxCode),
  ],
);

/** Suggested and decided links between projects and plan actions (by the action's stable key). */
export const projectActionLinks = pgTable(
  'project_action_links',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    actionKey: uuid('action_key').notNull(),
    /** suggested | accepted | rejected */
    status: text('status').notNull(),
    score: numeric('score', { precision: 6, scale: 3, mode: 'number' }),
    reasons: text('reasons')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /**
     * The action's title when the link was last suggested or decided: what the link is read as
     * once the action is gone from every version (plan items are deleted outright from drafts).
     */
    actionTitle: text('action_title'),
  },
  // The key leads with the project (a project's links); an action's links are read by the action
  // (its page, its totals, the review filtered by action), among up to millions of suggestions.
  (t) => [
    primaryKey({ columns: [t.projectId, t.actionKey] }),
    index('project_action_links_action_idx').on(t.actionKey, t.status),
  ],
);

const amount = (name: string) => numeric(name, { precision: 16, scale: 2, mode: 'number' });

/** Payments per project, from the payments release: kept apart from funding, never mixed with it. */
export const projectPayments = pgTable(
  'project_payments',
  {
    cup: text('cup').notNull(),
    localCode: text('local_code').notNull(),
    subMeasureCode: text('sub_measure_code').notNull().default(''),
    fundingTotal: amount('funding_total'),
    fundingPnrr: amount('funding_pnrr'),
    paidTotal: amount('paid_total'),
    paidPnrr: amount('paid_pnrr'),
    paidState: amount('paid_state'),
    paidEuOther: amount('paid_eu_other'),
    paidRegion: amount('paid_region'),
    paidProvince: amount('paid_province'),
    paidComune: amount('paid_comune'),
    paidOtherPublic: amount('paid_other_public'),
    paidPrivate: amount('paid_private'),
    paidPnc: amount('paid_pnc'),
    paidOther: amount('paid_other'),
    extractedOn: date('extracted_on', { mode: 'string' }),
    rowHash: text('row_hash').notNull(),
    releaseId: uuid('release_id'),
  },
  (t) => [primaryKey({ columns: [t.cup, t.localCode, t.subMeasureCode] })],
);

/** The target indicators of each project: planned and achieved values at a month. */
export const projectIndicators = pgTable(
  'project_indicators',
  {
    cup: text('cup').notNull(),
    localCode: text('local_code').notNull(),
    subMeasureCode: text('sub_measure_code').notNull().default(''),
    code: text('code').notNull(),
    description: text('description').notNull(),
    unit: text('unit'),
    kind: text('kind'),
    achieved: numeric('achieved', { precision: 20, scale: 4, mode: 'number' }),
    planned: numeric('planned', { precision: 20, scale: 4, mode: 'number' }),
    month: text('month'),
    year: integer('year'),
    extractedOn: date('extracted_on', { mode: 'string' }),
    rowHash: text('row_hash').notNull(),
    releaseId: uuid('release_id'),
  },
  (t) => [primaryKey({ columns: [t.cup, t.localCode, t.subMeasureCode, t.code] })],
);
