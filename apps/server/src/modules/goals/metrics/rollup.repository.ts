import { sql, type SQL } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { fiscalQuarterOf } from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';
import type { ClosedStats, DealMetricSpec } from '../../deals/index.ts';

/**
 * The deal aggregates read from the monthly rollups (migration 0017, decision 0021) instead of the deals: the same
 * numbers as `dealMetrics.closedStats` / `createdStats` (pinned by rollup.test.ts), for the specs the rollups can
 * answer. `null` means "not this one": the caller folds the deals.
 *
 * - Closed deals: filters on segment, competitor, competitors named, outcome; grouped by nothing, fiscal quarter,
 *   segment or competitor. The median cycle comes from the won deals' day histogram (by segment, not by competitor:
 *   a spec naming competitors answers the cycle only when asked, from the deals).
 * - Created deals: filters on segment, owner (a member) and team; grouped by nothing, quarter, segment, owner, team.
 * - A period that starts or ends inside a month reads whole months when no deal of the cohort falls on the month's
 *   days outside the period (goal_deal_days); otherwise what adds up (created deals; closed deals without the median
 *   cycle) folds only the period's days in its edge months from the deals and adds them to the months between, a
 *   quarter-grouped spec with the cycle folds its edge quarters, and any other spec is not answered here.
 */

