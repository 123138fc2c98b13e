import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** The tenant: one Città metropolitana per deployment (row id is always 1). */
export const metro = pgTable('metro', {
  id: integer('id').primaryKey().default(1),
  utsCode: text('uts_code').notNull(),
  name: text('name').notNull(),
  sigla: text('sigla').notNull(),
  provinceCode: text('province_code').notNull(),
  regionName: text('region_name').notNull(),
  capoluogoCode: text('capoluogo_code').notNull(),
  /** Bumped on every territory write, so caches in every process can tell they are stale. */
  territoryRevision: integer('territory_revision').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const zones = pgTable(
  'zones',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    isZonaOmogenea: boolean('is_zona_omogenea').notNull().default(true),
    vision: text('vision'),
    membershipConfidence: text('membership_confidence').notNull().default('assigned'),
    evidence: text('evidence'),
    position: integer('position').notNull().default(0),
    /** Outline as published (dissolved comuni); null once membership changes, then derived from the comuni. */
    geometry: jsonb('geometry'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Two zones of one name could not be told apart (whatever the case and spaces).
  (t) => [uniqueIndex('zones_name_unique').on(sql`lower(btrim(${t.name}))`)],
);

export const comuni = pgTable(
  'comuni',
  {
    istatCode: text('istat_code').primaryKey(),
    name: text('name').notNull(),
    /** Lower case without accents, for search. */
    nameSearch: text('name_search').notNull(),
    cadastralCode: text('cadastral_code'),
    isCapoluogo: boolean('is_capoluogo').notNull().default(false),
    population: integer('population'),
    populationYear: integer('population_year'),
    /** The register or institute that counted (ANPR, ISTAT). */
    populationSource: text('population_source'),
    /** The day of the count, when the source gives one (ANPR's extraction). */
    populationDate: date('population_date', { mode: 'string' }),
    areaKm2: doublePrecision('area_km2'),
    zoneId: text('zone_id').references(() => zones.id),
    /** confirmed | inferred (reference data) | assigned (by an admin in the app). */
    zoneConfidence: text('zone_confidence'),
    website: text('website'),
    pec: text('pec'),
    geometry: jsonb('geometry'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('comuni_zone_idx').on(t.zoneId), index('comuni_population_idx').on(t.population)],
);
