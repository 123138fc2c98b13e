CREATE TABLE "import_releases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"bytes" bigint NOT NULL,
	"encoding" text NOT NULL,
	"release_date" date,
	"scope" text NOT NULL,
	"report" jsonb NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"imported_by" uuid
);
--> statement-breakpoint
CREATE TABLE "project_action_links" (
	"project_id" uuid NOT NULL,
	"action_key" uuid NOT NULL,
	"status" text NOT NULL,
	"score" numeric(6, 3),
	"reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "project_action_links_project_id_action_key_pk" PRIMARY KEY("project_id","action_key")
);
--> statement-breakpoint
CREATE TABLE "project_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cup" text NOT NULL,
	"local_code" text NOT NULL,
	"sub_measure_code" text DEFAULT '' NOT NULL,
	"comune_code" text,
	"region_code" text,
	"province_code" text,
	"special" text,
	"place_name" text,
	"address" text,
	"postcode" text,
	"share" numeric(9, 6),
	"row_hash" text NOT NULL,
	"release_id" uuid
);
--> statement-breakpoint
CREATE TABLE "project_subjects" (
	"cup" text NOT NULL,
	"local_code" text NOT NULL,
	"role_code" text NOT NULL,
	"role" text NOT NULL,
	"tax_code" text NOT NULL,
	"name" text NOT NULL,
	"legal_form" text,
	"ateco_code" text,
	"row_hash" text NOT NULL,
	"release_id" uuid,
	CONSTRAINT "project_subjects_cup_local_code_role_code_tax_code_pk" PRIMARY KEY("cup","local_code","role_code","tax_code")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cup" text NOT NULL,
	"local_code" text NOT NULL,
	"sub_measure_code" text DEFAULT '' NOT NULL,
	"programme" text DEFAULT 'PNRR' NOT NULL,
	"mission" text,
	"component" text,
	"measure_code" text,
	"title" text NOT NULL,
	"summary" text,
	"owner" text,
	"implementer" text,
	"implementer_tax_code" text,
	"cup_status" text,
	"nature" text,
	"typology" text,
	"sector" text,
	"procedure" text,
	"funding_pnrr" numeric(16, 2),
	"funding_pnc" numeric(16, 2),
	"funding_eu_other" numeric(16, 2),
	"funding_state" numeric(16, 2),
	"funding_region" numeric(16, 2),
	"funding_province" numeric(16, 2),
	"funding_comune" numeric(16, 2),
	"funding_other_public" numeric(16, 2),
	"funding_private" numeric(16, 2),
	"funding_to_find" numeric(16, 2),
	"funding_other" numeric(16, 2),
	"funding_total" numeric(16, 2),
	"funding_total_public" numeric(16, 2),
	"source_updated_at" date,
	"release_id" uuid,
	"org_unit_id" uuid,
	"is_manual" boolean DEFAULT false NOT NULL,
	"content_hash" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "project_action_links" ADD CONSTRAINT "project_action_links_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_locations" ADD CONSTRAINT "project_locations_release_id_import_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."import_releases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_subjects" ADD CONSTRAINT "project_subjects_release_id_import_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."import_releases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_release_id_import_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."import_releases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_releases_kind_idx" ON "import_releases" USING btree ("kind","imported_at");--> statement-breakpoint
CREATE INDEX "project_locations_key_idx" ON "project_locations" USING btree ("cup","local_code");--> statement-breakpoint
CREATE INDEX "project_locations_comune_idx" ON "project_locations" USING btree ("comune_code");--> statement-breakpoint
CREATE INDEX "project_locations_hash_idx" ON "project_locations" USING btree ("row_hash");--> statement-breakpoint
CREATE INDEX "project_subjects_tax_code_idx" ON "project_subjects" USING btree ("tax_code");--> statement-breakpoint
CREATE INDEX "project_subjects_hash_idx" ON "project_subjects" USING btree ("row_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_key_idx" ON "projects" USING btree ("cup","local_code","sub_measure_code");--> statement-breakpoint
CREATE INDEX "projects_measure_idx" ON "projects" USING btree ("measure_code");--> statement-breakpoint
CREATE INDEX "projects_mission_idx" ON "projects" USING btree ("mission");--> statement-breakpoint
-- Amounts as the Italian releases write them (the same rule as domain/italianNumbers.ts, checked
-- against it by test/integration/importRules.test.ts): "114.000.000", "67100,00", " 600.000.000,00 ".
-- NULL for missing values (empty, N/D, N/A, -), which stay distinct from zero.
CREATE OR REPLACE FUNCTION metroplan_it_amount(raw text) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN raw IS NULL OR btrim(raw) = '' OR upper(btrim(raw)) IN ('N/D', 'N/A', 'N.D.', 'N.A.', 'ND', 'NA', '-', '–', '—') THEN NULL
    WHEN btrim(raw) ~ '^[+-]?[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?$' THEN replace(replace(btrim(raw), '.', ''), ',', '.')::numeric
    WHEN btrim(raw) ~ '^[+-]?[0-9]+(,[0-9]+)?$' THEN replace(btrim(raw), ',', '.')::numeric
    ELSE NULL
  END
$$;
--> statement-breakpoint
-- True when the value is missing or an amount: false marks a row to reject, with its reason.
CREATE OR REPLACE FUNCTION metroplan_it_amount_ok(raw text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT raw IS NULL OR btrim(raw) = '' OR upper(btrim(raw)) IN ('N/D', 'N/A', 'N.D.', 'N.A.', 'ND', 'NA', '-', '–', '—')
    OR btrim(raw) ~ '^[+-]?[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?$' OR btrim(raw) ~ '^[+-]?[0-9]+(,[0-9]+)?$'
$$;
--> statement-breakpoint
-- dd/mm/yyyy dates; NULL when missing or not a real calendar date. Plain SQL (no exception
-- block, which would open a subtransaction per row): CASE branches run in order, so make_date
-- only ever sees a valid date.
CREATE OR REPLACE FUNCTION metroplan_it_date(raw text) RETURNS date
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN p IS NULL THEN NULL
    WHEN p[2]::int NOT BETWEEN 1 AND 12 OR p[3]::int < 1 THEN NULL
    WHEN p[1]::int BETWEEN 1 AND extract(day FROM make_date(p[3]::int, p[2]::int, 1) + interval '1 month' - interval '1 day')::int
      THEN make_date(p[3]::int, p[2]::int, p[1]::int)
  END
  FROM regexp_match(btrim(coalesce(raw, '')), '^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$') AS p
$$;
--> statement-breakpoint
-- The rule half of domain/pnrrCode.ts, for codes the alias table does not know (measures the
-- 2025 revision removed): M1C1I1.03.01 -> M1C1I1.3.1, M1C1I1.02.00 -> M1C1I1.2.
CREATE OR REPLACE FUNCTION metroplan_pnrr_code(raw text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN m IS NULL THEN nullif(upper(btrim(raw)), '')
    ELSE m[1] || (m[2]::int)::text || '.' || (m[3]::int)::text
      || CASE WHEN m[4] IS NULL OR m[4]::int = 0 THEN '' ELSE '.' || (m[4]::int)::text END
  END
  FROM regexp_match(upper(btrim(coalesce(raw, ''))), '^(M[0-9]+C[0-9]+[IR])([0-9]+)\.([0-9]+)(?:\.([0-9]+))?$') AS m
$$;
