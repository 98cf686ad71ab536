-- Issue 12 (undo after merging themes): what each merge moved, so it can be undone within the undo window.
-- Row-level security and the application role's grants are added by migrate.ts (applyTenancy), as for every tenant table.
CREATE TABLE "theme_merges" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"theme_id" uuid NOT NULL,
	"sources" jsonb NOT NULL,
	"followers_stopped" uuid[] NOT NULL,
	"merged_by_user_id" uuid,
	"merged_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"undo_until" timestamp (3) with time zone,
	"undone_at" timestamp (3) with time zone,
	"undone_by_user_id" uuid,
	CONSTRAINT "theme_merges_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "theme_merges" ADD CONSTRAINT "theme_merges_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_merges" ADD CONSTRAINT "theme_merges_workspace_id_theme_id_themes_workspace_id_id_fk" FOREIGN KEY ("workspace_id","theme_id") REFERENCES "public"."themes"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "theme_merges_theme_idx" ON "theme_merges" USING btree ("workspace_id","theme_id","merged_at");