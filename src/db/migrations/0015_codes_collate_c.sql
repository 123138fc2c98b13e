-- The codes of the PNRR tables (CUP, codice locale, measure, places, tax codes, row hashes) are
-- compared byte by byte: the "C" collation. Under a linguistic collation (it_IT, en_US, even
-- C.UTF-8 on PostgreSQL before 17) every comparison goes through strcoll and sorts cannot use
-- abbreviated keys, so an import's index builds and the joins on these keys cost two to three
-- times as much; and codes have no language to sort by. Names and titles keep the database's.
ALTER TABLE "projects"
  ALTER COLUMN "cup" TYPE text COLLATE "C",
  ALTER COLUMN "local_code" TYPE text COLLATE "C",
  ALTER COLUMN "sub_measure_code" TYPE text COLLATE "C",
  ALTER COLUMN "mission" TYPE text COLLATE "C",
  ALTER COLUMN "component" TYPE text COLLATE "C",
  ALTER COLUMN "measure_code" TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "project_locations"
  ALTER COLUMN "cup" TYPE text COLLATE "C",
  ALTER COLUMN "local_code" TYPE text COLLATE "C",
  ALTER COLUMN "sub_measure_code" TYPE text COLLATE "C",
  ALTER COLUMN "region_code" TYPE text COLLATE "C",
  ALTER COLUMN "province_code" TYPE text COLLATE "C",
  ALTER COLUMN "comune_code" TYPE text COLLATE "C",
  ALTER COLUMN "row_hash" TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "project_subjects"
  ALTER COLUMN "cup" TYPE text COLLATE "C",
  ALTER COLUMN "local_code" TYPE text COLLATE "C",
  ALTER COLUMN "role_code" TYPE text COLLATE "C",
  ALTER COLUMN "tax_code" TYPE text COLLATE "C",
  ALTER COLUMN "row_hash" TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "project_payments"
  ALTER COLUMN "cup" TYPE text COLLATE "C",
  ALTER COLUMN "local_code" TYPE text COLLATE "C",
  ALTER COLUMN "sub_measure_code" TYPE text COLLATE "C",
  ALTER COLUMN "row_hash" TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "project_indicators"
  ALTER COLUMN "cup" TYPE text COLLATE "C",
  ALTER COLUMN "local_code" TYPE text COLLATE "C",
  ALTER COLUMN "sub_measure_code" TYPE text COLLATE "C",
  ALTER COLUMN "code" TYPE text COLLATE "C",
  ALTER COLUMN "row_hash" TYPE text COLLATE "C";
