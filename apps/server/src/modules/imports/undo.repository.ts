/**
 * Undo: an import's snapshots (import_changes) put back over the deals and accounts it changed,
 * and what it created deleted. Raw SQL over the deals tables, in the undo's transaction.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';

const rowsOf = <T>(r: { rows: unknown[] }) => r.rows as T[];

export const undoRepository = {
  /** Puts back what a deals import changed: its history rows, the previous state of what it updated or removed, minus what it created. */
  async undoDeals(db: DbOrTx, workspaceId: string, importId: string) {
    const ws = workspaceId;
    await db.execute(sql`delete from deal_stage_history where workspace_id = ${ws} and import_id = ${importId}`);
    const restored = await db.execute(sql`
      update deals d set name = p.name, account_id = p.account_id, amount = p.amount, currency = p.currency, amount_base = p.amount_base,
        stage = p.stage, stage_category = p.stage_category, probability = p.probability, close_date = p.close_date,
        created_date = p.created_date, owner_user_id = p.owner_user_id, owner_name = p.owner_name, type = p.type,
        lead_source = p.lead_source, products = p.products, competitors = p.competitors, reason = p.reason,
        loss_reason_category = p.loss_reason_category, custom_fields = p.custom_fields, removed_at = p.removed_at, created_at = p.created_at, updated_at = p.updated_at,
        created_import_id = p.created_import_id
      from import_changes c cross join lateral jsonb_populate_record(null::deals, c.previous) p
      where c.workspace_id = ${ws} and c.import_id = ${importId} and c.entity = 'deal' and d.workspace_id = ${ws} and d.id = c.entity_id`);
    const deleted = await db.execute(sql`delete from deals where workspace_id = ${ws} and created_import_id = ${importId}`);
    await db.execute(sql`
      delete from accounts a where a.workspace_id = ${ws} and a.created_import_id = ${importId}
        and not exists (select 1 from deals d where d.workspace_id = ${ws} and d.account_id = a.id)`);
    return { restored: restored.rowCount ?? 0, deleted: deleted.rowCount ?? 0 };
  },

  /** Puts back what an accounts import changed; refused while deals name an account it created. */
  async undoAccounts(db: DbOrTx, workspaceId: string, importId: string) {
    const ws = workspaceId;
    const [blocked] = rowsOf<{ n: number }>(
      await db.execute(sql`
        select count(*)::int as n from deals d join accounts a on a.workspace_id = d.workspace_id and a.id = d.account_id
        where d.workspace_id = ${ws} and a.created_import_id = ${importId}`),
    );
    if (blocked?.n) return { restored: 0, deleted: 0, blockedByDeals: blocked.n };
    const restored = await db.execute(sql`
      update accounts a set name = p.name, domain = p.domain, segment = p.segment, industry = p.industry, size = p.size,
        region = p.region, owner_user_id = p.owner_user_id, owner_name = p.owner_name, custom_fields = p.custom_fields,
        removed_at = p.removed_at, created_at = p.created_at, updated_at = p.updated_at, created_import_id = p.created_import_id
      from import_changes c cross join lateral jsonb_populate_record(null::accounts, c.previous) p
      where c.workspace_id = ${ws} and c.import_id = ${importId} and c.entity = 'account' and a.workspace_id = ${ws} and a.id = c.entity_id`);
    await db.execute(sql`delete from account_sources where workspace_id = ${ws} and created_import_id = ${importId}`);
    const deleted = await db.execute(sql`delete from accounts where workspace_id = ${ws} and created_import_id = ${importId}`);
    return { restored: restored.rowCount ?? 0, deleted: deleted.rowCount ?? 0, blockedByDeals: blocked?.n ?? 0 };
  },
};
