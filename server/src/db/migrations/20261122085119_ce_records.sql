CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"professional_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"status" text NOT NULL,
	"name" text NOT NULL,
	"series" text NOT NULL,
	"public_hours" numeric(8, 1) NOT NULL,
	"professional_hours" numeric(8, 1) NOT NULL,
	"elective_hours" numeric(8, 1) NOT NULL,
	"total_hours" numeric(8, 1) NOT NULL,
	"public_courses" integer NOT NULL,
	"professional_courses" integer NOT NULL,
	"elective_courses" integer NOT NULL,
	"issued_by" uuid,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_by" uuid
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"file_name" text NOT NULL,
	"status" text NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"imported_rows" integer DEFAULT 0 NOT NULL,
	"errors" jsonb,
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "org_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"role" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"unit_name" text NOT NULL,
	"cert_type" text NOT NULL,
	"cert_number" text NOT NULL,
	"nature" text NOT NULL,
	"level" text NOT NULL,
	"series" text,
	"region_code" text NOT NULL,
	"hrss_unit_id" uuid,
	"contact_name" text NOT NULL,
	"office_phone" text NOT NULL,
	"mobile_phone" text NOT NULL,
	"email" text NOT NULL,
	"postal_code" text NOT NULL,
	"address" text NOT NULL,
	"description" text NOT NULL,
	"licence_file_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_opinions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"text" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflow_settings" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"two_reviewers" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "professionals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid,
	"id_number" text NOT NULL,
	"name" text NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"ethnicity" text NOT NULL,
	"native_place" text NOT NULL,
	"education" text NOT NULL,
	"degree" text,
	"major" text NOT NULL,
	"school" text NOT NULL,
	"graduation_date" date NOT NULL,
	"work_start_date" date NOT NULL,
	"phone" text NOT NULL,
	"email" text,
	"qualification" text NOT NULL,
	"qualification_date" date,
	"series" text NOT NULL,
	"specialty" text NOT NULL,
	"postal_code" text,
	"address" text,
	"employer_id" uuid,
	"binding_status" text DEFAULT 'none' NOT NULL,
	"binding_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ce_record_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"name" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ce_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"professional_id" uuid NOT NULL,
	"source" text NOT NULL,
	"employer_id" uuid,
	"course_name" text NOT NULL,
	"subject_type" text NOT NULL,
	"study_form" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"days" numeric(5, 1) NOT NULL,
	"declared_hours" numeric(6, 1) NOT NULL,
	"assessment" text NOT NULL,
	"reviewed_hours" numeric(6, 1),
	"recognised_hours" numeric(6, 1),
	"institution_id" uuid,
	"institution_name" text,
	"year" smallint NOT NULL,
	"location" text,
	"content" text,
	"remark" text,
	"achievement_kind" text,
	"achievement_role" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ce_totals" (
	"professional_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"subject_type" text NOT NULL,
	"hours" numeric(8, 1) NOT NULL,
	"courses" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ce_totals_professional_id_year_subject_type_pk" PRIMARY KEY("professional_id","year","subject_type")
);
--> statement-breakpoint
CREATE TABLE "requirement_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_year" smallint NOT NULL,
	"to_year" smallint,
	"series" text,
	"region_code" text,
	"total_hours" numeric(6, 1) NOT NULL,
	"public_hours" numeric(6, 1) NOT NULL,
	"professional_hours" numeric(6, 1) NOT NULL,
	"elective_hours" numeric(6, 1) NOT NULL,
	"hours_per_day" numeric(6, 1) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflow_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"step" text NOT NULL,
	"action" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"actor_unit_id" uuid,
	"actor_unit_name" text,
	"opinion" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflow_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"object_type" text NOT NULL,
	"object_id" uuid NOT NULL,
	"state" text NOT NULL,
	"reviewer_unit_id" uuid,
	"step" text,
	"submitter_id" uuid,
	"submitter_unit_id" uuid,
	"submitted_at" timestamp with time zone,
	"first_approver_id" uuid,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_professional_id_professionals_id_fk" FOREIGN KEY ("professional_id") REFERENCES "public"."professionals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_issued_by_accounts_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_voided_by_accounts_id_fk" FOREIGN KEY ("voided_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_unit_id_accounts_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_profiles" ADD CONSTRAINT "org_profiles_unit_id_accounts_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_profiles" ADD CONSTRAINT "org_profiles_hrss_unit_id_accounts_id_fk" FOREIGN KEY ("hrss_unit_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_profiles" ADD CONSTRAINT "org_profiles_licence_file_id_files_id_fk" FOREIGN KEY ("licence_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_opinions" ADD CONSTRAINT "review_opinions_unit_id_accounts_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_settings" ADD CONSTRAINT "workflow_settings_unit_id_accounts_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professionals" ADD CONSTRAINT "professionals_person_id_accounts_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professionals" ADD CONSTRAINT "professionals_employer_id_accounts_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professionals" ADD CONSTRAINT "professionals_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ce_record_files" ADD CONSTRAINT "ce_record_files_record_id_ce_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."ce_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ce_record_files" ADD CONSTRAINT "ce_record_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ce_record_files" ADD CONSTRAINT "ce_record_files_uploaded_by_accounts_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ce_records" ADD CONSTRAINT "ce_records_professional_id_professionals_id_fk" FOREIGN KEY ("professional_id") REFERENCES "public"."professionals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ce_records" ADD CONSTRAINT "ce_records_employer_id_accounts_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ce_records" ADD CONSTRAINT "ce_records_institution_id_accounts_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ce_records" ADD CONSTRAINT "ce_records_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ce_totals" ADD CONSTRAINT "ce_totals_professional_id_professionals_id_fk" FOREIGN KEY ("professional_id") REFERENCES "public"."professionals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_rules" ADD CONSTRAINT "requirement_rules_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_history" ADD CONSTRAINT "workflow_history_item_id_workflow_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."workflow_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_history" ADD CONSTRAINT "workflow_history_actor_id_accounts_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_history" ADD CONSTRAINT "workflow_history_actor_unit_id_accounts_id_fk" FOREIGN KEY ("actor_unit_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_items" ADD CONSTRAINT "workflow_items_reviewer_unit_id_accounts_id_fk" FOREIGN KEY ("reviewer_unit_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_items" ADD CONSTRAINT "workflow_items_submitter_id_accounts_id_fk" FOREIGN KEY ("submitter_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_items" ADD CONSTRAINT "workflow_items_submitter_unit_id_accounts_id_fk" FOREIGN KEY ("submitter_unit_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_items" ADD CONSTRAINT "workflow_items_first_approver_id_accounts_id_fk" FOREIGN KEY ("first_approver_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_number_uq" ON "certificates" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_one_valid_uq" ON "certificates" USING btree ("professional_id","year") WHERE status = 'valid';--> statement-breakpoint
