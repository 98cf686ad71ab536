import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';

/**
 * A person's deals' themes, for their home (goals module): the themes of feedback on any of their open deals — by
 * anyone; an item naming only an account counts for every open deal of that account, as on the themes board — and
 * of the feedback they logged themselves. Each theme with the open deals behind it (each once), their pipeline in
 * the base currency, and its items; the most pipeline first, then the most items.
 */

export interface MyDealThemeRow {
  id: string;
  name: string;
  status: string;
  openDeals: number;
  openPipeline: string;
  openDealsWithoutAmount: number;
  items: number;
  myItems: number;
  response: string | null;
  respondedAt: Date | null;
  total: number;
}

export async function myDealThemes(db: DbOrTx, workspaceId: string, userId: string, limit: number) {
  const themes = await db.execute(sql`
    with my_deals as (
      select d.id, d.account_id, d.amount_base from deals d
      where d.workspace_id = ${workspaceId} and d.owner_user_id = ${userId} and d.stage_category = 'open' and d.removed_at is null
    ),
    links as (
      select f.theme_id, f.id as item_id, f.submitted_by_user_id as submitter, md.id as deal_id
      from my_deals md join feedback_items f on f.workspace_id = ${workspaceId} and f.deal_id = md.id
      where f.theme_id is not null
      union all
      select f.theme_id, f.id, f.submitted_by_user_id, md.id
      from my_deals md join feedback_items f on f.workspace_id = ${workspaceId} and f.account_id = md.account_id and f.deal_id is null
      where f.theme_id is not null
      union all
      select f.theme_id, f.id, f.submitted_by_user_id, null
      from feedback_items f
      where f.workspace_id = ${workspaceId} and f.submitted_by_user_id = ${userId} and f.theme_id is not null
    ),
    deal_sums as (
      select p.theme_id, count(*)::int as open_deals, coalesce(sum(md.amount_base), 0) as pipeline,
        count(*) filter (where md.amount_base is null)::int as without_amount
      from (select distinct theme_id, deal_id from links where deal_id is not null) p join my_deals md on md.id = p.deal_id
      group by p.theme_id
    ),
    item_counts as (
      select theme_id, count(distinct item_id)::int as items, count(distinct item_id) filter (where submitter = ${userId})::int as mine
      from links group by theme_id
    )
    select th.id, th.name, th.status, coalesce(ds.open_deals, 0) as "openDeals", coalesce(ds.pipeline, 0)::text as "openPipeline",
      coalesce(ds.without_amount, 0) as "openDealsWithoutAmount", ic.items, ic.mine as "myItems",
      th.response, th.responded_at as "respondedAt", count(*) over ()::int as total
    from item_counts ic
    join themes th on th.workspace_id = ${workspaceId} and th.id = ic.theme_id and th.merged_into_id is null
    left join deal_sums ds on ds.theme_id = ic.theme_id
    order by coalesce(ds.pipeline, 0) desc, ic.items desc, lower(th.name), th.id
    limit ${limit}`);
  const counts = await db.execute(sql`
    select
      (select count(*)::int from deals where workspace_id = ${workspaceId} and owner_user_id = ${userId} and stage_category = 'open' and removed_at is null) as "openDeals",
      (select count(*)::int from feedback_items where workspace_id = ${workspaceId} and submitted_by_user_id = ${userId} and theme_id is null) as "myUntriagedItems"`);
  const rows = themes.rows as unknown as MyDealThemeRow[];
  const c = counts.rows[0] as { openDeals: number; myUntriagedItems: number };
  return {
    items: rows.map(({ total: _total, respondedAt, ...r }) => ({ ...r, respondedAt: respondedAt === null ? null : new Date(respondedAt) })),
    total: rows[0]?.total ?? 0,
    openDeals: c.openDeals,
    myUntriagedItems: c.myUntriagedItems,
  };
}
