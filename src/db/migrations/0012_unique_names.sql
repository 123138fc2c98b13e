-- Names and codes were kept unique by the services alone (two requests at one instant could both
-- pass). Any duplicates stored before are told apart first: every one but the oldest gets its id
-- (a zone's, or the first 8 characters of an org unit's) after its name or code, which no other
-- row can hold, so that no row is lost and an administrator can see and rename them.
UPDATE "zones" z SET "name" = z."name" || ' (' || z."id" || ')', "version" = z."version" + 1, "updated_at" = now()
FROM (
  SELECT "id", row_number() OVER (PARTITION BY lower(btrim("name")) ORDER BY "created_at", "id") AS n
  FROM "zones"
) d
WHERE d."id" = z."id" AND d.n > 1;--> statement-breakpoint
UPDATE "org_units" u SET "code" = btrim(u."code") || '-' || left(u."id"::text, 8), "version" = u."version" + 1, "updated_at" = now()
FROM (
  SELECT "id", row_number() OVER (PARTITION BY lower(btrim("code")) ORDER BY "created_at", "id") AS n
  FROM "org_units" WHERE "archived_at" IS NULL AND "code" IS NOT NULL
) d
WHERE d."id" = u."id" AND d.n > 1;--> statement-breakpoint
UPDATE "org_units" u SET "name" = btrim(u."name") || ' (' || left(u."id"::text, 8) || ')', "version" = u."version" + 1, "updated_at" = now()
FROM (
  SELECT "id", row_number() OVER (
    PARTITION BY "parent_id", lower(btrim("name")) ORDER BY "created_at", "id") AS n
  FROM "org_units" WHERE "archived_at" IS NULL
) d
WHERE d."id" = u."id" AND d.n > 1;--> statement-breakpoint
-- A server running during the migration serves its cached zones until the revision moves.
UPDATE "metro" SET "territory_revision" = "territory_revision" + 1;--> statement-breakpoint
CREATE UNIQUE INDEX "zones_name_unique" ON "zones" USING btree (lower(btrim("name")));--> statement-breakpoint
CREATE UNIQUE INDEX "org_units_code_unique" ON "org_units" USING btree (lower(btrim("code"))) WHERE "org_units"."archived_at" IS NULL AND "org_units"."code" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "org_units_name_unique" ON "org_units" USING btree (coalesce("parent_id", '00000000-0000-0000-0000-000000000000'::uuid),lower(btrim("name"))) WHERE "org_units"."archived_at" IS NULL;