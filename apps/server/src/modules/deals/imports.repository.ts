/**
 * The import's database side: the imports table, and the set-based steps that
 * merge a staged file into deals (or accounts) inside one transaction, and undo it.
 * Rows arrive through COPY into a temporary staging table (see import-staging.ts);
 * everything after that is a handful of statements, whatever the file's size.
 */
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { after } from '../../db/keyset.ts';
import { importMappings, importRejects, imports } from './imports.table.ts';

export type ImportRow = typeof imports.$inferSelect;
export type ImportInsert = typeof imports.$inferInsert;

const rowsOf = <T>(r: { rows: unknown[] }) => r.rows as T[];

export interface MergeContext {
  workspaceId: string;
  importId: string;
  source: string;
  baseCurrency: string;
}

export interface DuplicateId {
  externalId: string;
  lines: number[];
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

/** Members by lower-case email and by full name (names two members share match nobody): how an owner cell finds its user. */
async function createOwnerMap(db: DbOrTx, ws: string) {
  await db.execute(sql`
    create temp table import_owners on commit drop as
    select k, min(user_id::text)::uuid as user_id from (
      select lower(u.email) as k, u.id as user_id from memberships m join users u on u.id = m.user_id where m.workspace_id = ${ws}
      union all
      select lower(u.name), u.id from memberships m join users u on u.id = m.user_id where m.workspace_id = ${ws}
    ) x group by k having count(distinct user_id) = 1`);
  await db.execute(sql`analyze import_owners`);
}

export const importsRepository = {
  // ---- The imports table ------------------------------------------------------

  async insert(db: DbOrTx, row: ImportInsert) {
    const [created] = await db.insert(imports).values(row).returning();
    return created!;
  },

  async update(db: DbOrTx, workspaceId: string, id: string, set: Partial<ImportInsert>) {
    const [row] = await db
      .update(imports)
      .set(set)
      .where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, id)))
      .returning();
    return row;
  },

  async byId(db: DbOrTx, workspaceId: string, id: string) {
    const [row] = await db.select().from(imports).where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, id)));
    return row;
  },

  async list(db: DbOrTx, workspaceId: string, f: { kind?: string; after?: { createdAt: string; id: string }; limit: number }) {
    const where = and(eq(imports.workspaceId, workspaceId), f.kind ? eq(imports.kind, f.kind as 'deals') : undefined);
    const [{ total } = { total: 0 }] = await db.select({ total: sql<number>`count(*)::int` }).from(imports).where(where);
    const rows = await db
      .select()
      .from(imports)
      .where(and(where, f.after ? after('desc', [imports.createdAt, imports.id], [f.after.createdAt, f.after.id]) : undefined))
      .orderBy(desc(imports.createdAt), desc(imports.id))
      .limit(f.limit + 1);
    return { rows, total };
  },

  /** The latest completed (not undone, not dry-run) import of each (kind, source) among these. */
  async latestCompleted(db: DbOrTx, workspaceId: string, keys: { kind: string; source: string }[]) {
    if (!keys.length) return [];
    const sources = [...new Set(keys.map((k) => k.source))];
    return db
      .selectDistinctOn([imports.kind, imports.source], { id: imports.id, kind: imports.kind, source: imports.source, finishedAt: imports.finishedAt })
      .from(imports)
      .where(
        and(
          eq(imports.workspaceId, workspaceId),
          eq(imports.status, 'completed'),
          eq(imports.dryRun, false),
          inArray(imports.source, sources),
        ),
      )
      .orderBy(asc(imports.kind), asc(imports.source), desc(imports.finishedAt), desc(imports.id));
  },

  /** Running imports whose heartbeat stopped: their process died, and their transaction with it. */
  async failInterrupted(db: DbOrTx, olderThan: Date) {
    return db
      .update(imports)
      .set({ status: 'failed', error: 'The import was interrupted (its process stopped); nothing was imported. Run it again.', finishedAt: new Date() })
      .where(and(eq(imports.status, 'running'), sql`coalesce(${imports.heartbeatAt}, ${imports.createdAt}) < ${olderThan.toISOString()}`))
      .returning({ id: imports.id, uploadPath: imports.uploadPath });
  },

  async pendingOlderThan(db: DbOrTx, olderThan: Date) {
    return db
      .select({ workspaceId: imports.workspaceId, id: imports.id, uploadPath: imports.uploadPath })
      .from(imports)
      .where(and(eq(imports.status, 'pending'), sql`${imports.createdAt} < ${olderThan.toISOString()}`));
  },

  async remove(db: DbOrTx, workspaceId: string, id: string) {
    await db.delete(imports).where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, id), ne(imports.status, 'running')));
  },

  async rejects(db: DbOrTx, workspaceId: string, importId: string, afterLine: number, limit: number) {
    return db
      .select({ line: importRejects.line, cells: importRejects.cells, errors: importRejects.errors })
      .from(importRejects)
      .where(and(eq(importRejects.workspaceId, workspaceId), eq(importRejects.importId, importId), sql`${importRejects.line} > ${afterLine}`))
      .orderBy(asc(importRejects.line))
      .limit(limit);
  },

  async mapping(db: DbOrTx, workspaceId: string, kind: string, source: string) {
    const [row] = await db
      .select()
      .from(importMappings)
      .where(and(eq(importMappings.workspaceId, workspaceId), eq(importMappings.kind, kind), eq(importMappings.source, source)));
    return row;
  },

  async saveMapping(db: DbOrTx, row: typeof importMappings.$inferInsert) {
    await db
      .insert(importMappings)
      .values(row)
      .onConflictDoUpdate({
        target: [importMappings.workspaceId, importMappings.kind, importMappings.source],
        set: { format: row.format, mapping: row.mapping, updatedAt: new Date() },
      });
  },

  /** Serializes imports of one (workspace, kind, source) until the transaction ends. */
  async lockSource(db: DbOrTx, workspaceId: string, kind: string, source: string) {
    await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`import:${workspaceId}:${kind}:${source}`}, 0))`);
  },

  // ---- Deals: staging → deals ------------------------------------------------------

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

  /** Empties the staging table for a second read of the file. */
  async clearStaging(db: DbOrTx) {
    await db.execute(sql`truncate import_rows`);
  },

  /** Ids that appear on more than one valid row: the later row wins, the earlier ones are dropped. */
  async dedupeStaged(db: DbOrTx): Promise<{ duplicates: DuplicateId[]; dropped: number }> {
    // Statistics for the columns the merge joins and groups on (all columns would cost seconds on a million rows).
    await db.execute(sql`analyze import_rows (valid, external_id, owner)`);
    // Repeated ids first (a plain count per id), then the lines of those only.
    const dups = rowsOf<{ external_id: string; lines: number[] }>(
      await db.execute(sql`
        with dup as (select external_id from import_rows where valid group by external_id having count(*) > 1)
        select r.external_id, array_agg(r.line order by r.line) as lines from import_rows r join dup using (external_id)
        where r.valid group by r.external_id order by min(r.line) limit 1000`),
    );
    if (!dups.length) return { duplicates: [], dropped: 0 };
    const dropped = await db.execute(sql`
      delete from import_rows r using (
        select external_id, max(line) as keep from import_rows where valid group by external_id having count(*) > 1
      ) d
      where r.valid and r.external_id = d.external_id and r.line <> d.keep`);
    return { duplicates: dups.map((d) => ({ externalId: d.external_id, lines: d.lines })), dropped: dropped.rowCount ?? 0 };
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

  async saveRejects(db: DbOrTx, workspaceId: string, importId: string) {
    await db.execute(sql`
      insert into import_rejects (workspace_id, import_id, line, cells, errors)
      select ${workspaceId}, ${importId}, line, cells, errors from import_rows where not valid`);
  },

  // ---- Accounts: staging → accounts --------------------------------------------------

  async createAccountStaging(db: DbOrTx) {
    await db.execute(sql`set local work_mem = '128MB'`);
    await db.execute(sql`
      create temp table import_rows (
        line int not null, valid boolean not null, external_id text, name text, domain text, segment text, industry text,
        size text, region text, owner text, custom_fields jsonb, cells jsonb, errors jsonb
      ) on commit drop`);
  },

  /**
   * Each staged account against the source: known by its id (account_sources), else
   * an account of the same name not yet linked to this source (a deals import may have
   * created it by name), else new.
   */
  async classifyAccounts(db: DbOrTx, m: MergeContext) {
    const { workspaceId: ws, source } = m;
    await createOwnerMap(db, ws);
    await db.execute(sql`
      create temp table import_incoming on commit drop as
      select r.line, r.external_id, r.name, r.domain, r.segment, r.industry, r.size, r.region, o.user_id as owner_user_id, r.owner,
        coalesce(r.custom_fields, '{}') as custom_fields,
        coalesce(s.account_id, byname.id, gen_random_uuid()) as account_id, coalesce(s.account_id, byname.id) as prev_id,
        s.account_id is not null as linked,
        case when coalesce(s.account_id, byname.id) is null then 'created'
             when s.account_id is not null and a.removed_at is null and row(a.name, a.domain, a.segment, a.industry, a.size, a.region,
               a.owner_user_id, a.owner_name, a.custom_fields) is not distinct from row(r.name, r.domain, r.segment, r.industry, r.size,
               r.region, o.user_id, r.owner, coalesce(r.custom_fields, '{}'))
             then 'unchanged' else 'updated' end as action
      from import_rows r
      left join account_sources s on s.workspace_id = ${ws} and s.source = ${source} and s.external_id = r.external_id
      left join accounts a on a.workspace_id = ${ws} and a.id = s.account_id
      left join lateral (
        select x.id from accounts x
        where s.account_id is null and x.workspace_id = ${ws} and lower(x.name) = lower(r.name)
          and not exists (select 1 from account_sources y where y.workspace_id = ${ws} and y.account_id = x.id and y.source = ${source})
        order by x.removed_at nulls first, x.created_at, x.id limit 1
      ) byname on true
      left join import_owners o on o.k = lower(r.owner)
      where r.valid`);
    const counts = rowsOf<{ action: string; n: number }>(await db.execute(sql`select action, count(*)::int as n from import_incoming group by action`));
    const n = (a: string) => counts.find((c) => c.action === a)?.n ?? 0;
    return { created: n('created'), updated: n('updated'), unchanged: n('unchanged') };
  },

  async countMissingAccounts(db: DbOrTx, m: MergeContext) {
    const [row] = rowsOf<{ n: number }>(
      await db.execute(sql`
        select count(*)::int as n from account_sources s join accounts a on a.workspace_id = s.workspace_id and a.id = s.account_id
        where s.workspace_id = ${m.workspaceId} and s.source = ${m.source} and a.removed_at is null
          and not exists (select 1 from import_rows r where r.external_id = s.external_id)`),
    );
    return row?.n ?? 0;
  },

  async applyAccounts(db: DbOrTx, m: MergeContext, full: boolean) {
    const { workspaceId: ws, importId, source } = m;
    await db.execute(sql`
      insert into import_changes (workspace_id, import_id, entity, entity_id, action, previous)
      select distinct on (a.id) ${ws}, ${importId}, 'account', a.id, 'updated', to_jsonb(a)
      from accounts a join import_incoming i on i.prev_id = a.id
      where a.workspace_id = ${ws} and i.action = 'updated'`);
    await db.execute(sql`
      update accounts a set name = i.name, domain = i.domain, segment = i.segment, industry = i.industry, size = i.size,
        region = i.region, owner_user_id = i.owner_user_id, owner_name = i.owner, custom_fields = i.custom_fields,
        removed_at = null, updated_at = now()
      from import_incoming i where a.workspace_id = ${ws} and a.id = i.prev_id and i.action = 'updated'`);
    await db.execute(sql`
      insert into accounts (workspace_id, id, name, domain, segment, industry, size, region, owner_user_id, owner_name, custom_fields, created_import_id)
      select ${ws}, i.account_id, i.name, i.domain, i.segment, i.industry, i.size, i.region, i.owner_user_id, i.owner, i.custom_fields, ${importId}
      from import_incoming i where i.action = 'created'`);
    await db.execute(sql`
      insert into account_sources (workspace_id, source, external_id, account_id, created_import_id)
      select ${ws}, ${source}, i.external_id, i.account_id, ${importId} from import_incoming i where not i.linked`);
    let removed = 0;
    if (full) {
      await db.execute(sql`
        insert into import_changes (workspace_id, import_id, entity, entity_id, action, previous)
        select distinct on (a.id) ${ws}, ${importId}, 'account', a.id, 'removed', to_jsonb(a)
        from account_sources s join accounts a on a.workspace_id = s.workspace_id and a.id = s.account_id
        where s.workspace_id = ${ws} and s.source = ${source} and a.removed_at is null
          and not exists (select 1 from import_rows r where r.external_id = s.external_id)
        on conflict do nothing`);
      const r = await db.execute(sql`
        update accounts a set removed_at = now(), updated_at = now() from import_changes c
        where c.workspace_id = ${ws} and c.import_id = ${importId} and c.entity = 'account' and c.action = 'removed'
          and a.workspace_id = ${ws} and a.id = c.entity_id`);
      removed = r.rowCount ?? 0;
    }
    return { removed };
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

  // ---- Undo ---------------------------------------------------------------------------

  /** Puts back what a deals import changed: its history rows, the previous state of what it updated or removed, minus what it created. */
  async undoDeals(db: DbOrTx, workspaceId: string, importId: string) {
    const ws = workspaceId;
    await db.execute(sql`delete from deal_stage_history where workspace_id = ${ws} and import_id = ${importId}`);
    const restored = await db.execute(sql`
      update deals d set name = p.name, account_id = p.account_id, amount = p.amount, currency = p.currency, amount_base = p.amount_base,
        stage = p.stage, stage_category = p.stage_category, probability = p.probability, close_date = p.close_date,
        created_date = p.created_date, owner_user_id = p.owner_user_id, owner_name = p.owner_name, type = p.type,
        lead_source = p.lead_source, products = p.products, competitors = p.competitors, reason = p.reason,
        custom_fields = p.custom_fields, removed_at = p.removed_at, created_at = p.created_at, updated_at = p.updated_at,
        created_import_id = p.created_import_id
      from import_changes c cross join lateral jsonb_populate_record(null::deals, c.previous) p
      where c.workspace_id = ${ws} and c.import_id = ${importId} and c.entity = 'deal' and d.workspace_id = ${ws} and d.id = c.entity_id`);
    const deleted = await db.execute(sql`delete from deals where workspace_id = ${ws} and created_import_id = ${importId}`);
    await db.execute(sql`
      delete from accounts a where a.workspace_id = ${ws} and a.created_import_id = ${importId}
        and not exists (select 1 from deals d where d.workspace_id = ${ws} and d.account_id = a.id)`);
    return { restored: restored.rowCount ?? 0, deleted: deleted.rowCount ?? 0 };
  },
};
