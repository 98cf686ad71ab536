CREATE TABLE "import_changes" (
	"workspace_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"action" text NOT NULL,
	"previous" jsonb NOT NULL,
	CONSTRAINT "import_changes_workspace_id_import_id_entity_entity_id_pk" PRIMARY KEY("workspace_id","import_id","entity","entity_id")
);
--> statement-breakpoint
CREATE TABLE "import_mappings" (
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"format" text NOT NULL,
	"mapping" jsonb,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_mappings_workspace_id_kind_source_pk" PRIMARY KEY("workspace_id","kind","source")
);
--> statement-breakpoint
CREATE TABLE "import_rejects" (
	"workspace_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"cells" jsonb NOT NULL,
	"errors" jsonb NOT NULL,
	CONSTRAINT "import_rejects_workspace_id_import_id_line_pk" PRIMARY KEY("workspace_id","import_id","line")
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"format" text,
	"source" text,
	"file_name" text NOT NULL,
	"file_size" bigint DEFAULT 0 NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"full" boolean DEFAULT false NOT NULL,
	"dry_run" boolean DEFAULT false NOT NULL,
	"created_by_user_id" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp (3) with time zone,
	"finished_at" timestamp (3) with time zone,
	"undone_at" timestamp (3) with time zone,
	"heartbeat_at" timestamp (3) with time zone,
	"counts" jsonb,
	"progress" jsonb,
	"result" jsonb,
	"error" text,
	"upload_path" text,
	CONSTRAINT "imports_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "account_sources" ADD COLUMN "created_import_id" uuid;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "created_import_id" uuid;--> statement-breakpoint
ALTER TABLE "deal_stage_history" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "deals" ADD COLUMN "created_import_id" uuid;--> statement-breakpoint
ALTER TABLE "import_changes" ADD CONSTRAINT "import_changes_workspace_id_import_id_imports_workspace_id_id_fk" FOREIGN KEY ("workspace_id","import_id") REFERENCES "public"."imports"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rejects" ADD CONSTRAINT "import_rejects_workspace_id_import_id_imports_workspace_id_id_fk" FOREIGN KEY ("workspace_id","import_id") REFERENCES "public"."imports"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "imports_created_idx" ON "imports" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "accounts_created_import_idx" ON "accounts" USING btree ("workspace_id","created_import_id") WHERE "accounts"."created_import_id" is not null;--> statement-breakpoint
CREATE INDEX "deal_stage_history_import_idx" ON "deal_stage_history" USING btree ("workspace_id","import_id") WHERE "deal_stage_history"."import_id" is not null;