import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';

/** The library's side of the metric catalogue (goals module): content influence on deals and asset adoption. */

const rowsOf = <T>(r: { rows: unknown[] }) => r.rows as T[];

export const libraryMetricsRepository = {
  /** A predicate over the deal alias `d`: library material was used on the deal (any usage event naming it). */
  usedOnDeal(): SQL {
    return sql`exists (select 1 from asset_usage_events lue where lue.workspace_id = d.workspace_id and lue.deal_id = d.id)`;
  },

  /**
   * Assets published by the end of [from, to] (and not archived before its start), and whether each was used in
   * the period, per fiscal quarter start when `quarters` is given (else one total with key null).
   */
  async adoption(db: DbOrTx, workspaceId: string, periods: readonly { key: string; from: string; to: string }[]) {
    if (!periods.length) return [];
    const values = sql.join(
      periods.map((p) => sql`(${p.key}::text, ${p.from}::date, ${p.to}::date)`),
      sql`, `,
    );
    const r = await db.execute(sql`
      with periods(key, from_day, to_day) as (values ${values})
      select p.key,
        count(a.id)::int as published,
        count(a.id) filter (where exists (
          select 1 from asset_usage_events e
          where e.workspace_id = a.workspace_id and e.asset_id = a.id
            and e.occurred_at >= p.from_day::timestamptz and e.occurred_at < (p.to_day + 1)::timestamptz))::int as used
      from periods p
      left join assets a on a.workspace_id = ${workspaceId} and a.published_at is not null
        and a.published_at < (p.to_day + 1)::timestamptz and (a.status <> 'archived' or a.updated_at >= p.from_day::timestamptz)
      group by p.key`);
    return rowsOf<{ key: string; published: number; used: number }>(r);
  },

  /** The assets behind adoption in [from, to]: published by its end, whether used in it; newest published first. */
  async adoptionRecords(db: DbOrTx, workspaceId: string, from: string, to: string, onlyUsed: boolean, offset: number, limit: number) {
    const r = await db.execute(sql`
      with counted as (
        select a.id, a.title, a.type, a.status, a.published_at,
          exists (select 1 from asset_usage_events e where e.workspace_id = a.workspace_id and e.asset_id = a.id
            and e.occurred_at >= ${from}::date::timestamptz and e.occurred_at < (${to}::date + 1)::timestamptz) as used,
          (select count(*)::int from asset_usage_events e where e.workspace_id = a.workspace_id and e.asset_id = a.id
            and e.occurred_at >= ${from}::date::timestamptz and e.occurred_at < (${to}::date + 1)::timestamptz) as uses
        from assets a
        where a.workspace_id = ${workspaceId} and a.published_at is not null and a.published_at < (${to}::date + 1)::timestamptz
          and (a.status <> 'archived' or a.updated_at >= ${from}::date::timestamptz)
      )
      select id, title, type, status, published_at::text as "publishedAt", used, uses, count(*) over ()::int as total
      from counted ${onlyUsed ? sql`where used` : sql``}
      order by published_at desc, id desc
      offset ${offset} limit ${limit}`);
    return rowsOf<{ id: string; title: string; type: string; status: string; publishedAt: string; used: boolean; uses: number; total: number }>(r);
  },
};
