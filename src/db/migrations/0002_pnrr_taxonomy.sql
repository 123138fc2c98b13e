CREATE TABLE "pnrr_code_aliases" (
	"alias" text PRIMARY KEY NOT NULL,
	"measure_code" text NOT NULL,
	"sub_measure_code" text,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pnrr_components" (
	"code" text PRIMARY KEY NOT NULL,
	"mission_code" text NOT NULL,
	"title" text NOT NULL,
	"allocation_eur" numeric(15, 2) NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pnrr_measure_sdgs" (
	"measure_code" text NOT NULL,
	"goal" integer NOT NULL,
	"prevalent" boolean NOT NULL,
	CONSTRAINT "pnrr_measure_sdgs_measure_code_goal_pk" PRIMARY KEY("measure_code","goal")
);
--> statement-breakpoint
CREATE TABLE "pnrr_measures" (
	"code" text PRIMARY KEY NOT NULL,
	"unique_code" text NOT NULL,
	"mission_code" text NOT NULL,
	"component_code" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"allocation_eur" numeric(15, 2) NOT NULL,
	"amministrazione_titolare" text NOT NULL,
	"financing" text NOT NULL,
	"search_text" text NOT NULL,
	CONSTRAINT "pnrr_measures_unique_code_unique" UNIQUE("unique_code"),
	CONSTRAINT "pnrr_measures_kind_check" CHECK ("pnrr_measures"."kind" in ('investimento', 'riforma'))
);
--> statement-breakpoint
CREATE TABLE "pnrr_missions" (
	"code" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"allocation_eur" numeric(15, 2) NOT NULL,
	"is_repower_eu" boolean DEFAULT false NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pnrr_sub_measures" (
	"code" text PRIMARY KEY NOT NULL,
	"unique_code" text NOT NULL,
	"measure_code" text NOT NULL,
	"cid_code" text,
	"title" text NOT NULL,
	"allocation_eur" numeric(15, 2) NOT NULL,
	"amministrazione_titolare" text NOT NULL,
	"financing" text NOT NULL,
	CONSTRAINT "pnrr_sub_measures_unique_code_unique" UNIQUE("unique_code")
);
--> statement-breakpoint
CREATE TABLE "pnrr_taxonomy" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"source_fingerprint" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sdgs" (
	"goal" integer PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_it" text NOT NULL,
	"name_en" text NOT NULL,
	"description_it" text NOT NULL,
	"description_source" text,
	CONSTRAINT "sdgs_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "pnrr_code_aliases" ADD CONSTRAINT "pnrr_code_aliases_measure_code_pnrr_measures_code_fk" FOREIGN KEY ("measure_code") REFERENCES "public"."pnrr_measures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pnrr_code_aliases" ADD CONSTRAINT "pnrr_code_aliases_sub_measure_code_pnrr_sub_measures_code_fk" FOREIGN KEY ("sub_measure_code") REFERENCES "public"."pnrr_sub_measures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pnrr_components" ADD CONSTRAINT "pnrr_components_mission_code_pnrr_missions_code_fk" FOREIGN KEY ("mission_code") REFERENCES "public"."pnrr_missions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pnrr_measure_sdgs" ADD CONSTRAINT "pnrr_measure_sdgs_measure_code_pnrr_measures_code_fk" FOREIGN KEY ("measure_code") REFERENCES "public"."pnrr_measures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pnrr_measure_sdgs" ADD CONSTRAINT "pnrr_measure_sdgs_goal_sdgs_goal_fk" FOREIGN KEY ("goal") REFERENCES "public"."sdgs"("goal") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pnrr_measures" ADD CONSTRAINT "pnrr_measures_mission_code_pnrr_missions_code_fk" FOREIGN KEY ("mission_code") REFERENCES "public"."pnrr_missions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pnrr_measures" ADD CONSTRAINT "pnrr_measures_component_code_pnrr_components_code_fk" FOREIGN KEY ("component_code") REFERENCES "public"."pnrr_components"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pnrr_sub_measures" ADD CONSTRAINT "pnrr_sub_measures_measure_code_pnrr_measures_code_fk" FOREIGN KEY ("measure_code") REFERENCES "public"."pnrr_measures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pnrr_code_aliases_measure_idx" ON "pnrr_code_aliases" USING btree ("measure_code");--> statement-breakpoint
CREATE INDEX "pnrr_components_mission_idx" ON "pnrr_components" USING btree ("mission_code");--> statement-breakpoint
CREATE INDEX "pnrr_measure_sdgs_goal_idx" ON "pnrr_measure_sdgs" USING btree ("goal");--> statement-breakpoint
CREATE INDEX "pnrr_measures_component_idx" ON "pnrr_measures" USING btree ("component_code");--> statement-breakpoint
CREATE INDEX "pnrr_measures_mission_idx" ON "pnrr_measures" USING btree ("mission_code");--> statement-breakpoint
CREATE INDEX "pnrr_sub_measures_measure_idx" ON "pnrr_sub_measures" USING btree ("measure_code");