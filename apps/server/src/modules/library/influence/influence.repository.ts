import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';
import { workspaces } from '../../workspaces/tables.ts';
import { assets } from '../tables.ts';

const rowsOf = (result: { rows: unknown[] }) => result.rows as Record<string, unknown>[];

export interface InfluenceCellRow {
  touched: boolean;
  segment: string | null;
  quarter: string;
  category: 'won' | 'lost';
  deals: number;
  amount: string;
  withoutAmount: number;
}

/**
 * The reads behind an asset's influence (docs/decisions/0009-influence.md). A closed deal is touched when a usage
 * event of the asset names it and happened before the deal's close date began (UTC): a touch on or after the
 * close day cannot have helped close it. The comparison takes the closed deals it did not touch from the same
 * (account segment, calendar close quarter) cells as the touched ones.
 */
export const influenceRepository = {
  async assetExists(db: DbOrTx, workspaceId: string, assetId: string): Promise<boolean> {
    const [row] = await db.select({ id: assets.id }).from(assets).where(and(eq(assets.workspaceId, workspaceId), eq(assets.id, assetId)));
    return !!row;
  },

  async baseCurrency(db: DbOrTx, workspaceId: string): Promise<string> {
    const [row] = await db.select({ c: workspaces.baseCurrency }).from(workspaces).where(eq(workspaces.id, workspaceId));
    return row?.c ?? 'USD';
  },

  /** Closed deals of the touched deals' cells, counted by group, cell and outcome. */
  async cells(db: DbOrTx, workspaceId: string, assetId: string): Promise<InfluenceCellRow[]> {
    const result = await db.execute(sql`
      with first_touch as (
        select e.deal_id, min(e.occurred_at) as at
        from asset_usage_events e
        where e.workspace_id = ${workspaceId} and e.asset_id = ${assetId} and e.deal_id is not null
        group by e.deal_id
      ),
      closed as (
        select d.id, d.stage_category, d.amount_base, a.segment,
          to_char(d.close_date, 'YYYY-"Q"Q') as quarter,
          coalesce(f.at < (d.close_date::timestamp at time zone 'UTC'), false) as touched
        from deals d
        left join accounts a on a.workspace_id = d.workspace_id and a.id = d.account_id
        left join first_touch f on f.deal_id = d.id
        where d.workspace_id = ${workspaceId} and d.removed_at is null
          and d.stage_category in ('won', 'lost') and d.close_date is not null
      ),
      cells as (select distinct segment, quarter from closed where touched)
      select c.touched, c.segment, c.quarter, c.stage_category as category, count(*)::int as deals,
        coalesce(sum(c.amount_base), 0)::text as amount, count(*) filter (where c.amount_base is null)::int as "withoutAmount"
      from closed c
      join cells x on x.segment is not distinct from c.segment and x.quarter = c.quarter
      group by 1, 2, 3, 4`);
    return rowsOf(result).map((r) => ({
      touched: r.touched === true,
      segment: (r.segment as string | null) ?? null,
      quarter: String(r.quarter),
      category: r.category as 'won' | 'lost',
      deals: Number(r.deals),
      amount: String(r.amount),
      withoutAmount: Number(r.withoutAmount),
    }));
  },

  /** Open deals the asset touched (any time: they have not closed yet). */
  async openTouched(db: DbOrTx, workspaceId: string, assetId: string): Promise<{ deals: number; amount: string }> {
    const result = await db.execute(sql`
      select count(*)::int as deals, coalesce(sum(d.amount_base), 0)::text as amount
      from deals d
      where d.workspace_id = ${workspaceId} and d.removed_at is null and d.stage_category = 'open'
        and exists (select 1 from asset_usage_events e
                    where e.workspace_id = ${workspaceId} and e.asset_id = ${assetId} and e.deal_id = d.id)`);
    const r = rowsOf(result)[0]!;
    return { deals: Number(r.deals), amount: String(r.amount) };
  },
};
