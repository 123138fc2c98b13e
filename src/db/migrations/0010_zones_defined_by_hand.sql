ALTER TABLE "zones" ALTER COLUMN "membership_confidence" SET DEFAULT 'assigned';--> statement-breakpoint
-- Zones created by an administrator were marked 'defined', a value the pages do not know (they
-- showed its translation key): their membership is assigned by hand, like a moved comune's zone.
UPDATE "zones" SET "membership_confidence" = 'assigned' WHERE "membership_confidence" = 'defined';
--> statement-breakpoint
-- A server running during the migration serves its cached zones until the revision moves.
UPDATE "metro" SET "territory_revision" = "territory_revision" + 1;
