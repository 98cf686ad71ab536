CREATE TABLE "feedback_imports" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"rows" integer NOT NULL,
	"created" integer NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"undone_at" timestamp (3) with time zone,
	CONSTRAINT "feedback_imports_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "feedback_items" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"quote" text,
	"deal_id" uuid,
	"account_id" uuid,
	"competitor" text,
	"source" text NOT NULL,
	"submitted_by_user_id" uuid,
	"observed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"theme_id" uuid,
	"assigned_by" text,
	"assignment_confidence" real,
	"same_as_id" uuid,
	"import_batch_id" uuid,
	"acknowledged_at" timestamp (3) with time zone,
	"acknowledged_by_user_id" uuid,
	"responded_at" timestamp (3) with time zone,
	CONSTRAINT "feedback_items_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "theme_followers" (
	"workspace_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"following" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "theme_followers_workspace_id_theme_id_user_id_pk" PRIMARY KEY("workspace_id","theme_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "theme_links" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"theme_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"url" text,
	"note" text,
	"target_id" uuid,
	"created_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "theme_links_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "theme_status_changes" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"theme_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"message" text,
	"changed_by_user_id" uuid,
	"changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"notified" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "theme_status_changes_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "theme_suggestions" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"label" text NOT NULL,
	"key_phrases" text[] NOT NULL,
	"item_ids" uuid[] NOT NULL,
	"representative_ids" uuid[] NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"theme_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp (3) with time zone,
	"decided_by_user_id" uuid,
	CONSTRAINT "theme_suggestions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "themes" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"status" text DEFAULT 'new' NOT NULL,
	"owner_user_id" uuid,
	"response" text,
	"responded_at" timestamp (3) with time zone,
	"responded_by_user_id" uuid,
	"merged_into_id" uuid,
	"created_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "themes_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "feedback_imports" ADD CONSTRAINT "feedback_imports_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_workspace_id_theme_id_themes_workspace_id_id_fk" FOREIGN KEY ("workspace_id","theme_id") REFERENCES "public"."themes"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_workspace_id_deal_id_deals_workspace_id_id_fk" FOREIGN KEY ("workspace_id","deal_id") REFERENCES "public"."deals"("workspace_id","id") ON DELETE SET NULL ("deal_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_workspace_id_account_id_accounts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE SET NULL ("account_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_workspace_id_submitted_by_user_id_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","submitted_by_user_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_followers" ADD CONSTRAINT "theme_followers_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_followers" ADD CONSTRAINT "theme_followers_workspace_id_theme_id_themes_workspace_id_id_fk" FOREIGN KEY ("workspace_id","theme_id") REFERENCES "public"."themes"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_followers" ADD CONSTRAINT "theme_followers_workspace_id_user_id_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_links" ADD CONSTRAINT "theme_links_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_links" ADD CONSTRAINT "theme_links_workspace_id_theme_id_themes_workspace_id_id_fk" FOREIGN KEY ("workspace_id","theme_id") REFERENCES "public"."themes"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_status_changes" ADD CONSTRAINT "theme_status_changes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_status_changes" ADD CONSTRAINT "theme_status_changes_workspace_id_theme_id_themes_workspace_id_id_fk" FOREIGN KEY ("workspace_id","theme_id") REFERENCES "public"."themes"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_suggestions" ADD CONSTRAINT "theme_suggestions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_workspace_id_owner_user_id_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","owner_user_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_workspace_id_merged_into_id_themes_workspace_id_id_fk" FOREIGN KEY ("workspace_id","merged_into_id") REFERENCES "public"."themes"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_items_observed_idx" ON "feedback_items" USING btree ("workspace_id","observed_at","id");--> statement-breakpoint
CREATE INDEX "feedback_items_theme_idx" ON "feedback_items" USING btree ("workspace_id","theme_id");--> statement-breakpoint
CREATE INDEX "feedback_items_deal_idx" ON "feedback_items" USING btree ("workspace_id","deal_id") WHERE "feedback_items"."deal_id" is not null;--> statement-breakpoint
CREATE INDEX "feedback_items_account_idx" ON "feedback_items" USING btree ("workspace_id","account_id") WHERE "feedback_items"."account_id" is not null;--> statement-breakpoint
CREATE INDEX "feedback_items_submitter_idx" ON "feedback_items" USING btree ("workspace_id","submitted_by_user_id","observed_at");--> statement-breakpoint
CREATE INDEX "feedback_items_import_idx" ON "feedback_items" USING btree ("workspace_id","import_batch_id") WHERE "feedback_items"."import_batch_id" is not null;--> statement-breakpoint
CREATE INDEX "theme_links_theme_idx" ON "theme_links" USING btree ("workspace_id","theme_id");--> statement-breakpoint
CREATE INDEX "theme_status_changes_theme_idx" ON "theme_status_changes" USING btree ("workspace_id","theme_id","changed_at");--> statement-breakpoint
CREATE INDEX "theme_suggestions_status_idx" ON "theme_suggestions" USING btree ("workspace_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "themes_name_key" ON "themes" USING btree ("workspace_id",lower("name")) WHERE "themes"."merged_into_id" is null;