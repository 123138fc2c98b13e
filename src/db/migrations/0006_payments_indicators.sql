CREATE TABLE "project_indicators" (
	"cup" text NOT NULL,
	"local_code" text NOT NULL,
	"sub_measure_code" text DEFAULT '' NOT NULL,
	"code" text NOT NULL,
	"description" text NOT NULL,
	"unit" text,
	"kind" text,
	"achieved" numeric(20, 4),
	"planned" numeric(20, 4),
	"month" text,
	"year" integer,
	"extracted_on" date,
	"row_hash" text NOT NULL,
	"release_id" uuid,
	CONSTRAINT "project_indicators_cup_local_code_sub_measure_code_code_pk" PRIMARY KEY("cup","local_code","sub_measure_code","code")
);
--> statement-breakpoint
CREATE TABLE "project_payments" (
	"cup" text NOT NULL,
	"local_code" text NOT NULL,
	"sub_measure_code" text DEFAULT '' NOT NULL,
	"funding_total" numeric(16, 2),
	"funding_pnrr" numeric(16, 2),
	"paid_total" numeric(16, 2),
	"paid_pnrr" numeric(16, 2),
	"paid_state" numeric(16, 2),
	"paid_eu_other" numeric(16, 2),
	"paid_region" numeric(16, 2),
	"paid_province" numeric(16, 2),
	"paid_comune" numeric(16, 2),
	"paid_other_public" numeric(16, 2),
	"paid_private" numeric(16, 2),
	"paid_pnc" numeric(16, 2),
	"paid_other" numeric(16, 2),
	"extracted_on" date,
	"row_hash" text NOT NULL,
	"release_id" uuid,
	CONSTRAINT "project_payments_cup_local_code_sub_measure_code_pk" PRIMARY KEY("cup","local_code","sub_measure_code")
);
--> statement-breakpoint
ALTER TABLE "project_indicators" ADD CONSTRAINT "project_indicators_release_id_import_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."import_releases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_payments" ADD CONSTRAINT "project_payments_release_id_import_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."import_releases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_indicators_hash_idx" ON "project_indicators" USING btree ("row_hash");--> statement-breakpoint
CREATE INDEX "project_payments_hash_idx" ON "project_payments" USING btree ("row_hash");--> statement-breakpoint
-- Amounts with a decimal point and no thousands separator (the 2025 payments release:
-- "1360004.74"), as domain/italianNumbers.ts parseDecimalPointAmount reads them.
CREATE OR REPLACE FUNCTION metroplan_dot_amount(raw text) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN btrim(coalesce(raw, '')) ~ '^[+-]?[0-9]+(\.[0-9]+)?$' THEN btrim(raw)::numeric END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION metroplan_dot_amount_ok(raw text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT raw IS NULL OR btrim(raw) = '' OR upper(btrim(raw)) IN ('N/D', 'N/A', 'N.D.', 'N.A.', 'ND', 'NA', '-', '–', '—')
    OR btrim(raw) ~ '^[+-]?[0-9]+(\.[0-9]+)?$'
$$;
--> statement-breakpoint
-- yyyy-mm-dd dates (the 2025 releases); NULL when missing or not a real calendar date.
CREATE OR REPLACE FUNCTION metroplan_iso_date(raw text) RETURNS date
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN p IS NULL THEN NULL
    WHEN p[2]::int NOT BETWEEN 1 AND 12 OR p[1]::int < 1 THEN NULL
    WHEN p[3]::int BETWEEN 1 AND extract(day FROM make_date(p[1]::int, p[2]::int, 1) + interval '1 month' - interval '1 day')::int
      THEN make_date(p[1]::int, p[2]::int, p[3]::int)
  END
  FROM regexp_match(btrim(coalesce(raw, '')), '^([0-9]{4})-([0-9]{2})-([0-9]{2})$') AS p
$$;
