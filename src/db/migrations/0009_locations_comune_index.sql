DROP INDEX "project_locations_comune_idx";--> statement-breakpoint
CREATE INDEX "project_locations_comune_idx" ON "project_locations" USING btree ("comune_code");