import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgUnits } from './identity.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** A triennial strategic plan (PSTTM 2022-2024); its content lives in its versions. */
export const plans = pgTable('plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  subtitle: text('subtitle'),
  periodStart: integer('period_start').notNull(),
  periodEnd: integer('period_end').notNull(),
  notes: text('notes'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A version of a plan: the first adoption or an annual update (aggiornamento annuale). */
export const planVersions = pgTable(
  'plan_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    number: integer('number').notNull(),
    label: text('label').notNull(),
    status: text('status').notNull().default('draft'),
    basedOnId: uuid('based_on_id'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('plan_versions_number_idx').on(t.planId, t.number)],
);

/** Adoption and approval acts: decreti del Sindaco, delibere del Consiglio, pareri della Conferenza. */
export const acts = pgTable('acts', {
  id: uuid('id').primaryKey().defaultRandom(),
  planVersionId: uuid('plan_version_id').references(() => planVersions.id),
  body: text('body').notNull(),
  kind: text('kind').notNull(),
  number: text('number'),
  date: date('date', { mode: 'string' }),
  title: text('title').notNull(),
  documentUrl: text('document_url'),
  /** false when a date or number comes from secondary sources not confirmed by the act itself. */
  certain: boolean('certain').notNull().default(true),
  source: text('source'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * The signed document of an act, kept in the database so that every app process serves it
 * (acts are a few MB at most; the upload route caps them).
 */
export const actDocuments = pgTable('act_documents', {
  actId: uuid('act_id')
    .primaryKey()
    .references(() => acts.id, { onDelete: 'cascade' }),
  filename: text('filename').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  uploadedBy: uuid('uploaded_by'),
});

/** Every status change of a version: who, when, from what, to what, by which act. */
export const planVersionTransitions = pgTable('plan_version_transitions', {
  id: uuid('id').primaryKey().defaultRandom(),
  planVersionId: uuid('plan_version_id')
    .notNull()
    .references(() => planVersions.id),
  fromStatus: text('from_status'),
  toStatus: text('to_status').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  actorId: uuid('actor_id'),
  actorLabel: text('actor_label').notNull(),
  actId: uuid('act_id').references(() => acts.id),
  note: text('note'),
});

/**
 * The content of a version: sections, pillars, drivers, goals and actions. `key` is the item's
 * identity across versions (an annual update copies rows and keeps keys), `id` is this row.
 */
export const planItems = pgTable(
  'plan_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => planVersions.id, { onDelete: 'cascade' }),
    key: uuid('key').notNull().defaultRandom(),
    /** section | pillar | driver | goal | action */
    kind: text('kind').notNull(),
    /** For an action, its goal's key; otherwise null. */
    parentKey: uuid('parent_key'),
    /** For sections their number (1, 2, 3); for goals the section they sit in. */
    sectionCode: text('section_code'),
    code: text('code'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull().default(0),
    missions: text('missions')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    measures: text('measures')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    sdgs: integer('sdgs')
      .array()
      .notNull()
      .default(sql`'{}'::int[]`),
    linkedPlans: text('linked_plans')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    pillarKeys: uuid('pillar_keys')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    driverKeys: uuid('driver_keys')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** metro | zones | comuni */
    scopeKind: text('scope_kind').notNull().default('metro'),
    scopeZones: text('scope_zones')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    scopeComuni: text('scope_comuni')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    periodStart: integer('period_start'),
    periodEnd: integer('period_end'),
    /** Example content seeded where the real text is unknown; removable with one command. */
    isExample: boolean('is_example').notNull().default(false),
    source: text('source'),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Italian full-text search over title and description, kept by PostgreSQL itself. */
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('italian', title || ' ' || regexp_replace(description, '<[^>]*>', ' ', 'g'))`,
    ),
  },
  (t) => [
    uniqueIndex('plan_items_version_key_idx').on(t.versionId, t.key),
    index('plan_items_version_kind_idx').on(t.versionId, t.kind),
    index('plan_items_search_idx').using('gin', t.search),
  ],
);
