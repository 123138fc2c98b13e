ALTER TABLE "project_action_links" ADD COLUMN "action_title" text;--> statement-breakpoint
-- The links made before keep the title of their action's latest edit, where a version still has it.
UPDATE "project_action_links" l SET "action_title" = (
  SELECT i."title" FROM "plan_items" i WHERE i."key" = l."action_key"
  ORDER BY i."updated_at" DESC LIMIT 1);