CREATE INDEX "import_jobs_unit_idx" ON "import_jobs" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "org_profiles_unit_role_uq" ON "org_profiles" USING btree ("unit_id","role");--> statement-breakpoint
CREATE UNIQUE INDEX "professionals_id_number_uq" ON "professionals" USING btree ("id_number");--> statement-breakpoint
CREATE UNIQUE INDEX "professionals_person_uq" ON "professionals" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "professionals_employer_idx" ON "professionals" USING btree ("employer_id","binding_status");--> statement-breakpoint
CREATE INDEX "ce_record_files_record_idx" ON "ce_record_files" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "ce_record_files_file_idx" ON "ce_record_files" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "ce_records_professional_idx" ON "ce_records" USING btree ("professional_id","year");--> statement-breakpoint
CREATE INDEX "ce_records_employer_idx" ON "ce_records" USING btree ("employer_id","year");--> statement-breakpoint
CREATE INDEX "requirement_rules_year_idx" ON "requirement_rules" USING btree ("from_year");--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_history_item_seq_uq" ON "workflow_history" USING btree ("item_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_items_object_uq" ON "workflow_items" USING btree ("object_type","object_id");--> statement-breakpoint
CREATE INDEX "workflow_items_queue_idx" ON "workflow_items" USING btree ("reviewer_unit_id","object_type","state","submitted_at");