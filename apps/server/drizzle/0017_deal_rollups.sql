CREATE TABLE "goal_deal_closed_months" (
	"workspace_id" uuid NOT NULL,
	"month" date NOT NULL,
	"segment" text,
	"stage_category" text NOT NULL,
	"loss_reason_category" text,
	"competitors" text[] NOT NULL,
	"deals" integer NOT NULL,
	"amount" numeric NOT NULL,
	"without_amount" integer NOT NULL,
	CONSTRAINT "goal_deal_closed_months_key" UNIQUE NULLS NOT DISTINCT("workspace_id","month","segment","stage_category","loss_reason_category","competitors")
);
--> statement-breakpoint
CREATE TABLE "goal_deal_created_months" (
	"workspace_id" uuid NOT NULL,
	"month" date NOT NULL,
	"segment" text,
	"owner_user_id" uuid,
	"owner_name" text,
	"won" boolean NOT NULL,
	"deals" integer NOT NULL,
	"amount" numeric NOT NULL,
	"without_amount" integer NOT NULL,
	CONSTRAINT "goal_deal_created_months_key" UNIQUE NULLS NOT DISTINCT("workspace_id","month","segment","owner_user_id","owner_name","won")
);
--> statement-breakpoint
CREATE TABLE "goal_deal_cycle_months" (
	"workspace_id" uuid NOT NULL,
	"month" date NOT NULL,
	"segment" text,
	"days" integer NOT NULL,
	"deals" integer NOT NULL,
	CONSTRAINT "goal_deal_cycle_months_key" UNIQUE NULLS NOT DISTINCT("workspace_id","month","segment","days")
);
--> statement-breakpoint
CREATE TABLE "goal_deal_days" (
	"workspace_id" uuid NOT NULL,
	"cohort" text NOT NULL,
	"day" date NOT NULL,
	"deals" integer NOT NULL,
	CONSTRAINT "goal_deal_days_workspace_id_cohort_day_pk" PRIMARY KEY("workspace_id","cohort","day")
);
--> statement-breakpoint
ALTER TABLE "goal_deal_closed_months" ADD CONSTRAINT "goal_deal_closed_months_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_deal_created_months" ADD CONSTRAINT "goal_deal_created_months_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_deal_cycle_months" ADD CONSTRAINT "goal_deal_cycle_months_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_deal_days" ADD CONSTRAINT "goal_deal_days_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deals_created_idx" ON "deals" USING btree ("workspace_id","created_date");--> statement-breakpoint
-- The deal rollups (decision 0021) are kept exact by statement triggers: each statement's rows add their contribution
-- and the rows they replace take theirs away (sign +1 / -1, summed per rollup key, net-zero keys skipped, so a deal's
-- name change touches no rollup row). The source of a delta is a query with the deals' columns, the account's segment
-- and the sign; goal_deal_rollup_sql(src) gives the four upserts for it (used by the triggers and the backfill below).
CREATE OR REPLACE FUNCTION goal_deal_rollup_sql(src text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
SELECT ARRAY[
  format($q$
    INSERT INTO goal_deal_closed_months AS r (workspace_id, month, segment, stage_category, loss_reason_category, competitors, deals, amount, without_amount)
    SELECT x.workspace_id, date_trunc('month', x.close_date::timestamp)::date, x.segment, x.stage_category, x.loss_reason_category, x.competitors,
           sum(x.sign)::int, coalesce(sum(x.sign * x.amount_base), 0), coalesce(sum(x.sign) FILTER (WHERE x.amount_base IS NULL), 0)::int
      FROM (%s) x
     WHERE x.removed_at IS NULL AND x.stage_category IN ('won', 'lost') AND x.close_date IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(x.sign) <> 0 OR coalesce(sum(x.sign * x.amount_base), 0) <> 0 OR coalesce(sum(x.sign) FILTER (WHERE x.amount_base IS NULL), 0) <> 0
     ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (workspace_id, month, segment, stage_category, loss_reason_category, competitors)
    DO UPDATE SET deals = r.deals + excluded.deals, amount = r.amount + excluded.amount, without_amount = r.without_amount + excluded.without_amount
  $q$, src),
  format($q$
    INSERT INTO goal_deal_cycle_months AS r (workspace_id, month, segment, days, deals)
    SELECT x.workspace_id, date_trunc('month', x.close_date::timestamp)::date, x.segment, x.close_date - x.created_date::date, sum(x.sign)::int
      FROM (%s) x
     WHERE x.removed_at IS NULL AND x.stage_category = 'won' AND x.close_date IS NOT NULL AND x.created_date IS NOT NULL
       AND x.created_date::date <= x.close_date
     GROUP BY 1, 2, 3, 4
    HAVING sum(x.sign) <> 0
     ORDER BY 1, 2, 3, 4
    ON CONFLICT (workspace_id, month, segment, days) DO UPDATE SET deals = r.deals + excluded.deals
  $q$, src),
  format($q$
    INSERT INTO goal_deal_created_months AS r (workspace_id, month, segment, owner_user_id, owner_name, won, deals, amount, without_amount)
    SELECT x.workspace_id, date_trunc('month', x.created_date)::date, x.segment, x.owner_user_id,
           CASE WHEN x.owner_user_id IS NULL THEN x.owner_name END, x.stage_category = 'won',
           sum(x.sign)::int, coalesce(sum(x.sign * x.amount_base), 0), coalesce(sum(x.sign) FILTER (WHERE x.amount_base IS NULL), 0)::int
      FROM (%s) x
     WHERE x.removed_at IS NULL AND x.created_date IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(x.sign) <> 0 OR coalesce(sum(x.sign * x.amount_base), 0) <> 0 OR coalesce(sum(x.sign) FILTER (WHERE x.amount_base IS NULL), 0) <> 0
     ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (workspace_id, month, segment, owner_user_id, owner_name, won)
    DO UPDATE SET deals = r.deals + excluded.deals, amount = r.amount + excluded.amount, without_amount = r.without_amount + excluded.without_amount
  $q$, src),
  format($q$
    INSERT INTO goal_deal_days AS r (workspace_id, cohort, day, deals)
    SELECT x.workspace_id, c.cohort, c.day, sum(x.sign)::int
      FROM (%s) x
     CROSS JOIN LATERAL (VALUES ('closed', CASE WHEN x.stage_category IN ('won', 'lost') THEN x.close_date END),
                                ('created', x.created_date::date)) c(cohort, day)
     WHERE x.removed_at IS NULL AND c.day IS NOT NULL
     GROUP BY 1, 2, 3
    HAVING sum(x.sign) <> 0
     ORDER BY 1, 2, 3
    ON CONFLICT (workspace_id, cohort, day) DO UPDATE SET deals = r.deals + excluded.deals
  $q$, src)
]
$$;
--> statement-breakpoint
-- SECURITY DEFINER (as the owner, as library_search_candidates in 0007): under the application role's row-level
-- security the planner joined the statement's rows to accounts through accounts_name_idx with the policy's qual and
-- filtered by id, reading every account of the workspace for each deal (an import of 200,000 deals into a new
-- workspace: 228 s against 45 s before the rollups); as the owner it looks each account up by its key. The rows come
-- from the statement, which row-level security has already confined to the caller's workspace.
CREATE OR REPLACE FUNCTION goal_deal_rollup_deals() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  plus constant text := 'SELECT n.*, a.segment, 1 AS sign FROM new_rows n LEFT JOIN accounts a ON a.workspace_id = n.workspace_id AND a.id = n.account_id';
  minus constant text := 'SELECT o.*, a.segment, -1 AS sign FROM old_rows o LEFT JOIN accounts a ON a.workspace_id = o.workspace_id AND a.id = o.account_id';
  src text;
  stmt text;
BEGIN
  src := CASE TG_OP WHEN 'INSERT' THEN plus WHEN 'DELETE' THEN minus ELSE plus || ' UNION ALL ' || minus END;
  FOREACH stmt IN ARRAY goal_deal_rollup_sql(src) LOOP
    EXECUTE stmt;
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- An account's segment change moves its deals' contributions from the old segment to the new. (An account with deals
-- cannot be deleted: the deals' foreign key has no action.)
CREATE OR REPLACE FUNCTION goal_deal_rollup_accounts() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  moved constant text := 'FROM deals d JOIN old_rows o ON o.workspace_id = d.workspace_id AND o.id = d.account_id
    JOIN new_rows n ON n.workspace_id = o.workspace_id AND n.id = o.id WHERE o.segment IS DISTINCT FROM n.segment';
  stmt text;
  changed bigint;
BEGIN
  -- Counted, not EXISTS: an EXISTS plans for its first row (a nested loop over the two transition tables), which for an
  -- update of 50,000 accounts with no segment change compares every pair (minutes, measured); a count joins by hash or merge.
  SELECT count(*) INTO changed FROM old_rows o JOIN new_rows n ON n.workspace_id = o.workspace_id AND n.id = o.id WHERE o.segment IS DISTINCT FROM n.segment;
  IF changed = 0 THEN
    RETURN NULL;
  END IF;
  FOREACH stmt IN ARRAY goal_deal_rollup_sql('SELECT d.*, n.segment, 1 AS sign ' || moved || ' UNION ALL SELECT d.*, o.segment, -1 AS sign ' || moved) LOOP
    EXECUTE stmt;
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER goal_deal_rollup_insert AFTER INSERT ON "deals" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION goal_deal_rollup_deals();--> statement-breakpoint
CREATE TRIGGER goal_deal_rollup_update AFTER UPDATE ON "deals" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION goal_deal_rollup_deals();--> statement-breakpoint
CREATE TRIGGER goal_deal_rollup_delete AFTER DELETE ON "deals" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION goal_deal_rollup_deals();--> statement-breakpoint
CREATE TRIGGER goal_deal_rollup_update AFTER UPDATE ON "accounts" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION goal_deal_rollup_accounts();--> statement-breakpoint
-- The deals there already.
DO $$
DECLARE stmt text;
BEGIN
  FOREACH stmt IN ARRAY goal_deal_rollup_sql('SELECT d.*, a.segment, 1 AS sign FROM deals d LEFT JOIN accounts a ON a.workspace_id = d.workspace_id AND a.id = d.account_id') LOOP
    EXECUTE stmt;
  END LOOP;
END $$;
