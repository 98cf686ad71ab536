CREATE TABLE "goal_comments" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"author_user_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_comments_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "goal_owners" (
	"workspace_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "goal_owners_workspace_id_goal_id_user_id_pk" PRIMARY KEY("workspace_id","goal_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"why" text DEFAULT '' NOT NULL,
	"period_kind" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"status" text DEFAULT 'no_data' NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp (3) with time zone,
	CONSTRAINT "goals_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "key_result_checkins" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key_result_id" uuid NOT NULL,
	"author_user_id" uuid,
	"value" numeric(20, 6),
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "key_result_checkins_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "key_result_snapshots" (
	"workspace_id" uuid NOT NULL,
	"key_result_id" uuid NOT NULL,
	"day" date NOT NULL,
	"value" numeric(20, 6),
	"numerator" numeric(24, 4),
	"denominator" numeric(24, 4),
	"status" text NOT NULL,
	"taken_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "key_result_snapshots_workspace_id_key_result_id_day_pk" PRIMARY KEY("workspace_id","key_result_id","day")
);
--> statement-breakpoint
CREATE TABLE "key_results" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"metric" text,
	"filters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"by_amount" boolean DEFAULT false NOT NULL,
	"baseline" numeric(20, 6) NOT NULL,
	"target" numeric(20, 6) NOT NULL,
	"direction" text NOT NULL,
	"unit" text DEFAULT 'count' NOT NULL,
	"current_value" numeric(20, 6),
	"status" text DEFAULT 'no_data' NOT NULL,
	"status_changed_at" timestamp (3) with time zone,
	"evaluated_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "key_results_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "deals" ADD COLUMN "loss_reason_category" text;--> statement-breakpoint
ALTER TABLE "goal_comments" ADD CONSTRAINT "goal_comments_workspace_id_goal_id_goals_workspace_id_id_fk" FOREIGN KEY ("workspace_id","goal_id") REFERENCES "public"."goals"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_owners" ADD CONSTRAINT "goal_owners_workspace_id_goal_id_goals_workspace_id_id_fk" FOREIGN KEY ("workspace_id","goal_id") REFERENCES "public"."goals"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_owners" ADD CONSTRAINT "goal_owners_workspace_id_user_id_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_result_checkins" ADD CONSTRAINT "key_result_checkins_workspace_id_key_result_id_key_results_workspace_id_id_fk" FOREIGN KEY ("workspace_id","key_result_id") REFERENCES "public"."key_results"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_result_snapshots" ADD CONSTRAINT "key_result_snapshots_workspace_id_key_result_id_key_results_workspace_id_id_fk" FOREIGN KEY ("workspace_id","key_result_id") REFERENCES "public"."key_results"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_results" ADD CONSTRAINT "key_results_workspace_id_goal_id_goals_workspace_id_id_fk" FOREIGN KEY ("workspace_id","goal_id") REFERENCES "public"."goals"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "goal_comments_goal_idx" ON "goal_comments" USING btree ("workspace_id","goal_id","created_at");--> statement-breakpoint
CREATE INDEX "goal_owners_user_idx" ON "goal_owners" USING btree ("workspace_id","user_id");--> statement-breakpoint
CREATE INDEX "goals_period_idx" ON "goals" USING btree ("workspace_id","period_end");--> statement-breakpoint
CREATE INDEX "key_result_checkins_kr_idx" ON "key_result_checkins" USING btree ("workspace_id","key_result_id","created_at");--> statement-breakpoint
CREATE INDEX "key_results_goal_idx" ON "key_results" USING btree ("workspace_id","goal_id","position");