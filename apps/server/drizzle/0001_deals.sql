CREATE TABLE "account_sources" (
	"workspace_id" uuid NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"account_id" uuid NOT NULL,
	CONSTRAINT "account_sources_workspace_id_source_external_id_pk" PRIMARY KEY("workspace_id","source","external_id")
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"domain" text,
	"segment" text,
	"industry" text,
	"size" text,
	"region" text,
	"owner_user_id" uuid,
	"owner_name" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp (3) with time zone,
	CONSTRAINT "accounts_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "deal_stage_history" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"deal_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"stage_category" text NOT NULL,
	"amount" numeric(20, 4),
	"currency" text,
	"changed_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "deal_stage_history_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "deals" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"name" text NOT NULL,
	"account_id" uuid,
	"amount" numeric(20, 4),
	"currency" text,
	"amount_base" numeric(20, 4),
	"stage" text NOT NULL,
	"stage_category" text NOT NULL,
	"probability" smallint,
	"close_date" date,
	"created_date" timestamp(3),
	"owner_user_id" uuid,
	"owner_name" text,
	"type" text,
	"lead_source" text,
	"products" text[] DEFAULT '{}'::text[] NOT NULL,
	"competitors" text[] DEFAULT '{}'::text[] NOT NULL,
	"reason" text,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"removed_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deals_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "deals_source_key" UNIQUE("workspace_id","source","external_id")
);
--> statement-breakpoint
CREATE TABLE "exchange_rates" (
	"workspace_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"effective_from" date NOT NULL,
	"rate" numeric(20, 10) NOT NULL,
	CONSTRAINT "exchange_rates_workspace_id_currency_effective_from_pk" PRIMARY KEY("workspace_id","currency","effective_from")
);
--> statement-breakpoint
CREATE TABLE "stage_mappings" (
	"workspace_id" uuid NOT NULL,
	"stage_key" text NOT NULL,
	"label" text NOT NULL,
	"category" text NOT NULL,
	"probability" smallint,
	CONSTRAINT "stage_mappings_workspace_id_stage_key_pk" PRIMARY KEY("workspace_id","stage_key")
);
--> statement-breakpoint
ALTER TABLE "account_sources" ADD CONSTRAINT "account_sources_workspace_id_account_id_accounts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_workspace_id_owner_user_id_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","owner_user_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_stage_history" ADD CONSTRAINT "deal_stage_history_workspace_id_deal_id_deals_workspace_id_id_fk" FOREIGN KEY ("workspace_id","deal_id") REFERENCES "public"."deals"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_workspace_id_account_id_accounts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_workspace_id_owner_user_id_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","owner_user_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_mappings" ADD CONSTRAINT "stage_mappings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_sources_account_idx" ON "account_sources" USING btree ("workspace_id","account_id");--> statement-breakpoint
CREATE INDEX "accounts_name_idx" ON "accounts" USING btree ("workspace_id",lower("name"));--> statement-breakpoint
CREATE INDEX "deal_stage_history_deal_idx" ON "deal_stage_history" USING btree ("workspace_id","deal_id","changed_at");--> statement-breakpoint
CREATE INDEX "deals_status_close_idx" ON "deals" USING btree ("workspace_id","stage_category","close_date");--> statement-breakpoint
CREATE INDEX "deals_owner_idx" ON "deals" USING btree ("workspace_id","owner_user_id");--> statement-breakpoint
CREATE INDEX "deals_account_idx" ON "deals" USING btree ("workspace_id","account_id");