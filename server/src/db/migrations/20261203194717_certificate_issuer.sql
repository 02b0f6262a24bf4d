ALTER TABLE "certificates" ADD COLUMN "authority_name" text;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "seal_file_id" uuid;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_seal_file_id_files_id_fk" FOREIGN KEY ("seal_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;