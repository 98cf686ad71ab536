import type { MetricDimension, MetricRecord, MetricValue } from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';
import { dealMetrics, dealsChangeStamp, type DealMetricFilters, type DealMetricSpec } from '../../deals/index.ts';
import { libraryMetrics } from '../../library/index.ts';
import { keptAnswers } from './kept.ts';
import { dealRollupRepository as dealRollups } from './rollup.repository.ts';
import { amountShare, groupLabel, measure, proportion, round2, type Group } from './values.ts';

/** The deal metrics: which deals each counts (cohort and filters) and how a group's aggregate becomes its value. */

export type DealMetricName =
  | 'win-rate'
  | 'win-rate-vs-competitor'
  | 'pipeline-created'
  | 'average-deal-size'
  | 'sales-cycle-days'
  | 'stage-conversion'
  | 'content-influenced-pipeline';

/**
 * Which deals each metric reads. Average deal size and sales cycle read the won columns of the closed deals' one
 * aggregate (so the scorecard's closed-deal metrics share one statement and one cached answer); their records are the
 * won deals only (`wonOnly`).
 */
const COHORT: Record<DealMetricName, { cohort: 'closed' | 'created'; filters: () => DealMetricFilters; numeratorWon: boolean; wonOnly?: boolean }> = {
  'win-rate': { cohort: 'closed', filters: () => ({}), numeratorWon: true },
  'win-rate-vs-competitor': { cohort: 'closed', filters: () => ({ competitive: true }), numeratorWon: true },
  'average-deal-size': { cohort: 'closed', filters: () => ({}), numeratorWon: false, wonOnly: true },
  'sales-cycle-days': { cohort: 'closed', filters: () => ({}), numeratorWon: false, wonOnly: true },
  'pipeline-created': { cohort: 'created', filters: () => ({}), numeratorWon: false },
  'stage-conversion': { cohort: 'created', filters: () => ({}), numeratorWon: true },
  'content-influenced-pipeline': { cohort: 'created', filters: () => ({ extra: libraryMetrics.usedOnDeal() }), numeratorWon: false },
};

/**
 * Deal aggregates kept per workspace until its deals change: the key is the deals change stamp (it moves with every
 * deal write, in the writing statement) and the statement's spec, so an answer is never older than the last write.
 * Bounded (least recently used out). Specs with another module's predicate (content influence) are not kept: their
 * freshness depends on the library's writes too. See docs/decisions (metrics freshness).
 */
const cache = keptAnswers(400);

async function kept<T>(db: DbOrTx, spec: DealMetricSpec, kind: string, read: () => Promise<T>): Promise<T> {
  if (spec.filters.extra) return read();
  const stamp = await dealsChangeStamp(db, spec.workspaceId);
  return cache.get(`${spec.workspaceId}:${stamp}:${kind}:${JSON.stringify(spec)}`, read);
}

/**
 * The closed deals' aggregate, kept until the workspace's deals change: read from the monthly rollups when they can
 * answer the spec (decision 0021), else folded from the deals. `withCycle` false: the median cycle, which only the
 * sales-cycle metric reads, may be left out (null, 0), so a period with edges inside months folds only those days.
 */
export function closedStats(db: DbOrTx, spec: DealMetricSpec, withCycle = true) {
  const fold = (s: DealMetricSpec) => dealMetrics.closedStats(db, s);
  const kind = withCycle ? 'closed' : 'closed-no-cycle';
  return kept(db, spec, kind, async () => (useRollups ? await dealRollups.closedStats(db, spec, withCycle, fold) : null) ?? fold(spec));
}

/** The created deals' aggregate, kept until the workspace's deals change (from the rollups when they answer it). */
export function createdStats(db: DbOrTx, spec: DealMetricSpec) {
  const fold = (s: DealMetricSpec) => dealMetrics.createdStats(db, s);
  return kept(db, spec, 'created', async () => (useRollups ? await dealRollups.createdStats(db, spec, fold) : null) ?? fold(spec));
}

/** Lost deals by quarter and reason category (win/loss), from the rollups when they answer it. */
export async function lostByQuarterAndReason(db: DbOrTx, spec: DealMetricSpec) {
  return (useRollups ? await dealRollups.lostByQuarterAndReason(db, spec) : null) ?? dealMetrics.lostByQuarterAndReason(db, spec);
}

/** Off only to compare the rollups with the fold side by side (rollup.test.ts, `npm run bench -- scorecard`). */
let useRollups = process.env.TANDEM_METRIC_ROLLUPS !== 'off';
export function setDealRollups(on: boolean) {
  useRollups = on;
  cache.clear();
}

export function isDealMetric(name: string): name is DealMetricName {
  return Object.hasOwn(COHORT, name);
}

export interface DealMetricQuery {
  workspaceId: string;
  from: string;
  to: string;
  filters: Omit<DealMetricFilters, 'competitive' | 'status' | 'extra'>;
  groupBy: MetricDimension | null;
  byAmount: boolean;
  fiscalYearStartMonth: number;
}

