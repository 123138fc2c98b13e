import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/** Euro with cents, exact in the database (sums are done there); read as a JS number. */
const euro = (name: string) => numeric(name, { precision: 15, scale: 2, mode: 'number' });

/**
 * The PNRR taxonomy and the SDGs, national reference data loaded from reference-data/ (pnrr/,
 * sdg/; see SOURCES.md §3-4). Codes are the canonical short ones (M1C1I1.1).
 */
export const pnrrMissions = pgTable('pnrr_missions', {
  code: text('code').primaryKey(),
  title: text('title').notNull(),
  allocationEur: euro('allocation_eur').notNull(),
  /** M7, added by the 2023 revision of the plan (REPowerEU chapter). */
  isRepowerEu: boolean('is_repower_eu').notNull().default(false),
  position: integer('position').notNull(),
});

export const pnrrComponents = pgTable(
  'pnrr_components',
  {
    code: text('code').primaryKey(),
    missionCode: text('mission_code')
      .notNull()
      .references(() => pnrrMissions.code),
    title: text('title').notNull(),
    allocationEur: euro('allocation_eur').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [index('pnrr_components_mission_idx').on(t.missionCode)],
);

export const pnrrMeasures = pgTable(
  'pnrr_measures',
  {
    code: text('code').primaryKey(),
    /** `codice_univoco_misura`, zero-padded: also the natural sort order. */
    uniqueCode: text('unique_code').notNull().unique(),
    missionCode: text('mission_code')
      .notNull()
      .references(() => pnrrMissions.code),
    componentCode: text('component_code')
      .notNull()
      .references(() => pnrrComponents.code),
    kind: text('kind', { enum: ['investimento', 'riforma'] }).notNull(),
    title: text('title').notNull(),
    allocationEur: euro('allocation_eur').notNull(),
    /** Distinct holders of its rows, "; "-separated (a few measures have two ministries). */
    amministrazioneTitolare: text('amministrazione_titolare').notNull(),
    /** prestito | sovvenzione | misto (loan, grant, or sub-measures of both kinds). */
    financing: text('financing').notNull(),
    /** Folded title and sub-measure titles, for search. */
    searchText: text('search_text').notNull(),
  },
  (t) => [
    index('pnrr_measures_component_idx').on(t.componentCode),
    index('pnrr_measures_mission_idx').on(t.missionCode),
    check('pnrr_measures_kind_check', sql`${t.kind} in ('investimento', 'riforma')`),
  ],
);

export const pnrrSubMeasures = pgTable(
  'pnrr_sub_measures',
  {
    code: text('code').primaryKey(),
    /** `codice_univoco_submisura`, zero-padded. */
    uniqueCode: text('unique_code').notNull().unique(),
    measureCode: text('measure_code')
      .notNull()
      .references(() => pnrrMeasures.code),
    /** The EU Council Implementing Decision's code, shared by sub-measures (and measures). */
    cidCode: text('cid_code'),
    title: text('title').notNull(),
    allocationEur: euro('allocation_eur').notNull(),
    amministrazioneTitolare: text('amministrazione_titolare').notNull(),
    financing: text('financing').notNull(),
  },
  (t) => [index('pnrr_sub_measures_measure_idx').on(t.measureCode)],
);

/** Every code of the official file (short, padded, CID) → canonical measure and sub-measure. */
export const pnrrCodeAliases = pgTable(
  'pnrr_code_aliases',
  {
    alias: text('alias').primaryKey(),
    measureCode: text('measure_code')
      .notNull()
      .references(() => pnrrMeasures.code),
    subMeasureCode: text('sub_measure_code').references(() => pnrrSubMeasures.code),
    /** The column of the official file the code comes from, e.g. codice_univoco_submisura. */
    source: text('source').notNull(),
  },
  (t) => [index('pnrr_code_aliases_measure_idx').on(t.measureCode)],
);

/** The 17 Sustainable Development Goals of the UN 2030 Agenda. */
export const sdgs = pgTable('sdgs', {
  goal: integer('goal').primaryKey(),
  code: text('code').notNull().unique(),
  nameIt: text('name_it').notNull(),
  nameEn: text('name_en').notNull(),
  descriptionIt: text('description_it').notNull(),
  descriptionSource: text('description_source'),
});

/** Italia Domani's measure → SDG mapping (2023), per measure; prevalent for any of its rows. */
export const pnrrMeasureSdgs = pgTable(
  'pnrr_measure_sdgs',
  {
    measureCode: text('measure_code')
      .notNull()
      .references(() => pnrrMeasures.code),
    goal: integer('goal')
      .notNull()
      .references(() => sdgs.goal),
    prevalent: boolean('prevalent').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.measureCode, t.goal] }),
    index('pnrr_measure_sdgs_goal_idx').on(t.goal),
  ],
);

/** One row: which bundled files the taxonomy was loaded from, so a reload of the same is a no-op. */
export const pnrrTaxonomy = pgTable('pnrr_taxonomy', {
  id: integer('id').primaryKey().default(1),
  sourceFingerprint: text('source_fingerprint').notNull(),
  /** Bumped on every load, so read caches in every process can tell they are stale. */
  revision: integer('revision').notNull().default(1),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
});
