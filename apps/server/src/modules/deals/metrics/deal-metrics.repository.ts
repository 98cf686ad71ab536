import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';

/**
 * The deals' side of the metric catalogue (goals module): set-based aggregates over closed deals (by close date) and
 * created deals (by created date), filtered and grouped on the catalogue's dimensions, and the deals behind any one
 * number. Amounts are the base-currency `amount_base`; deals without one are counted and reported apart.
 */

export type DealDimension = 'period' | 'segment' | 'product' | 'owner' | 'team' | 'competitor';

export interface DealMetricFilters {
  segment?: string;
  product?: string;
  /** A member user id, or an owner name as the source gave it. */
  owner?: string;
  team?: string;
  competitor?: string;
  /** Only deals naming at least one competitor (win rate against competitors). */
  competitive?: boolean;
  /** Only deals whose stage category is one of these. */
  status?: readonly ('open' | 'won' | 'lost')[];
  /** A predicate another module's metric adds over the deal alias `d` (e.g. the library's "material was used"). */
  extra?: SQL;
}

export interface DealMetricSpec {
  workspaceId: string;
  /** Inclusive local dates. */
  from: string;
  to: string;
  /** closed: won or lost deals by close date; created: deals by created date. */
  cohort: 'closed' | 'created';
  filters: DealMetricFilters;
  groupBy?: DealDimension | null;
  fiscalYearStartMonth: number;
}

/** The group a row falls in: `key` null for "none" (no segment, no product…). */
export interface GroupKey {
  key: string | null;
  label: string | null;
}

export interface ClosedStats extends GroupKey {
  closed: number;
  won: number;
  closedAmount: string;
  wonAmount: string;
  closedWithoutAmount: number;
  wonWithoutAmount: number;
  /** Median days from created to closed over won deals with a created date. */
  cycleMedian: number | null;
  cycleCount: number;
}

export interface CreatedStats extends GroupKey {
  created: number;
  createdAmount: string;
  createdWithoutAmount: number;
  createdWon: number;
}

