CREATE SEQUENCE "public"."change_stamp_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "change_stamps" (
	"workspace_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"stamp" bigint DEFAULT nextval('change_stamp_seq') NOT NULL,
	"changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "change_stamps_workspace_id_scope_pk" PRIMARY KEY("workspace_id","scope")
);
--> statement-breakpoint
ALTER TABLE "change_stamps" ADD CONSTRAINT "change_stamps_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Change stamps are moved per statement (an import of 50,000 deals moves its workspace's 'deals' stamp once), from
-- the sequence, so a stamp is never reused even when its transaction rolls back. A workspace being deleted (its rows
-- going by cascade) gets no stamp.
CREATE OR REPLACE FUNCTION change_stamp_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO change_stamps (workspace_id, scope, stamp)
  SELECT c.workspace_id, TG_ARGV[0], nextval('change_stamp_seq')
    FROM (SELECT DISTINCT workspace_id FROM changed_rows) c
   WHERE EXISTS (SELECT 1 FROM workspaces w WHERE w.id = c.workspace_id)
  ON CONFLICT (workspace_id, scope) DO UPDATE SET stamp = excluded.stamp, changed_at = now();
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER change_stamp_insert AFTER INSERT ON "deals" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION change_stamp_bump('deals');--> statement-breakpoint
CREATE TRIGGER change_stamp_update AFTER UPDATE ON "deals" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION change_stamp_bump('deals');--> statement-breakpoint
CREATE TRIGGER change_stamp_delete AFTER DELETE ON "deals" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION change_stamp_bump('deals');--> statement-breakpoint
CREATE TRIGGER change_stamp_insert AFTER INSERT ON "requests" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION change_stamp_bump('requests');--> statement-breakpoint
CREATE TRIGGER change_stamp_update AFTER UPDATE ON "requests" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION change_stamp_bump('requests');--> statement-breakpoint
CREATE TRIGGER change_stamp_delete AFTER DELETE ON "requests" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION change_stamp_bump('requests');--> statement-breakpoint
CREATE TRIGGER change_stamp_insert AFTER INSERT ON "request_requesters" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION change_stamp_bump('requests');--> statement-breakpoint
CREATE TRIGGER change_stamp_update AFTER UPDATE ON "request_requesters" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION change_stamp_bump('requests');--> statement-breakpoint
CREATE TRIGGER change_stamp_delete AFTER DELETE ON "request_requesters" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION change_stamp_bump('requests');--> statement-breakpoint
CREATE TRIGGER change_stamp_insert AFTER INSERT ON "request_deals" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION change_stamp_bump('requests');--> statement-breakpoint
CREATE TRIGGER change_stamp_update AFTER UPDATE ON "request_deals" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION change_stamp_bump('requests');--> statement-breakpoint
CREATE TRIGGER change_stamp_delete AFTER DELETE ON "request_deals" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION change_stamp_bump('requests');--> statement-breakpoint
CREATE TRIGGER change_stamp_insert AFTER INSERT ON "request_settings" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION change_stamp_bump('requests');--> statement-breakpoint
CREATE TRIGGER change_stamp_update AFTER UPDATE ON "request_settings" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION change_stamp_bump('requests');--> statement-breakpoint
CREATE TRIGGER change_stamp_delete AFTER DELETE ON "request_settings" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION change_stamp_bump('requests');--> statement-breakpoint
CREATE TRIGGER change_stamp_insert AFTER INSERT ON "pmm_capacity" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION change_stamp_bump('requests');--> statement-breakpoint
CREATE TRIGGER change_stamp_update AFTER UPDATE ON "pmm_capacity" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION change_stamp_bump('requests');--> statement-breakpoint
CREATE TRIGGER change_stamp_delete AFTER DELETE ON "pmm_capacity" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION change_stamp_bump('requests');--> statement-breakpoint
-- Memberships: a member leaving (active = false) takes their hours out of the plan.
CREATE TRIGGER change_stamp_insert AFTER INSERT ON "memberships" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION change_stamp_bump('requests');--> statement-breakpoint
CREATE TRIGGER change_stamp_update AFTER UPDATE ON "memberships" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION change_stamp_bump('requests');--> statement-breakpoint
CREATE TRIGGER change_stamp_delete AFTER DELETE ON "memberships" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION change_stamp_bump('requests');
