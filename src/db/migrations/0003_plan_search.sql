DROP INDEX "plan_items_search_idx";--> statement-breakpoint
ALTER TABLE "plan_items" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('italian', title || ' ' || regexp_replace(description, '<[^>]*>', ' ', 'g'))) STORED;--> statement-breakpoint
CREATE INDEX "plan_items_search_idx" ON "plan_items" USING gin ("search");