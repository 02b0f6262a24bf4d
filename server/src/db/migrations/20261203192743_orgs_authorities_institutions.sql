CREATE TABLE "institution_qualifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"series" text NOT NULL,
	"overview" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teachers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"sex" text NOT NULL,
	"id_number" text NOT NULL,
	"qualification" text NOT NULL,
	"phone" text NOT NULL,
	"email" text NOT NULL,
	"courses" text NOT NULL,
	"intro" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "org_profiles" ALTER COLUMN "office_phone" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "org_profiles" ALTER COLUMN "postal_code" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "org_profiles" ADD COLUMN "parent_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "org_profiles" ADD COLUMN "parent_authority_name" text;--> statement-breakpoint
ALTER TABLE "org_profiles" ADD COLUMN "legal_name" text;--> statement-breakpoint
ALTER TABLE "org_profiles" ADD COLUMN "legal_phone" text;--> statement-breakpoint
ALTER TABLE "org_profiles" ADD COLUMN "legal_email" text;--> statement-breakpoint
ALTER TABLE "org_profiles" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "org_roles" ADD COLUMN "series" text;--> statement-breakpoint
ALTER TABLE "institution_qualifications" ADD CONSTRAINT "institution_qualifications_unit_id_accounts_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teachers" ADD CONSTRAINT "teachers_unit_id_accounts_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "institution_qualifications_unit_series_uq" ON "institution_qualifications" USING btree ("unit_id","series");--> statement-breakpoint
CREATE UNIQUE INDEX "teachers_unit_id_number_uq" ON "teachers" USING btree ("unit_id","id_number");--> statement-breakpoint
CREATE INDEX "teachers_unit_idx" ON "teachers" USING btree ("unit_id","created_at");--> statement-breakpoint
ALTER TABLE "org_profiles" ADD CONSTRAINT "org_profiles_parent_unit_id_accounts_id_fk" FOREIGN KEY ("parent_unit_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;