CREATE TABLE "decision_inputs" (
	"workspace_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"stance" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decision_inputs_workspace_id_decision_id_round_user_id_pk" PRIMARY KEY("workspace_id","decision_id","round","user_id")
);
--> statement-breakpoint
CREATE TABLE "decision_links" (
	"workspace_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"target_type" text NOT NULL,
	"target_id" uuid NOT NULL,
	CONSTRAINT "decision_links_workspace_id_decision_id_target_type_target_id_pk" PRIMARY KEY("workspace_id","decision_id","target_type","target_id")
);
--> statement-breakpoint
CREATE TABLE "decision_outcomes" (
	"workspace_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"chosen_option" text NOT NULL,
	"rationale" text NOT NULL,
	"what_changed" text,
	"decided_at" timestamp (3) with time zone NOT NULL,
	"decided_by_user_id" uuid,
	"reopened_at" timestamp (3) with time zone,
	"reopened_by_user_id" uuid,
	"reopen_reason" text,
	CONSTRAINT "decision_outcomes_workspace_id_decision_id_round_pk" PRIMARY KEY("workspace_id","decision_id","round")
);
--> statement-breakpoint
CREATE TABLE "decision_stakeholders" (
	"workspace_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"via" text NOT NULL,
	"via_label" text,
	"reminded_round" integer,
	CONSTRAINT "decision_stakeholders_workspace_id_decision_id_user_id_pk" PRIMARY KEY("workspace_id","decision_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"context" text NOT NULL,
	"kind" text NOT NULL,
	"options" text[] DEFAULT '{}'::text[] NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"input_opened_at" timestamp (3) with time zone NOT NULL,
	"input_closes_at" timestamp (3) with time zone NOT NULL,
	"decide_by" date NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decisions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "decision_inputs" ADD CONSTRAINT "decision_inputs_workspace_id_decision_id_decisions_workspace_id_id_fk" FOREIGN KEY ("workspace_id","decision_id") REFERENCES "public"."decisions"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_inputs" ADD CONSTRAINT "decision_inputs_workspace_id_user_id_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_links" ADD CONSTRAINT "decision_links_workspace_id_decision_id_decisions_workspace_id_id_fk" FOREIGN KEY ("workspace_id","decision_id") REFERENCES "public"."decisions"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_outcomes" ADD CONSTRAINT "decision_outcomes_workspace_id_decision_id_decisions_workspace_id_id_fk" FOREIGN KEY ("workspace_id","decision_id") REFERENCES "public"."decisions"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_stakeholders" ADD CONSTRAINT "decision_stakeholders_workspace_id_decision_id_decisions_workspace_id_id_fk" FOREIGN KEY ("workspace_id","decision_id") REFERENCES "public"."decisions"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_stakeholders" ADD CONSTRAINT "decision_stakeholders_workspace_id_user_id_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_workspace_id_owner_user_id_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","owner_user_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decision_links_target_idx" ON "decision_links" USING btree ("workspace_id","target_type","target_id");--> statement-breakpoint
CREATE INDEX "decision_outcomes_decided_idx" ON "decision_outcomes" USING btree ("workspace_id","decided_at");--> statement-breakpoint
CREATE INDEX "decision_stakeholders_user_idx" ON "decision_stakeholders" USING btree ("workspace_id","user_id");--> statement-breakpoint
CREATE INDEX "decisions_status_idx" ON "decisions" USING btree ("workspace_id","status","input_closes_at");--> statement-breakpoint
CREATE INDEX "decisions_owner_idx" ON "decisions" USING btree ("workspace_id","owner_user_id");