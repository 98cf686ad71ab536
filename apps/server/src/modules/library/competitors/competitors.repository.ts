import type { Competitor } from '@tandem/contracts';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';
import { workspaces } from '../../workspaces/tables.ts';
import { competitors } from '../tables.ts';

export type CompetitorRow = typeof competitors.$inferSelect;

export function toCompetitorDto(r: CompetitorRow): Competitor {
  return {
    id: r.id,
    name: r.name,
    aliases: r.aliases,
    website: r.website,
    description: r.description,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

const rowsOf = (result: { rows: unknown[] }) => result.rows as Record<string, unknown>[];
const money = (x: unknown) => (x === null || x === undefined ? '0' : String(x));

/**
 * The distinct competitor names written on the workspace's live deals, each with the record it resolves to: the
 * key of each name is computed once (`competitor_key`, migration 0007) and looked up in `match_keys` through its
 * GIN index, so a new alias links past deals at once and no key is stored on deals.
 */
function dealNamesCte(workspaceId: string) {
  return sql`
    deal_names as (
      select distinct n.name
      from deals d cross join lateral unnest(d.competitors) as n(name)
      where d.workspace_id = ${workspaceId} and d.removed_at is null
    ),
    deal_links as (
      select dn.name, c.id as competitor_id
      from deal_names dn
      join competitors c on c.workspace_id = ${workspaceId} and c.match_keys @> array[competitor_key(dn.name)]
    )`;
}

/** The same for feedback's one competitor field. */
function feedbackNamesCte(workspaceId: string) {
  return sql`
    feedback_names as (
      select distinct i.competitor as name
      from feedback_items i
      where i.workspace_id = ${workspaceId} and i.competitor is not null
    ),
    feedback_links as (
      select fn.name, c.id as competitor_id
      from feedback_names fn
      join competitors c on c.workspace_id = ${workspaceId} and c.match_keys @> array[competitor_key(fn.name)]
    )`;
}

export interface DealStatsRow {
  competitorId: string;
  quarter: string | null;
  category: 'open' | 'won' | 'lost';
  deals: number;
  amount: string;
  withoutAmount: number;
}

/** Records and the statistics of the deals and feedback that name them (all reads; writes at the end). */
export const competitorsRepository = {
  async baseCurrency(db: DbOrTx, workspaceId: string): Promise<string> {
    const [row] = await db.select({ c: workspaces.baseCurrency }).from(workspaces).where(eq(workspaces.id, workspaceId));
    return row?.c ?? 'USD';
  },

  async list(db: DbOrTx, workspaceId: string): Promise<CompetitorRow[]> {
    return db.select().from(competitors).where(eq(competitors.workspaceId, workspaceId)).orderBy(asc(sql`lower(${competitors.name})`));
  },

  async byId(db: DbOrTx, workspaceId: string, id: string): Promise<CompetitorRow | undefined> {
    const [row] = await db.select().from(competitors).where(and(eq(competitors.workspaceId, workspaceId), eq(competitors.id, id)));
    return row;
  },

  async lockById(db: DbOrTx, workspaceId: string, id: string): Promise<CompetitorRow | undefined> {
    const [row] = await db
      .select()
      .from(competitors)
      .where(and(eq(competitors.workspaceId, workspaceId), eq(competitors.id, id)))
      .for('update');
    return row;
  },

  /** Serialises the workspace's competitor writes, so two records cannot claim one key at the same moment. */
  async lockWrites(db: DbOrTx, workspaceId: string) {
    await db.execute(sql`select pg_advisory_xact_lock(hashtext('competitors:' || ${workspaceId}))`);
  },

  /** Other records holding any of `keys` (GIN index on match_keys). */
  async holdersOf(db: DbOrTx, workspaceId: string, keys: string[], exceptId?: string) {
    if (!keys.length) return [];
    const keyArray = sql`array[${sql.join(keys.map((k) => sql`${k}`), sql`, `)}]::text[]`;
    return db
      .select({ id: competitors.id, name: competitors.name, matchKeys: competitors.matchKeys })
      .from(competitors)
      .where(and(eq(competitors.workspaceId, workspaceId), sql`${competitors.matchKeys} && ${keyArray}`, exceptId ? ne(competitors.id, exceptId) : undefined));
  },

  async insert(db: DbOrTx, row: typeof competitors.$inferInsert): Promise<CompetitorRow> {
    const [created] = await db.insert(competitors).values(row).returning();
    return created!;
  },

  async update(db: DbOrTx, workspaceId: string, id: string, patch: Partial<typeof competitors.$inferInsert>): Promise<CompetitorRow | undefined> {
    const [row] = await db
      .update(competitors)
      .set({ ...patch, updatedAt: sql`clock_timestamp()` })
      .where(and(eq(competitors.workspaceId, workspaceId), eq(competitors.id, id)))
      .returning();
    return row;
  },

  async remove(db: DbOrTx, workspaceId: string, id: string) {
    await db.delete(competitors).where(and(eq(competitors.workspaceId, workspaceId), eq(competitors.id, id)));
  },

  async assetsTagged(db: DbOrTx, workspaceId: string, id: string): Promise<number> {
    const r = await db.execute(sql`select count(*)::int as n from assets where workspace_id = ${workspaceId} and competitor_ids @> array[${id}::uuid]`);
    return Number(rowsOf(r)[0]?.n ?? 0);
  },

  /**
   * Deals per competitor, close quarter and status (each deal once per competitor, even when two of its names
   * resolve to the same record). `competitorId` limits it to one record.
   */
  async dealStats(db: DbOrTx, workspaceId: string, competitorId?: string): Promise<DealStatsRow[]> {
    const result = await db.execute(sql`
      with ${dealNamesCte(workspaceId)},
      pairs as (
        select distinct l.competitor_id, d.id, d.stage_category, d.amount_base, d.close_date
        from deals d
        cross join lateral unnest(d.competitors) as n(name)
        join deal_links l on l.name = n.name
        where d.workspace_id = ${workspaceId} and d.removed_at is null
          ${competitorId ? sql`and l.competitor_id = ${competitorId}` : sql``}
      )
      select competitor_id as "competitorId",
        case when stage_category <> 'open' and close_date is not null then to_char(close_date, 'YYYY-"Q"Q') end as quarter,
        stage_category as category, count(*)::int as deals, sum(amount_base)::text as amount,
        count(*) filter (where amount_base is null)::int as "withoutAmount"
      from pairs
      group by 1, 2, 3`);
    return rowsOf(result).map((r) => ({
      competitorId: String(r.competitorId),
      quarter: (r.quarter as string | null) ?? null,
      category: r.category as DealStatsRow['category'],
      deals: Number(r.deals),
      amount: money(r.amount),
      withoutAmount: Number(r.withoutAmount),
    }));
  },

  /** How many feedback items link to each competitor (or to one). */
  async feedbackCounts(db: DbOrTx, workspaceId: string, competitorId?: string): Promise<Map<string, number>> {
    const result = await db.execute(sql`
      with ${feedbackNamesCte(workspaceId)}
      select l.competitor_id as "competitorId", count(*)::int as n
      from feedback_items i join feedback_links l on l.name = i.competitor
      where i.workspace_id = ${workspaceId} ${competitorId ? sql`and l.competitor_id = ${competitorId}` : sql``}
      group by 1`);
    return new Map(rowsOf(result).map((r) => [String(r.competitorId), Number(r.n)]));
  },

  /** Themes of the feedback linked to one competitor, with how many of its items each holds. */
  async themes(db: DbOrTx, workspaceId: string, competitorId: string) {
    const result = await db.execute(sql`
      with ${feedbackNamesCte(workspaceId)}
      select t.id, t.name, t.status, count(*)::int as items
      from feedback_items i
      join feedback_links l on l.name = i.competitor and l.competitor_id = ${competitorId}
      join themes t on t.workspace_id = i.workspace_id and t.id = i.theme_id and t.merged_into_id is null
      where i.workspace_id = ${workspaceId}
      group by t.id, t.name, t.status
      order by items desc, lower(t.name)
      limit 20`);
    return rowsOf(result).map((r) => ({ id: String(r.id), name: String(r.name), status: r.status as string, items: Number(r.items) }));
  },

  /**
   * The newest feedback linked to a competitor, and competitor intel whose text names one of its names (`pattern`,
   * a case-insensitive regular expression of whole words), with who logged it and the deal.
   */
  async fieldIntel(db: DbOrTx, workspaceId: string, competitorId: string, pattern: string, limit: number) {
    const result = await db.execute(sql`
      with ${feedbackNamesCte(workspaceId)}
      select i.id, i.kind, i.text, i.quote, i.competitor, i.observed_at as "observedAt",
        i.submitted_by_user_id as "userId", u.name as "userName",
        d.id as "dealId", d.name as "dealName", a.id as "accountId", a.name as "accountName"
      from feedback_items i
      left join feedback_links l on l.name = i.competitor and l.competitor_id = ${competitorId}
      left join users u on u.id = i.submitted_by_user_id
      -- The deal and the account looked up by id: as plain joins, on deals without statistics yet (a fresh seed or
      -- import) the planner scanned every deal of the workspace once per item (a demo competitor's intel: 90 against
      -- 51 ms; 39 against 23 ms once analysed).
      left join lateral (
        select d.id, d.name from deals d where d.workspace_id = ${workspaceId} and d.id = i.deal_id and d.removed_at is null limit 1
      ) d on true
      left join lateral (select a.id, a.name from accounts a where a.workspace_id = ${workspaceId} and a.id = i.account_id limit 1) a on true
      where i.workspace_id = ${workspaceId}
        and (l.competitor_id is not null or (i.kind = 'competitor_intel' and i.text ~* ${pattern}))
      order by i.observed_at desc, i.id
      limit ${limit}`);
    return rowsOf(result).map((r) => ({
      id: String(r.id),
      kind: r.kind as string,
      text: String(r.text),
      quote: (r.quote as string | null) ?? null,
      competitor: (r.competitor as string | null) ?? null,
      observedAt: new Date(r.observedAt as string).toISOString(),
      submittedBy: r.userId ? { userId: String(r.userId), name: String(r.userName ?? 'Former member') } : null,
      deal: r.dealId ? { id: String(r.dealId), name: String(r.dealName) } : null,
      account: r.accountId ? { id: String(r.accountId), name: String(r.accountName) } : null,
    }));
  },

  /**
   * Published assets tagged with each competitor: ids with their type, for the page and the list's freshness. Read
   * from `library_search_rows` (the search side table confined to the workspace, migration 0009), where the GIN index
   * on competitor ids answers `@>` (migration 0020); on `assets`, row-level security kept it from the index and one
   * competitor's page read the whole heap (650 ms at 100,000 assets).
   */
  async taggedAssets(db: DbOrTx, workspaceId: string, competitorId?: string) {
    const result = await db.execute(sql`
      select c.competitor_id as "competitorId", a.asset_id as id, a.type, a.review_by::text as "reviewBy"
      from library_search_rows a cross join lateral unnest(a.competitor_ids) as c(competitor_id)
      where a.workspace_id = ${workspaceId} and a.status = 'published'
        ${competitorId ? sql`and a.competitor_ids @> array[${competitorId}::uuid]` : sql``}
      order by a.review_by asc nulls last, a.updated_at desc`);
    return rowsOf(result)
      .map((r) => ({
        competitorId: String(r.competitorId),
        id: String(r.id),
        type: String(r.type),
        reviewBy: (r.reviewBy as string | null) ?? null,
      }))
      .filter((r) => !competitorId || r.competitorId === competitorId);
  },

  /**
   * Names in deals and feedback whose key matches no record: each spelling with its own counts (to pick the usual
   * one), and per key the distinct deals (a deal listing "SNOW" and "snow" counts once).
   */
  async unlinkedNames(db: DbOrTx, workspaceId: string) {
    const result = await db.execute(sql`
      with names as (
        select n.name, count(distinct d.id)::int as deals, 0 as feedback
        from deals d cross join lateral unnest(d.competitors) as n(name)
        where d.workspace_id = ${workspaceId} and d.removed_at is null
        group by n.name
        union all
        select i.competitor, 0, count(*)::int
        from feedback_items i
        where i.workspace_id = ${workspaceId} and i.competitor is not null
        group by i.competitor
      ),
      keyed as (
        select name, competitor_key(name) as key, sum(deals)::int as deals, sum(feedback)::int as feedback
        from names group by name
      ),
      unlinked as (
        select k.* from keyed k
        where k.key is not null
          and not exists (select 1 from competitors c where c.workspace_id = ${workspaceId} and c.match_keys @> array[k.key])
      ),
      key_deals as (
        select u.key, count(distinct d.id)::int as deals
        from deals d cross join lateral unnest(d.competitors) as n(name)
        join unlinked u on u.name = n.name
        where d.workspace_id = ${workspaceId} and d.removed_at is null
        group by u.key
      )
      select u.name, u.key, u.deals, u.feedback, coalesce(kd.deals, 0) as "keyDeals"
      from unlinked u left join key_deals kd on kd.key = u.key`);
    return rowsOf(result).map((r) => ({
      name: String(r.name),
      key: String(r.key),
      deals: Number(r.deals),
      feedback: Number(r.feedback),
      keyDeals: Number(r.keyDeals),
    }));
  },
};