export interface DealRecordRow {
  id: string;
  name: string;
  accountName: string | null;
  segment: string | null;
  stage: string;
  stageCategory: string;
  closeDate: string | null;
  createdDate: string | null;
  amount: string | null;
  currency: string | null;
  amountBase: string | null;
  owner: string | null;
  cycleDays: number | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const rowsOf = <T>(r: { rows: unknown[] }) => r.rows as T[];

function dateExpr(cohort: DealMetricSpec['cohort']): SQL {
  return cohort === 'closed' ? sql`d.close_date` : sql`d.created_date::date`;
}

/** The fiscal quarter's first day for a date column, from the workspace's fiscal year start month. */
function quarterStart(d: SQL, startMonth: number): SQL {
  return sql`(date_trunc('month', ${d}) - make_interval(months => ((extract(month from ${d})::int - ${startMonth}::int + 12) % 3)))::date::text`;
}

interface Grouping {
  key: SQL;
  label: SQL;
  joins: SQL;
}

function grouping(spec: DealMetricSpec): Grouping {
  const none = { key: sql`'total'`, label: sql`'All deals'`, joins: sql`` };
  switch (spec.groupBy ?? null) {
    case null:
      return none;
    case 'period': {
      const k = quarterStart(dateExpr(spec.cohort), spec.fiscalYearStartMonth);
      return { key: k, label: k, joins: sql`` };
    }
    case 'segment':
      return { key: sql`a.segment`, label: sql`a.segment`, joins: sql`` };
    // A deal counts once in each product (competitor) it lists, even if a list names one twice: distinct elements.
    case 'product':
      return { key: sql`gp.v`, label: sql`gp.v`, joins: sql`left join lateral (select distinct u.v from unnest(d.products) as u(v)) as gp(v) on true` };
    case 'competitor':
      return { key: sql`gc.v`, label: sql`gc.v`, joins: sql`left join lateral (select distinct u.v from unnest(d.competitors) as u(v)) as gc(v) on true` };
    case 'owner':
      return {
        key: sql`coalesce(d.owner_user_id::text, 'name:' || d.owner_name)`,
        label: sql`coalesce(gu.name, d.owner_name)`,
        joins: sql`left join users gu on gu.id = d.owner_user_id`,
      };
    case 'team':
      return {
        key: sql`gt.id::text`,
        label: sql`gt.name`,
        joins: sql`left join team_members gtm on gtm.workspace_id = d.workspace_id and gtm.user_id = d.owner_user_id
                   left join teams gt on gt.workspace_id = gtm.workspace_id and gt.id = gtm.team_id`,
      };
  }
}

/** `only`: only the cohort's deals of that category, said as one equality (an index on the category then reads in date order). */
function where(spec: DealMetricSpec, only?: 'won' | 'lost'): SQL {
  const f = spec.filters;
  const parts: SQL[] = [sql`d.workspace_id = ${spec.workspaceId}`, sql`d.removed_at is null`];
  // The created cohort's days as a range of its timestamp (the same deals): deals_created_idx can read it.
  parts.push(
    spec.cohort === 'closed'
      ? sql`d.close_date >= ${spec.from}::date and d.close_date <= ${spec.to}::date`
      : sql`d.created_date >= ${spec.from}::date::timestamp and d.created_date < (${spec.to}::date + 1)::timestamp`,
  );
  if (spec.cohort === 'closed') parts.push(only ? sql`d.stage_category = ${only}` : sql`d.stage_category in ('won', 'lost')`);
  if (spec.cohort === 'created') parts.push(only ? sql`d.created_date is not null and d.stage_category = ${only}` : sql`d.created_date is not null`);
  if (f.status?.length) parts.push(sql`d.stage_category in (${sql.join(f.status.map((s) => sql`${s}`), sql`, `)})`);
  if (f.segment) parts.push(sql`lower(a.segment) = lower(${f.segment})`);
  if (f.product) parts.push(sql`exists (select 1 from unnest(d.products) p where lower(p) = lower(${f.product}))`);
  if (f.competitor) parts.push(sql`exists (select 1 from unnest(d.competitors) c where lower(c) = lower(${f.competitor}))`);
  if (f.competitive) parts.push(sql`cardinality(d.competitors) > 0`);
  if (f.owner) parts.push(UUID.test(f.owner) ? sql`d.owner_user_id = ${f.owner}::uuid` : sql`lower(d.owner_name) = lower(${f.owner})`);
  if (f.extra) parts.push(f.extra);
  if (f.team) {
    parts.push(sql`d.owner_user_id in (select tm.user_id from team_members tm where tm.workspace_id = ${spec.workspaceId} and tm.team_id = ${f.team}::uuid)`);
  }
  return sql.join(parts, sql` and `);
}

/** The account join is needed to filter or group by segment, and to show the records. */
function from(spec: DealMetricSpec, g: Grouping, withAccount: boolean): SQL {
  const account = withAccount || spec.filters.segment || spec.groupBy === 'segment';
  return sql`deals d ${account ? sql`left join accounts a on a.workspace_id = d.workspace_id and a.id = d.account_id` : sql``} ${g.joins}`;
}

/** Predicate on the group a key names (`null` key: the "none" group). */
function keyFilter(g: Grouping, key: string | null | undefined): SQL {
  if (key === undefined) return sql``;
  return key === null ? sql` and ${g.key} is null` : sql` and ${g.key} = ${key}`;
}

export const dealMetricsRepository = {
  /** Won and lost deals closed in the period, per group: counts, amounts, deals without amount, median cycle. */
  async closedStats(db: DbOrTx, spec: DealMetricSpec): Promise<ClosedStats[]> {
    const g = grouping({ ...spec, cohort: 'closed' });
    const won = sql`d.stage_category = 'won'`;
    const r = await db.execute(sql`
      select ${g.key} as key, ${g.label} as label,
        count(*)::int as closed,
        count(*) filter (where ${won})::int as won,
        coalesce(sum(d.amount_base), 0)::text as "closedAmount",
        coalesce(sum(d.amount_base) filter (where ${won}), 0)::text as "wonAmount",
        count(*) filter (where d.amount_base is null)::int as "closedWithoutAmount",
        count(*) filter (where ${won} and d.amount_base is null)::int as "wonWithoutAmount",
        percentile_cont(0.5) within group (order by d.close_date - d.created_date::date)
          filter (where ${won} and d.created_date is not null and d.created_date::date <= d.close_date) as "cycleMedian",
        count(*) filter (where ${won} and d.created_date is not null and d.created_date::date <= d.close_date)::int as "cycleCount"
      from ${from(spec, g, false)}
      where ${where({ ...spec, cohort: 'closed' })}
      group by 1, 2`);
    return rowsOf<ClosedStats>(r).map((x) => ({ ...x, cycleMedian: x.cycleMedian === null ? null : Number(x.cycleMedian) }));
  },

  /** Deals created in the period, per group: counts, amounts, deals without amount, how many are won so far. */
  async createdStats(db: DbOrTx, spec: DealMetricSpec): Promise<CreatedStats[]> {
    const g = grouping({ ...spec, cohort: 'created' });
    const r = await db.execute(sql`
      select ${g.key} as key, ${g.label} as label,
        count(*)::int as created,
        coalesce(sum(d.amount_base), 0)::text as "createdAmount",
        count(*) filter (where d.amount_base is null)::int as "createdWithoutAmount",
        count(*) filter (where d.stage_category = 'won')::int as "createdWon"
      from ${from(spec, g, false)}
      where ${where({ ...spec, cohort: 'created' })}
      group by 1, 2`);
    return rowsOf<CreatedStats>(r);
  },

  /**
   * The deals behind one number: those of the group `key` (undefined: all), optionally only those counted as a
   * success (`onlyWon`), newest first by the cohort's date, keyset-paginated after (date, id). A page only: nothing
   * counts every matching deal (the caller takes the total from the metric's own aggregate), so the first page reads
   * the newest few deals of the period through an index on the cohort's date, not all of them.
   */
  async records(
    db: DbOrTx,
    spec: DealMetricSpec,
    opts: { key?: string | null; onlyWon?: boolean; after?: { date: string | null; id: string }; limit: number },
  ): Promise<DealRecordRow[]> {
    const g = grouping(spec);
    // Never null here: the period bounds it. Ordered as an index on it reads backwards (newest first, then id): the
    // close date, or the created timestamp (the cursor then carries the timestamp, not only its day).
    const at = spec.cohort === 'closed' ? sql`d.close_date` : sql`d.created_date`;
    const cast = spec.cohort === 'closed' ? sql`date` : sql`timestamp`;
    const after = opts.after
      ? opts.after.date === null
        ? sql` and ${at} is null and d.id < ${opts.after.id}::uuid`
        : sql` and ${at} <= ${opts.after.date}::${cast} and (${at} < ${opts.after.date}::${cast} or d.id < ${opts.after.id}::uuid)`
      : sql``;
    // A group reached through a join (a product, a competitor, a team) is matched by `exists`, so a deal shows once.
    const inGroup =
      opts.key === undefined ? sql`` : sql` and exists (select 1 from (select 1) as one ${g.joins} where true${keyFilter(g, opts.key)})`;
    const page = (only?: 'won' | 'lost') => sql`
      select d.id, d.name, a.name as "accountName", a.segment, d.stage, d.stage_category as "stageCategory",
        d.close_date::text as "closeDate", d.created_date::text as "createdDate",
        d.amount::text as amount, d.currency, d.amount_base::text as "amountBase",
        coalesce(u.name, d.owner_name) as owner,
        case when d.created_date is not null and d.close_date is not null then d.close_date - d.created_date::date end as "cycleDays"
      from deals d
      left join accounts a on a.workspace_id = d.workspace_id and a.id = d.account_id
      left join users u on u.id = d.owner_user_id
      where ${where(spec, only)}${inGroup}${after}
      order by ${at} desc, d.id desc
      limit ${opts.limit}`;
    // Won and lost closed deals: each category's newest page (each an ordered index read), then the newest of both.
    const r = await db.execute(
      opts.onlyWon
        ? page('won')
        : spec.cohort === 'closed'
          ? sql`select * from ((${page('won')}) union all (${page('lost')})) as p order by p."closeDate" desc, p.id desc limit ${opts.limit}`
          : page(),
    );
    return rowsOf<DealRecordRow>(r);
  },

  /** The lost deals of a closed-cohort spec as `select id, category` (category null: no reason stated), for joins elsewhere. */
  lostDealsQuery(spec: DealMetricSpec): SQL {
    const s = { ...spec, cohort: 'closed' as const, filters: { ...spec.filters, status: ['lost' as const] } };
    return sql`select distinct d.id, d.loss_reason_category as category from ${from(s, grouping({ ...s, groupBy: null }), false)} where ${where(s)}`;
  },

  /** Lost deals closed in the period by fiscal quarter (its first day) and loss-reason category (null: unstated). */
  async lostByQuarterAndReason(db: DbOrTx, spec: DealMetricSpec) {
    const s = { ...spec, cohort: 'closed' as const, groupBy: null, filters: { ...spec.filters, status: ['lost' as const] } };
    const r = await db.execute(sql`
      select ${quarterStart(sql`d.close_date`, spec.fiscalYearStartMonth)} as quarter, d.loss_reason_category as category,
        count(*)::int as count, coalesce(sum(d.amount_base), 0)::text as amount, count(*) filter (where d.amount_base is null)::int as "withoutAmount"
      from ${from(s, grouping(s), false)}
      where ${where(s)}
      group by 1, 2`);
    return rowsOf<{ quarter: string; category: string | null; count: number; amount: string; withoutAmount: number }>(r);
  },

  /** Open deals now, by stage: count, base-currency sum and how many have no amount. */
  async pipelineByStage(db: DbOrTx, workspaceId: string) {
    const r = await db.execute(sql`
      select d.stage, count(*)::int as count, coalesce(sum(d.amount_base), 0)::text as amount,
        count(*) filter (where d.amount_base is null)::int as "withoutAmount",
        max(d.probability) as probability
      from deals d
      where d.workspace_id = ${workspaceId} and d.removed_at is null and d.stage_category = 'open'
      group by d.stage
      order by max(d.probability) nulls last, d.stage`);
    return rowsOf<{ stage: string; count: number; amount: string; withoutAmount: number }>(r);
  },
};
