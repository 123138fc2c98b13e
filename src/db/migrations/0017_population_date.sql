-- The day of a comune's population count gets its own column, so that each page writes it in its
-- reader's language ("10 gennaio 2024", "January 10, 2024"); the source keeps the register alone.
ALTER TABLE "comuni" ADD COLUMN "population_date" date;
--> statement-breakpoint
UPDATE "comuni"
SET "population_date" = to_date(substring("population_source" from '(\d{2}/\d{2}/\d{4})$'), 'DD/MM/YYYY'),
    "population_source" = regexp_replace("population_source", ',\s*\d{2}/\d{2}/\d{4}$', '')
WHERE "population_source" ~ ',\s*\d{2}/\d{2}/\d{4}$';
--> statement-breakpoint
-- Other metropolitan cities: the census of 2011, whose year is already the population's year.
UPDATE "comuni" SET "population_source" = 'ISTAT' WHERE "population_source" = 'ISTAT, censimento 2011';
--> statement-breakpoint
-- A server running during the migration serves its cached comuni until the revision moves.
UPDATE "metro" SET "territory_revision" = "territory_revision" + 1;