function specOf(name: DealMetricName, q: DealMetricQuery, grouped: boolean): DealMetricSpec {
  const c = COHORT[name];
  return {
    workspaceId: q.workspaceId,
    from: q.from,
    to: q.to,
    cohort: c.cohort,
    filters: { ...q.filters, ...c.filters() },
    groupBy: grouped ? q.groupBy : null,
    fiscalYearStartMonth: q.fiscalYearStartMonth,
  };
}

/** Computes the metric per group (or the total when `grouped` is false). */
export async function dealMetricValues(db: DbOrTx, name: DealMetricName, q: DealMetricQuery, grouped: boolean): Promise<MetricValue[]> {
  const spec = specOf(name, q, grouped);
  const label = (g: Group) => groupLabel(g, grouped ? q.groupBy : null, q.fiscalYearStartMonth);
  if (spec.cohort === 'closed') {
    const rows = await closedStats(db, spec, name === 'sales-cycle-days');
    return rows.map((r) => {
      const l = label(r);
      switch (name) {
        case 'average-deal-size': {
          const withAmount = r.won - r.wonWithoutAmount;
          return measure(l, withAmount ? round2(Number(r.wonAmount) / withAmount) : null, r.won, withAmount, r.wonWithoutAmount);
        }
        case 'sales-cycle-days':
          return measure(l, r.cycleMedian, r.won, r.cycleCount, r.wonWithoutAmount);
        default:
          return q.byAmount
            ? amountShare(l, Number(r.wonAmount), Number(r.closedAmount), r.closed, r.closedWithoutAmount)
            : proportion(l, r.won, r.closed, r.closedWithoutAmount);
      }
    });
  }
  const rows = await createdStats(db, spec);
  return rows.map((r) => {
    const l = label(r);
    if (name === 'stage-conversion') return proportion(l, r.createdWon, r.created, r.createdWithoutAmount);
    const withAmount = r.created - r.createdWithoutAmount;
    return measure(l, withAmount ? round2(Number(r.createdAmount)) : null, r.created, withAmount, r.createdWithoutAmount);
  });
}

/**
 * How many deals the records of one number list: the metric's own count, from the aggregate the metric reads (kept
 * until the deals change, from the rollups when they answer it; for the sales cycle the same counts without the
 * median), so the first page need not count every matching deal. Closed cohort: won and lost deals (`won` for a
 * numerator or a won-only metric); created cohort: every created deal (`createdWon` for stage conversion's
 * numerator); the group `key` picks that group's row (no row: 0).
 */
export async function dealRecordsTotal(db: DbOrTx, spec: DealMetricSpec, key: string | null | undefined, onlyWon: boolean): Promise<number> {
  const match = <T extends Group>(rows: T[]) => (key === undefined ? rows[0] : rows.find((r) => r.key === key));
  if (spec.cohort === 'closed') {
    // Counts only: the aggregate without the median cycle (its rollup read adds up edge days; the counts are the same).
    const row = match(await closedStats(db, spec, false));
    return row ? (onlyWon ? row.won : row.closed) : 0;
  }
  const row = match(await createdStats(db, spec));
  return row ? (onlyWon ? row.createdWon : row.created) : 0;
}

/** The deals behind one number, newest first by the metric's date; the total is the metric's own count. */
export async function dealMetricRecords(
  db: DbOrTx,
  name: DealMetricName,
  q: DealMetricQuery,
  opts: { key: string | null | undefined; numerator: boolean; after?: { date: string | null; id: string }; limit: number },
): Promise<{ items: MetricRecord[]; total: number; last: { date: string | null; id: string } | null }> {
  const c = COHORT[name];
  const spec = specOf(name, q, opts.key !== undefined);
  const onlyWon = Boolean(c.wonOnly || (opts.numerator && c.numeratorWon));
  const rows = await dealMetrics.records(db, spec, { key: opts.key, onlyWon, after: opts.after, limit: opts.limit });
  const total = await dealRecordsTotal(db, spec, opts.key, onlyWon);
  const date = (r: (typeof rows)[number]) => (c.cohort === 'closed' ? r.closeDate : (r.createdDate?.slice(0, 10) ?? null));
  const items = rows.map(
    (r): MetricRecord => ({
      kind: 'deal',
      id: r.id,
      title: r.name,
      context: r.accountName,
      status: r.stage,
      date: date(r),
      amount: r.amount,
      currency: r.currency,
      amountBase: r.amountBase,
      owner: r.owner,
      segment: r.segment,
      inNumerator: c.numeratorWon ? r.stageCategory === 'won' : true,
      measure: name === 'sales-cycle-days' ? r.cycleDays : null,
    }),
  );
  const lastRow = rows.at(-1);
  // The keyset is what the page is ordered by: the close date, or the created timestamp (several deals share a day).
  const key = (r: (typeof rows)[number]) => (c.cohort === 'closed' ? r.closeDate : r.createdDate);
  return { items, total, last: lastRow ? { date: key(lastRow), id: lastRow.id } : null };
}
