/**
 * A deals import's merge: staged rows against the source's deals — accounts by name, owners by
 * email or name, base amounts, then created, updated or unchanged — and the writes, with the
 * snapshots undo puts back. Raw SQL over the deals tables (modules/deals/tables.ts): set-based
 * statements over temporary tables, which the query builder cannot say.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';
import { LOSS_REASON_KEYWORDS } from '../reading/loss-reason.ts';
import { createOwnerMap, rowsOf, type MergeContext } from './staging.repository.ts';

/** `lossReasonCategory` (reading/loss-reason.ts) in SQL, from the same keyword table: null without a reason. */
function lossCategorySql(reason: SQL): SQL {
  const text = sql`lower(btrim(${reason}))`;
  const arms = LOSS_REASON_KEYWORDS.map(
    ([category, words]) => sql`when ${sql.join(words.map((w) => sql`strpos(${text}, ${w}) > 0`), sql` or `)} then ${category}`,
  );
  return sql`case when coalesce(${text}, '') = '' then null ${sql.join(arms, sql` `)} else 'other' end`;
}

/** amount × the rate in effect on the deal's close date (else created date, else today); the earliest rate before every rate. */
const amountBaseSql = (base: string, ws: string) => sql`
  case
    when i.amount is null or i.currency is null then null
    when i.currency = ${base} then i.amount
    else round(i.amount * (
      select r.rate from exchange_rates r
      where r.workspace_id = ${ws} and r.currency = i.currency
      order by r.effective_from > coalesce(i.close_date, i.created_date::date, current_date),
               abs(r.effective_from - coalesce(i.close_date, i.created_date::date, current_date))
      limit 1), 4)
  end`;

