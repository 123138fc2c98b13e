-- The source of a comune's population was stored with the path of the file it came from, which
-- the comune page showed ("ANPR (italia/anpr-opendata data/popolazione_residente_export.csv)
-- (2024-01-10)"): now the register and the day of the count, as a new deployment writes it.
UPDATE "comuni"
SET "population_source" = regexp_replace(
  "population_source",
  '^(.*?)\s*\(.*\)\s*\((\d{4})-(\d{2})-(\d{2})\)$',
  '\1, \4/\3/\2'
)
WHERE "population_source" ~ '^.*?\s*\(.*\)\s*\(\d{4}-\d{2}-\d{2}\)$';
--> statement-breakpoint
-- A server running during the migration serves its cached comuni until the revision moves.
UPDATE "metro" SET "territory_revision" = "territory_revision" + 1;
