ALTER TABLE "project_indicators" DROP CONSTRAINT "project_indicators_release_id_import_releases_id_fk";
--> statement-breakpoint
ALTER TABLE "project_locations" DROP CONSTRAINT "project_locations_release_id_import_releases_id_fk";
--> statement-breakpoint
ALTER TABLE "project_payments" DROP CONSTRAINT "project_payments_release_id_import_releases_id_fk";
--> statement-breakpoint
ALTER TABLE "project_subjects" DROP CONSTRAINT "project_subjects_release_id_import_releases_id_fk";
--> statement-breakpoint
ALTER TABLE "projects" DROP CONSTRAINT "projects_release_id_import_releases_id_fk";
--> statement-breakpoint
DROP INDEX "project_indicators_hash_idx";--> statement-breakpoint
DROP INDEX "project_locations_key_idx";--> statement-breakpoint
DROP INDEX "project_locations_hash_idx";--> statement-breakpoint
DROP INDEX "project_payments_hash_idx";--> statement-breakpoint
DROP INDEX "project_subjects_hash_idx";--> statement-breakpoint
DROP INDEX "project_locations_comune_idx";--> statement-breakpoint
CREATE INDEX "project_locations_comune_idx" ON "project_locations" USING btree ("comune_code","cup","local_code");--> statement-breakpoint
-- Identical place rows of one project were never kept twice; this makes sure before the key.
DELETE FROM "project_locations" a USING "project_locations" b
  WHERE a."id" < b."id" AND a."cup" = b."cup" AND a."local_code" = b."local_code" AND a."row_hash" = b."row_hash";--> statement-breakpoint
ALTER TABLE "project_locations" DROP COLUMN "id";--> statement-breakpoint
ALTER TABLE "project_locations" ADD CONSTRAINT "project_locations_cup_local_code_row_hash_pk" PRIMARY KEY("cup","local_code","row_hash");--> statement-breakpoint
-- The parsing functions, rewritten so that PostgreSQL inlines them into the import's statements
-- (one SELECT of one expression, no FROM): as called functions they cost 12 µs (a date) and
-- 160 µs (a PNRR code) a row on PostgreSQL 15. An amount is matched by one regular expression.
CREATE OR REPLACE FUNCTION metroplan_it_amount(raw text) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN btrim(raw) ~ '^[+-]?([0-9]{1,3}(\.[0-9]{3})+|[0-9]+)(,[0-9]+)?$'
    THEN replace(replace(btrim(raw), '.', ''), ',', '.')::numeric END
$$;
--> statement-breakpoint
-- Missing: NULL, blank, or one of the releases' words for "not available".
CREATE OR REPLACE FUNCTION metroplan_blank(raw text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT raw IS NULL OR upper(btrim(raw)) IN ('', 'N/D', 'N/A', 'N.D.', 'N.A.', 'ND', 'NA', '-', '–', '—')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION metroplan_it_amount_ok(raw text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT metroplan_blank(raw) OR btrim(raw) ~ '^[+-]?([0-9]{1,3}(\.[0-9]{3})+|[0-9]+)(,[0-9]+)?$'
$$;
--> statement-breakpoint
-- A calendar day or NULL: the shared half of the two date readers below. Nested CASE, not AND,
-- so that make_date only ever sees a valid month.
CREATE OR REPLACE FUNCTION metroplan_valid_date(y int, m int, d int) RETURNS date
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN m NOT BETWEEN 1 AND 12 OR y < 1 THEN NULL
    WHEN d BETWEEN 1 AND extract(day FROM make_date(y, m, 1) + interval '1 month' - interval '1 day')::int
      THEN make_date(y, m, d)
  END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION metroplan_it_date(raw text) RETURNS date
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN raw IS NOT NULL AND btrim(raw) ~ '^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$' THEN metroplan_valid_date(
    split_part(btrim(raw), '/', 3)::int, split_part(btrim(raw), '/', 2)::int, split_part(btrim(raw), '/', 1)::int) END
$$;
--> statement-breakpoint
-- M1C1I1.03.01 -> M1C1I1.3.1, M1C1I1.02.00 -> M1C1I1.2 (as domain/pnrrCode.ts), without a FROM.
CREATE OR REPLACE FUNCTION metroplan_pnrr_code(raw text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN upper(btrim(coalesce(raw, ''))) ~ '^M[0-9]+C[0-9]+[IR][0-9]+\.[0-9]+(\.[0-9]+)?$'
      THEN regexp_replace(
        regexp_replace(upper(btrim(raw)), '([IR.])0+([0-9])', '\1\2', 'g'),
        '^(M[0-9]+C[0-9]+[IR][0-9]+\.[0-9]+)\.0$', '\1')
    ELSE nullif(upper(btrim(raw)), '')
  END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION metroplan_iso_date(raw text) RETURNS date
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN raw IS NOT NULL AND btrim(raw) ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN metroplan_valid_date(
    split_part(btrim(raw), '-', 1)::int, split_part(btrim(raw), '-', 2)::int, split_part(btrim(raw), '-', 3)::int) END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION metroplan_dot_amount_ok(raw text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT metroplan_blank(raw) OR btrim(raw) ~ '^[+-]?[0-9]+(\.[0-9]+)?$'
$$;
