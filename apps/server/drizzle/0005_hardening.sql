-- Issue 12: hardening. Sections are appended per change; each statement ends with a breakpoint line.

-- Issue 12, H5 (theme status undo): an event may be held until its undo window ends; a status change knows its event.
ALTER TABLE "events" ADD COLUMN IF NOT EXISTS "available_at" timestamp (3) with time zone DEFAULT now() NOT NULL;
--> statement-breakpoint
ALTER TABLE "theme_status_changes" ADD COLUMN IF NOT EXISTS "event_id" uuid;
--> statement-breakpoint
ALTER TABLE "theme_status_changes" ADD COLUMN IF NOT EXISTS "undo_until" timestamp (3) with time zone;
--> statement-breakpoint

-- Issue 12, H3 (undo follows who may run the import): an import knows whether it was a file or the upsert API.
ALTER TABLE "imports" ADD COLUMN IF NOT EXISTS "origin" text DEFAULT 'file' NOT NULL;
--> statement-breakpoint
UPDATE "imports" SET "origin" = 'upsert' WHERE "format" IS NULL AND "file_name" LIKE 'API upsert (%';
--> statement-breakpoint

-- Issue 12, H1 (uploads in the file store): a pending upload is recorded by its file-store key, not by a path on
-- one machine. Paths the app wrote (<data folder>/uploads/<file>) become keys (uploads/<file>); any other value
-- stays as it is, and the local store still reads such an absolute path where it is.
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'imports' AND column_name = 'upload_path') THEN
    ALTER TABLE "imports" RENAME COLUMN "upload_path" TO "upload_key";
  END IF;
END $$;
--> statement-breakpoint
UPDATE "imports" SET "upload_key" = 'uploads/' || substring("upload_key" from '[/\\]uploads[/\\]([^/\\]+)$')
  WHERE ("upload_key" LIKE '/%' OR "upload_key" ~ '^[A-Za-z]:[/\\]') AND "upload_key" ~ '[/\\]uploads[/\\][^/\\]+$';
--> statement-breakpoint

-- Issue 12, H5 (daily summary of feedback waiting for triage): one row per workspace and local day.
CREATE TABLE IF NOT EXISTS "untriaged_summaries" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"event_id" uuid,
	"untriaged" integer NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "untriaged_summaries_workspace_id_day_pk" PRIMARY KEY("workspace_id","day")
);
--> statement-breakpoint
DO $$ BEGIN
 ALTER TABLE "untriaged_summaries" ADD CONSTRAINT "untriaged_summaries_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
EXCEPTION WHEN duplicate_object THEN null;
END $$;
--> statement-breakpoint

-- Issue 12, H3 (changing one's email needs the password and a confirmation from the new address).
CREATE TABLE IF NOT EXISTS "email_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"new_email" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"used_at" timestamp (3) with time zone,
	CONSTRAINT "email_changes_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "email_changes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action
);
--> statement-breakpoint