export type CreatedStatsRow = {
  key: string | null;
  label: string | null;
  created: number;
  createdAmount: string;
  createdWithoutAmount: number;
  createdWon: number;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const rowsOf = <T>(r: { rows: unknown[] }) => r.rows as T[];

const day = (s: string) => DateTime.fromISO(s, { zone: 'utc' });
const iso = (d: DateTime) => d.toISODate()!;
const monthStart = (s: string) => iso(day(s).startOf('month'));
const monthEnd = (s: string) => iso(day(s).endOf('month'));
const plusDays = (s: string, n: number) => iso(day(s).plus({ days: n }));

/** The fiscal quarter's first day for a month column (the same expression as the deals' fold, on the month's first day). */
function quarterStart(m: SQL, startMonth: number): SQL {
  return sql`(date_trunc('month', ${m}) - make_interval(months => ((extract(month from ${m})::int - ${startMonth}::int + 12) % 3)))::date::text`;
}

type Cohort = 'closed' | 'created';

const defined = (f: object) => Object.entries(f).filter(([, v]) => v !== undefined && v !== null && v !== false).map(([k]) => k);

function answers(spec: DealMetricSpec): boolean {
  const f = spec.filters;
  const g = spec.groupBy ?? null;
  if (spec.from > spec.to) return false;
  if (spec.cohort === 'closed') {
    return defined(f).every((k) => ['segment', 'competitor', 'competitive', 'status'].includes(k)) && [null, 'period', 'segment', 'competitor'].includes(g);
  }
  if (f.owner && !UUID.test(f.owner)) return false;
  return defined(f).every((k) => ['segment', 'owner', 'team'].includes(k)) && [null, 'period', 'segment', 'owner', 'team'].includes(g);
}

/** Whether whole months may be read for [from, to]: no deal of the cohort on the uncovered days of the edge months. */
async function edges(db: DbOrTx, workspaceId: string, cohort: Cohort, from: string, to: string) {
  const m1 = monthStart(from);
  const endOfTo = monthEnd(to);
  const checkStart = from > m1;
  const checkEnd = to < endOfTo;
  if (!checkStart && !checkEnd) return { start: true, end: true };
  const probe = (a: string, b: string) =>
    sql`exists (select 1 from goal_deal_days where workspace_id = ${workspaceId} and cohort = ${cohort} and day >= ${a}::date and day <= ${b}::date and deals <> 0)`;
  const r = await db.execute(sql`select ${checkStart ? probe(m1, plusDays(from, -1)) : sql`false`} as "start", ${checkEnd ? probe(plusDays(to, 1), endOfTo) : sql`false`} as "end"`);
  const row = rowsOf<{ start: boolean; end: boolean }>(r)[0]!;
  return { start: !row.start, end: !row.end };
}

/**
 * Plans the read of [from, to]: the whole-month range the rollup answers and the edge pieces (whole fiscal quarters'
 * parts) to fold from the deals; null when the spec must be folded from the deals altogether.
 */
async function plan(
  db: DbOrTx,
  spec: DealMetricSpec,
  additive = false,
): Promise<{ months: [string, string] | null; raw: { from: string; to: string }[] } | null> {
  if (!answers(spec)) return null;
  const ok = await edges(db, spec.workspaceId, spec.cohort, spec.from, spec.to);
  if (ok.start && ok.end) return { months: [monthStart(spec.from), monthStart(spec.to)], raw: [] };
  if (additive) {
    // Counts and sums add up: fold only the days of the edge months inside the period, read the months between.
    if (monthStart(spec.from) === monthStart(spec.to)) return { months: null, raw: [{ from: spec.from, to: spec.to }] };
    const raw: { from: string; to: string }[] = [];
    let a = spec.from;
    let b = spec.to;
    if (!ok.start) {
      raw.push({ from: spec.from, to: monthEnd(spec.from) });
      a = plusDays(monthEnd(spec.from), 1);
    }
    if (!ok.end) {
      raw.push({ from: monthStart(spec.to), to: spec.to });
      b = plusDays(monthStart(spec.to), -1);
    }
    return { months: a <= b ? [monthStart(a), monthStart(b)] : null, raw };
  }
  if (spec.groupBy !== 'period') return null;
  const sm = spec.fiscalYearStartMonth;
  const first = fiscalQuarterOf(spec.from, sm);
  const last = fiscalQuarterOf(spec.to, sm);
  if (first.start === last.start) return { months: null, raw: [{ from: spec.from, to: spec.to }] };
  const raw: { from: string; to: string }[] = [];
  let a = spec.from;
  let b = spec.to;
  if (!ok.start) {
    raw.push({ from: spec.from, to: first.end });
    a = plusDays(first.end, 1);
  }
  if (!ok.end) {
    raw.push({ from: last.start, to: spec.to });
    b = plusDays(last.start, -1);
  }
  return { months: a <= b ? [monthStart(a), monthStart(b)] : null, raw };
}

interface Grouping {
  key: SQL;
  label: SQL;
  joins: SQL;
}

function closedGrouping(spec: DealMetricSpec): Grouping {
  switch (spec.groupBy ?? null) {
    case 'period': {
      const k = quarterStart(sql`r.month`, spec.fiscalYearStartMonth);
      return { key: k, label: k, joins: sql`` };
    }
    case 'segment':
      return { key: sql`r.segment`, label: sql`r.segment`, joins: sql`` };
    case 'competitor':
      // Once per distinct competitor of the row's list, as the fold counts a deal (deals/metrics).
      return { key: sql`gc.v`, label: sql`gc.v`, joins: sql`left join lateral (select distinct u.v from unnest(r.competitors) as u(v)) as gc(v) on true` };
    default:
      return { key: sql`'total'`, label: sql`'All deals'`, joins: sql`` };
  }
}

function createdGrouping(spec: DealMetricSpec): Grouping {
  switch (spec.groupBy ?? null) {
    case 'period': {
      const k = quarterStart(sql`r.month`, spec.fiscalYearStartMonth);
      return { key: k, label: k, joins: sql`` };
    }
    case 'segment':
      return { key: sql`r.segment`, label: sql`r.segment`, joins: sql`` };
    case 'owner':
      return {
        key: sql`coalesce(r.owner_user_id::text, 'name:' || r.owner_name)`,
        label: sql`coalesce(gu.name, r.owner_name)`,
        joins: sql`left join users gu on gu.id = r.owner_user_id`,
      };
    case 'team':
      return {
        key: sql`gt.id::text`,
        label: sql`gt.name`,
        joins: sql`left join team_members gtm on gtm.workspace_id = r.workspace_id and gtm.user_id = r.owner_user_id
                   left join teams gt on gt.workspace_id = gtm.workspace_id and gt.id = gtm.team_id`,
      };
    default:
      return { key: sql`'total'`, label: sql`'All deals'`, joins: sql`` };
  }
}

function closedWhere(spec: DealMetricSpec, months: [string, string], forCycle: boolean): SQL {
  const f = spec.filters;
  const parts: SQL[] = [sql`r.workspace_id = ${spec.workspaceId}`, sql`r.month >= ${months[0]}::date and r.month <= ${months[1]}::date`];
  if (f.segment) parts.push(sql`lower(r.segment) = lower(${f.segment})`);
  if (!forCycle) {
    if (f.status?.length) parts.push(sql`r.stage_category in (${sql.join(f.status.map((s) => sql`${s}`), sql`, `)})`);
    if (f.competitor) parts.push(sql`exists (select 1 from unnest(r.competitors) c where lower(c) = lower(${f.competitor}))`);
    if (f.competitive) parts.push(sql`cardinality(r.competitors) > 0`);
  }
  return sql.join(parts, sql` and `);
}

/** percentile_cont(0.5) over a histogram of whole days, sorted by day. */
function median(hist: { days: number; n: number }[]): { value: number | null; count: number } {
  const total = hist.reduce((s, h) => s + h.n, 0);
  if (!total) return { value: null, count: 0 };
  const p = 0.5 * (total - 1);
  const at = (i: number) => {
    let seen = 0;
    for (const h of hist) {
      seen += h.n;
      if (i < seen) return h.days;
    }
    return hist.at(-1)!.days;
  };
  const lo = Math.floor(p);
  const hi = Math.ceil(p);
  const a = at(lo);
  return { value: lo === hi ? a : a + (at(hi) - a) * (p - lo), count: total };
}

async function closedFromMonths(db: DbOrTx, spec: DealMetricSpec, months: [string, string], withCycle: boolean): Promise<ClosedStats[]> {
  const g = closedGrouping(spec);
  const won = sql`r.stage_category = 'won'`;
  const r = await db.execute(sql`
    select ${g.key} as key, ${g.label} as label,
      sum(r.deals)::int as closed,
      coalesce(sum(r.deals) filter (where ${won}), 0)::int as won,
      coalesce(sum(r.amount), 0)::text as "closedAmount",
      coalesce(sum(r.amount) filter (where ${won}), 0)::text as "wonAmount",
      sum(r.without_amount)::int as "closedWithoutAmount",
      coalesce(sum(r.without_amount) filter (where ${won}), 0)::int as "wonWithoutAmount"
    from goal_deal_closed_months r ${g.joins}
    where ${closedWhere(spec, months, false)}
    group by 1, 2
    having sum(r.deals) > 0`);
  const rows = rowsOf<Omit<ClosedStats, 'cycleMedian' | 'cycleCount'>>(r);
  const cycles = new Map<string | null, { days: number; n: number }[]>();
  if (withCycle && (!spec.filters.status?.length || spec.filters.status.includes('won'))) {
    const ck = spec.groupBy === 'period' ? quarterStart(sql`r.month`, spec.fiscalYearStartMonth) : spec.groupBy === 'segment' ? sql`r.segment` : sql`'total'`;
    const h = await db.execute(sql`
      select ${ck} as key, r.days, sum(r.deals)::int as n
      from goal_deal_cycle_months r
      where ${closedWhere(spec, months, true)}
      group by 1, 2
      having sum(r.deals) > 0
      order by 1, 2`);
    for (const x of rowsOf<{ key: string | null; days: number; n: number }>(h)) {
      const list = cycles.get(x.key) ?? [];
      list.push({ days: x.days, n: x.n });
      cycles.set(x.key, list);
    }
  }
  return rows.map((x) => {
    const m = median(cycles.get(x.key) ?? []);
    return { ...x, cycleMedian: m.value, cycleCount: m.count };
  });
}

async function createdFromMonths(db: DbOrTx, spec: DealMetricSpec, months: [string, string]): Promise<CreatedStatsRow[]> {
  const g = createdGrouping(spec);
  const f = spec.filters;
  const parts: SQL[] = [sql`r.workspace_id = ${spec.workspaceId}`, sql`r.month >= ${months[0]}::date and r.month <= ${months[1]}::date`];
  if (f.segment) parts.push(sql`lower(r.segment) = lower(${f.segment})`);
  if (f.owner) parts.push(sql`r.owner_user_id = ${f.owner}::uuid`);
  if (f.team) parts.push(sql`r.owner_user_id in (select tm.user_id from team_members tm where tm.workspace_id = ${spec.workspaceId} and tm.team_id = ${f.team}::uuid)`);
  const r = await db.execute(sql`
    select ${g.key} as key, ${g.label} as label,
      sum(r.deals)::int as created,
      coalesce(sum(r.amount), 0)::text as "createdAmount",
      sum(r.without_amount)::int as "createdWithoutAmount",
      coalesce(sum(r.deals) filter (where r.won), 0)::int as "createdWon"
    from goal_deal_created_months r ${g.joins}
    where ${sql.join(parts, sql` and `)}
    group by 1, 2
    having sum(r.deals) > 0`);
  return rowsOf<CreatedStatsRow>(r);
}

/** Exact sum of two numeric texts as PostgreSQL's sum writes it (the larger scale of the two). */
export function addNumeric(a: string, b: string): string {
  const scaleOf = (x: string) => (x.includes('.') ? x.length - x.indexOf('.') - 1 : 0);
  const scale = Math.max(scaleOf(a), scaleOf(b));
  const units = (x: string) => {
    const neg = x.startsWith('-');
    const [int, frac = ''] = (neg ? x.slice(1) : x).split('.');
    const v = BigInt(int! + frac.padEnd(scale, '0'));
    return neg ? -v : v;
  };
  const v = units(a) + units(b);
  const digits = (v < 0n ? -v : v).toString().padStart(scale + 1, '0');
  return (v < 0n ? '-' : '') + (scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits);
}

/** Rows of the same group from several pieces of a period added up (counts and sums only), in first-seen order. */
function addUp<T extends { key: string | null; label: string | null }>(rows: T[], add: (a: T, b: T) => T): T[] {
  const byGroup = new Map<string, T>();
  for (const r of rows) {
    const k = JSON.stringify([r.key, r.label]);
    const seen = byGroup.get(k);
    byGroup.set(k, seen ? add(seen, r) : r);
  }
  return [...byGroup.values()];
}

const addClosed = (a: ClosedStats, b: ClosedStats): ClosedStats => ({
  ...a,
  closed: a.closed + b.closed,
  won: a.won + b.won,
  closedAmount: addNumeric(a.closedAmount, b.closedAmount),
  wonAmount: addNumeric(a.wonAmount, b.wonAmount),
  closedWithoutAmount: a.closedWithoutAmount + b.closedWithoutAmount,
  wonWithoutAmount: a.wonWithoutAmount + b.wonWithoutAmount,
  cycleMedian: null,
  cycleCount: 0,
});

const addCreated = (a: CreatedStatsRow, b: CreatedStatsRow): CreatedStatsRow => ({
  ...a,
  created: a.created + b.created,
  createdAmount: addNumeric(a.createdAmount, b.createdAmount),
  createdWithoutAmount: a.createdWithoutAmount + b.createdWithoutAmount,
  createdWon: a.createdWon + b.createdWon,
});

/** Whether a closed spec names competitors (the cycle histogram has no competitor). */
export const namesCompetitors = (spec: DealMetricSpec) => Boolean(spec.filters.competitor || spec.filters.competitive || spec.groupBy === 'competitor');

export const dealRollupRepository = {
  /**
   * Closed deals' aggregate from the rollups, folding the edges with `fold`; null when the rollups cannot answer.
   * `withCycle` false leaves the cycle out (null, 0): every other column adds up, so only the days of a period's edge
   * months are folded; with the cycle (a median) whole edge quarters are, and only for quarter-grouped specs.
   */
  async closedStats(db: DbOrTx, spec: DealMetricSpec, withCycle: boolean, fold: (s: DealMetricSpec) => Promise<ClosedStats[]>): Promise<ClosedStats[] | null> {
    if (withCycle && namesCompetitors(spec)) return null;
    // Without the cycle every column adds up, so a period starting or ending inside a month folds only those days.
    const p = await plan(db, spec, !withCycle);
    if (!p) return null;
    const out: ClosedStats[] = [];
    for (const piece of p.raw) out.push(...(await fold({ ...spec, ...piece })));
    if (p.months) out.push(...(await closedFromMonths(db, spec, p.months, withCycle)));
    return withCycle ? out : addUp(out, addClosed).map((r) => ({ ...r, cycleMedian: null, cycleCount: 0 }));
  },

  async createdStats(db: DbOrTx, spec: DealMetricSpec, fold: (s: DealMetricSpec) => Promise<CreatedStatsRow[]>): Promise<CreatedStatsRow[] | null> {
    const p = await plan(db, spec, true);
    if (!p) return null;
    const out: CreatedStatsRow[] = [];
    for (const piece of p.raw) out.push(...(await fold({ ...spec, ...piece })));
    if (p.months) out.push(...(await createdFromMonths(db, spec, p.months)));
    return addUp(out, addCreated);
  },

  /** Lost deals by fiscal quarter and loss-reason category, as `dealMetrics.lostByQuarterAndReason`; null when not answered here. */
  async lostByQuarterAndReason(db: DbOrTx, spec: DealMetricSpec) {
    const s: DealMetricSpec = { ...spec, cohort: 'closed', groupBy: null, filters: { ...spec.filters, status: ['lost'] } };
    const p = await plan(db, s);
    if (!p || p.raw.length || !p.months) return null;
    const r = await db.execute(sql`
      select ${quarterStart(sql`r.month`, spec.fiscalYearStartMonth)} as quarter, r.loss_reason_category as category,
        sum(r.deals)::int as count, coalesce(sum(r.amount), 0)::text as amount, sum(r.without_amount)::int as "withoutAmount"
      from goal_deal_closed_months r
      where ${closedWhere(s, p.months, false)}
      group by 1, 2
      having sum(r.deals) > 0`);
    return rowsOf<{ quarter: string; category: string | null; count: number; amount: string; withoutAmount: number }>(r);
  },
};