export const dealMergeRepository = {
  /** The staging table COPY fills; dropped at commit or rollback. */
  async createDealStaging(db: DbOrTx) {
    // The merge joins and sorts the whole file at once: with the default 4 MB these spill to disk.
    await db.execute(sql`set local work_mem = '128MB'`);
    await db.execute(sql`
      create temp table import_rows (
        line int not null, valid boolean not null, external_id text, name text, account text,
        amount numeric(20,4), currency text, stage text, stage_category text, probability smallint,
        close_date date, created_date timestamp(3), owner text, type text, lead_source text,
        products text[], competitors text[], reason text, custom_fields jsonb, cells jsonb, errors jsonb
      ) on commit drop`);
  },

  /**
   * Resolves accounts (by name, creating missing ones) and owners (members by
   * email or full name), converts amounts, and classifies every staged row
   * against the source's deals: created, updated or unchanged.
   */
  async classifyDeals(db: DbOrTx, m: MergeContext) {
    const { workspaceId: ws, importId, source } = m;
    await db.execute(sql`
      with names as (
        -- One spelling per name (a hash aggregate, not a sort of every row).
        select min(account) as account from import_rows where valid and account is not null group by lower(account)
      )
      insert into accounts (workspace_id, name, created_import_id)
      select ${ws}, n.account, ${importId} from names n
      where not exists (select 1 from accounts a where a.workspace_id = ${ws} and lower(a.name) = lower(n.account))`);
    await db.execute(sql`
      create temp table import_accounts on commit drop as
      select distinct on (lower(name)) lower(name) as k, id from accounts
      where workspace_id = ${ws} order by lower(name), removed_at nulls first, created_at, id`);
    // Without statistics the planner guesses this map holds many rows per name and sorts every
    // staged row to merge-join it (seconds, spilling to disk, on a million rows).
    await db.execute(sql`analyze import_accounts`);
    await createOwnerMap(db, ws);
    // Only rows of deals the source already has are materialized (to compare and update them);
    // new deals go straight from staging into deals in applyDeals.
    await db.execute(sql`
      create temp table import_incoming on commit drop as
      select i.*, ${amountBaseSql(m.baseCurrency, ws)} as amount_base
      from (
        select r.line, r.external_id, r.name, a.id as account_id, r.amount, r.currency, r.stage, r.stage_category, r.probability,
          r.close_date, r.created_date, o.user_id as owner_user_id, r.owner, r.type, r.lead_source, r.products, r.competitors,
          r.reason, r.custom_fields,
          d.id as deal_id, d.id as prev_id,
          d.stage as prev_stage, d.amount as prev_amount, d.currency as prev_currency,
          case when d.removed_at is null and row(d.name, d.account_id, d.amount, d.currency, d.stage, d.stage_category, d.probability,
                 d.close_date, d.created_date, d.owner_user_id, d.owner_name, d.type, d.lead_source, d.products, d.competitors,
                 d.reason, d.custom_fields)
                 is not distinct from row(r.name, a.id, r.amount, r.currency, r.stage, r.stage_category, r.probability,
                 r.close_date, r.created_date, o.user_id, r.owner, r.type, r.lead_source, r.products, r.competitors,
                 r.reason, r.custom_fields)
               then 'unchanged' else 'updated' end as action
        from import_rows r
        join deals d on d.workspace_id = ${ws} and d.source = ${source} and d.external_id = r.external_id
        left join import_accounts a on a.k = lower(r.account)
        left join import_owners o on o.k = lower(r.owner)
        where r.valid
      ) i`);
    const counts = rowsOf<{ action: string; n: number }>(
      await db.execute(sql`
        select action, count(*)::int as n from import_incoming group by action
        union all select 'valid', count(*)::int from import_rows where valid`),
    );
    const n = (a: string) => counts.find((c) => c.action === a)?.n ?? 0;
    return { created: n('valid') - n('updated') - n('unchanged'), updated: n('updated'), unchanged: n('unchanged') };
  },

  /** With --full: the source's live deals that no row of the file names (valid or not). */
  async countMissingDeals(db: DbOrTx, m: MergeContext) {
    const [row] = rowsOf<{ n: number }>(
      await db.execute(sql`
        select count(*)::int as n from deals d
        where d.workspace_id = ${m.workspaceId} and d.source = ${m.source} and d.removed_at is null
          and not exists (select 1 from import_rows r where r.external_id = d.external_id)`),
    );
    return row?.n ?? 0;
  },

  /** Writes the classified rows: snapshots for undo, updates, inserts, stage history, and --full removals. */
  async applyDeals(db: DbOrTx, m: MergeContext, full: boolean) {
    const { workspaceId: ws, importId, source } = m;
    await db.execute(sql`
      insert into import_changes (workspace_id, import_id, entity, entity_id, action, previous)
      select ${ws}, ${importId}, 'deal', d.id, 'updated', to_jsonb(d)
      from deals d join import_incoming i on i.prev_id = d.id
      where d.workspace_id = ${ws} and i.action = 'updated'`);
    await db.execute(sql`
      update deals d set name = i.name, account_id = i.account_id, amount = i.amount, currency = i.currency, amount_base = i.amount_base,
        stage = i.stage, stage_category = i.stage_category, probability = i.probability, close_date = i.close_date,
        created_date = i.created_date, owner_user_id = i.owner_user_id, owner_name = i.owner, type = i.type,
        lead_source = i.lead_source, products = i.products, competitors = i.competitors, reason = i.reason,
        custom_fields = i.custom_fields, removed_at = null, updated_at = now()
      from import_incoming i
      where d.workspace_id = ${ws} and d.id = i.prev_id and i.action = 'updated'`);
    await db.execute(sql`
      insert into deals (workspace_id, source, external_id, name, account_id, amount, currency, amount_base, stage, stage_category,
        probability, close_date, created_date, owner_user_id, owner_name, type, lead_source, products, competitors, reason,
        custom_fields, created_import_id)
      select ${ws}, ${source}, i.external_id, i.name, i.account_id, i.amount, i.currency, ${amountBaseSql(m.baseCurrency, ws)}, i.stage,
        i.stage_category, i.probability, i.close_date, i.created_date, i.owner_user_id, i.owner, i.type, i.lead_source,
        coalesce(i.products, '{}'), coalesce(i.competitors, '{}'), i.reason, coalesce(i.custom_fields, '{}'), ${importId}
      from (
        select r.*, a.id as account_id, o.user_id as owner_user_id from import_rows r
        left join import_accounts a on a.k = lower(r.account)
        left join import_owners o on o.k = lower(r.owner)
        where r.valid and not exists (select 1 from import_incoming x where x.external_id = r.external_id)
      ) i`);
    // A new deal gets no history row: its state as imported is its history until it changes (the
    // deal page shows it as the first entry). On its first change, that state is recorded first —
    // dated by the file: a closed deal at its close date, an open one at its created date —
    // then the change, at the import's time.
    await db.execute(sql`
      insert into deal_stage_history (workspace_id, deal_id, stage, stage_category, amount, currency, changed_at, import_id)
      select ${ws}, i.deal_id, v.stage, v.stage_category, v.amount, v.currency, v.changed_at, ${importId}
      from import_incoming i
      join import_changes c on c.workspace_id = ${ws} and c.import_id = ${importId} and c.entity = 'deal' and c.entity_id = i.prev_id
      cross join lateral jsonb_populate_record(null::deals, c.previous) p
      cross join lateral (values
        (0, p.stage, p.stage_category, p.amount, p.currency,
           least(now() - interval '1 millisecond', coalesce(case when p.stage_category <> 'open' then p.close_date::timestamptz end,
                                        p.created_date::timestamptz, p.created_at))),
        (1, i.stage, i.stage_category, i.amount, i.currency, now())
      ) v(k, stage, stage_category, amount, currency, changed_at)
      where i.action = 'updated'
        and (i.prev_stage is distinct from i.stage or i.prev_amount is distinct from i.amount or i.prev_currency is distinct from i.currency)
        and (v.k = 1 or not exists (select 1 from deal_stage_history h where h.workspace_id = ${ws} and h.deal_id = i.deal_id))`);
    // The loss reason's category (win/loss): from the reason's words, for the lost deals this file names (null otherwise).
    await db.execute(sql`
      update deals d set loss_reason_category = case when d.stage_category = 'lost' then c.category end
      from (select r.external_id, ${lossCategorySql(sql`r.reason`)} as category from import_rows r where r.valid) c
      where d.workspace_id = ${ws} and d.source = ${source} and d.external_id = c.external_id
        and d.loss_reason_category is distinct from (case when d.stage_category = 'lost' then c.category end)`);
    let removed = 0;
    if (full) {
      await db.execute(sql`
        insert into import_changes (workspace_id, import_id, entity, entity_id, action, previous)
        select ${ws}, ${importId}, 'deal', d.id, 'removed', to_jsonb(d) from deals d
        where d.workspace_id = ${ws} and d.source = ${source} and d.removed_at is null
          and not exists (select 1 from import_rows r where r.external_id = d.external_id)`);
      const r = await db.execute(sql`
        update deals d set removed_at = now(), updated_at = now()
        from import_changes c
        where c.workspace_id = ${ws} and c.import_id = ${importId} and c.action = 'removed' and c.entity = 'deal'
          and d.workspace_id = ${ws} and d.id = c.entity_id`);
      removed = r.rowCount ?? 0;
    }
    return { removed };
  },

  /** Deals of this merge whose stage changed (after applyDeals): one deal.stage_changed event each. */
  async stageChanges(db: DbOrTx, workspaceId: string, importId: string) {
    type Category = 'open' | 'won' | 'lost';
    return rowsOf<{
      deal_id: string; external_id: string; name: string; prev_stage: string | null; prev_category: Category; stage: string;
      stage_category: Category; amount: string | null; currency: string | null; owner_user_id: string | null;
    }>(
      await db.execute(sql`
        select i.deal_id, i.external_id, i.name, i.prev_stage, c.previous->>'stage_category' as prev_category, i.stage,
               i.stage_category, i.amount::text as amount, i.currency, i.owner_user_id
        from import_incoming i
        join import_changes c on c.workspace_id = ${workspaceId} and c.import_id = ${importId} and c.entity = 'deal' and c.entity_id = i.prev_id
        where i.action = 'updated' and i.prev_stage is distinct from i.stage
        order by i.line`),
    );
  },

  /** Deal ids and outcomes per external id, for the upsert API's per-item results (after applyDeals). */
  async incomingResults(db: DbOrTx, m: MergeContext) {
    return rowsOf<{ external_id: string; deal_id: string; action: 'created' | 'updated' | 'unchanged' }>(
      await db.execute(sql`
        select r.external_id, d.id as deal_id, coalesce(x.action, 'created') as action
        from import_rows r
        join deals d on d.workspace_id = ${m.workspaceId} and d.source = ${m.source} and d.external_id = r.external_id
        left join import_incoming x on x.external_id = r.external_id
        where r.valid`),
    );
  },
};
