CREATE TABLE "recount_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"region_code" text,
	"status" text NOT NULL,
	"persons_total" integer DEFAULT 0 NOT NULL,
	"persons_done" integer DEFAULT 0 NOT NULL,
	"changed_persons" integer DEFAULT 0 NOT NULL,
	"changed_rows" integer DEFAULT 0 NOT NULL,
	"message" text,
	"created_by" uuid NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "recount_jobs" ADD CONSTRAINT "recount_jobs_unit_id_accounts_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recount_jobs" ADD CONSTRAINT "recount_jobs_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "recount_jobs_running_uq" ON "recount_jobs" USING btree (coalesce("region_code", '')) WHERE "recount_jobs"."status" = 'running';--> statement-breakpoint
CREATE INDEX "recount_jobs_region_idx" ON "recount_jobs" USING btree ("region_code","started_at");