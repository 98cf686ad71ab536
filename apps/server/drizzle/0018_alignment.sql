CREATE TABLE "alignment_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"min_group_size" smallint DEFAULT 5 NOT NULL,
	"cadence" text DEFAULT 'quarterly' NOT NULL,
	"questions" jsonb,
	"free_text_question" text,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alignment_snapshots" (
	"workspace_id" uuid NOT NULL,
	"week" date NOT NULL,
	"overall" smallint,
	"frictions" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alignment_snapshots_workspace_id_week_pk" PRIMARY KEY("workspace_id","week")
);
--> statement-breakpoint
CREATE TABLE "pulse_participants" (
	"workspace_id" uuid NOT NULL,
	"pulse_id" uuid NOT NULL,
	"token" text NOT NULL,
	CONSTRAINT "pulse_participants_workspace_id_pulse_id_token_pk" PRIMARY KEY("workspace_id","pulse_id","token")
);
--> statement-breakpoint
CREATE TABLE "pulse_responses" (
	"workspace_id" uuid NOT NULL,
	"pulse_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"side" text NOT NULL,
	"role" text NOT NULL,
	"answers" jsonb NOT NULL,
	"comment" text,
	CONSTRAINT "pulse_responses_workspace_id_pulse_id_id_pk" PRIMARY KEY("workspace_id","pulse_id","id")
);
--> statement-breakpoint
CREATE TABLE "pulses" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"opens_at" timestamp (3) with time zone NOT NULL,
	"closes_at" timestamp (3) with time zone NOT NULL,
	"questions" jsonb NOT NULL,
	"free_text_question" text NOT NULL,
	"invited_user_ids" uuid[],
	"invited_at" timestamp (3) with time zone,
	"reminded_at" timestamp (3) with time zone,
	"created_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pulses_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "alignment_settings" ADD CONSTRAINT "alignment_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alignment_snapshots" ADD CONSTRAINT "alignment_snapshots_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_participants" ADD CONSTRAINT "pulse_participants_workspace_id_pulse_id_pulses_workspace_id_id_fk" FOREIGN KEY ("workspace_id","pulse_id") REFERENCES "public"."pulses"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_responses" ADD CONSTRAINT "pulse_responses_workspace_id_pulse_id_pulses_workspace_id_id_fk" FOREIGN KEY ("workspace_id","pulse_id") REFERENCES "public"."pulses"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulses" ADD CONSTRAINT "pulses_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pulses_closes_idx" ON "pulses" USING btree ("workspace_id","closes_at");