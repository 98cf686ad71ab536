-- The scorecard's top themes by revenue at stake read the deals that feedback is about: an item's deal, or every deal of
-- the item's account when the item names no deal (the themes board's theme_deals). They are kept under a 'theme-deals'
-- change stamp (decision 0021) that a statement moves only when it writes such a deal — inserted, changed, removed or
-- moved between accounts, before or after — so a write to any other deal does not recompute them. A delete (an undone
-- import) always moves it: the feedback's foreign key has already set its items' deal to null when this runs. From the same
-- sequence as every change stamp: never reused, not even after a rollback. SECURITY DEFINER as the rollup triggers
-- (0017): the rows come from the statement, which row-level security has already confined to the caller's workspace.
CREATE OR REPLACE FUNCTION change_stamp_theme_deals() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  src text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT workspace_id, id, account_id FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT workspace_id, id, account_id FROM old_rows'
    ELSE 'SELECT workspace_id, id, account_id FROM new_rows UNION ALL SELECT workspace_id, id, account_id FROM old_rows' END;
BEGIN
  EXECUTE format($q$
    INSERT INTO change_stamps (workspace_id, scope, stamp)
    SELECT c.workspace_id, 'theme-deals', nextval('change_stamp_seq')
      FROM (SELECT DISTINCT r.workspace_id FROM (%s) r
             WHERE %s
                OR EXISTS (SELECT 1 FROM feedback_items i WHERE i.workspace_id = r.workspace_id AND i.deal_id = r.id)
                OR EXISTS (SELECT 1 FROM feedback_items i WHERE i.workspace_id = r.workspace_id AND i.account_id = r.account_id AND i.deal_id IS NULL)) c
     WHERE EXISTS (SELECT 1 FROM workspaces w WHERE w.id = c.workspace_id)
    ON CONFLICT (workspace_id, scope) DO UPDATE SET stamp = excluded.stamp, changed_at = now()
  $q$, src, (TG_OP = 'DELETE')::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER change_stamp_theme_deals_insert AFTER INSERT ON "deals" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION change_stamp_theme_deals();--> statement-breakpoint
CREATE TRIGGER change_stamp_theme_deals_update AFTER UPDATE ON "deals" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION change_stamp_theme_deals();--> statement-breakpoint
CREATE TRIGGER change_stamp_theme_deals_delete AFTER DELETE ON "deals" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION change_stamp_theme_deals();
