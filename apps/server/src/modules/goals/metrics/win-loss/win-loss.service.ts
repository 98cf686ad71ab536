/**
 * Win/loss over a period: won and lost revenue by the lost deals' reason category, by competitor and by segment,
 * quarter by quarter; the feedback themes logged on the lost deals of each reason; and, of the losses with a stated
 * reason, the share where price was the reason against the share where a product gap was.
 */
import {
  LOSS_REASON_CATEGORIES,
  LOSS_REASON_LABELS,
  fiscalYearOf,
  fiscalQuarter,
  type LossReasonCategory,
  type MetricValue,
  type WinLoss,
  type WinLossCell,
  type WinLossQuery,
} from '@tandem/contracts';
import type { DbOrTx } from '../../../../db/database.ts';
import type { TenantContext } from '../../../../lib/context.ts';
import type { Deps } from '../../../../lib/deps.ts';
import { readChangeStamps } from '../../../../db/change-stamps.ts';
import { dealMetrics, type ClosedStats, type DealMetricSpec } from '../../../deals/index.ts';
import { feedbackMetrics } from '../../../feedback/index.ts';
import { closedStats, lostByQuarterAndReason } from '../deal-family.ts';
import { keptAnswers } from '../kept.ts';
import { metricWorkspace } from '../metrics.service.ts';
import { quartersBetween, resolvePeriod, todayIn } from '../period.ts';
import { groupLabel, proportion } from '../values.ts';

const THEMES_PER_REASON = 5;
type Reason = LossReasonCategory | 'unstated';

const cell = (count: number, amount: number, withoutAmount: number): WinLossCell => ({ count, amount: amount.toFixed(4), withoutAmount });
const addCell = (a: WinLossCell, b: WinLossCell): WinLossCell => cell(a.count + b.count, Number(a.amount) + Number(b.amount), a.withoutAmount + b.withoutAmount);
const EMPTY = cell(0, 0, 0);

function wonLost(r: ClosedStats) {
  return {
    won: cell(r.won, Number(r.wonAmount), r.wonWithoutAmount),
    lost: cell(r.closed - r.won, Number(r.closedAmount) - Number(r.wonAmount), r.closedWithoutAmount - r.wonWithoutAmount),
  };
}

function groups(rows: ClosedStats[], dim: 'competitor' | 'segment', startMonth: number) {
  return rows
    .map((r) => {
      const l = groupLabel(r, dim, startMonth);
      return { ...l, ...wonLost(r), winRate: proportion(l, r.won, r.closed, r.closedWithoutAmount) };
    })
    .sort((a, b) => b.won.count + b.lost.count - (a.won.count + a.lost.count) || a.label.localeCompare(b.label));
}

/**
 * The feedback themes behind each loss reason, kept apart: they read feedback and the lost deals that feedback is
 * about, so the key is the feedback fingerprint and the theme-deals stamp (moved by every write to such a deal,
 * migration 0022) — a write to any other deal does not recompute them. Not kept when a filter reads another table
 * (a segment: accounts; a team: its members), whose changes move neither.
 */
const keptThemes = keptAnswers(64);

/** What win/loss's kept reason themes are keyed by besides the query (the service reads them). */
export interface WinLossInputs {
  feedback: string;
  themeDeals: number;
}

async function reasonThemes(db: DbOrTx, spec: DealMetricSpec, inputs: WinLossInputs | undefined) {
  const compute = () => feedbackMetrics.reasonThemes(db, spec.workspaceId, dealMetrics.lostDealsQuery(spec), THEMES_PER_REASON);
  if (!inputs || spec.filters.segment || spec.filters.team) return compute();
  return keptThemes.get(JSON.stringify([spec, inputs.feedback, inputs.themeDeals]), compute);
}

/** Runs a part on a connection: the service gives each part a pooled tenant read; one connection runs them in turn. */
type PartRunner = <T>(part: (db: DbOrTx) => Promise<T>) => Promise<T>;

export async function winLossIn(run: PartRunner, ctx: TenantContext, query: WinLossQuery, now = new Date(), inputs?: WinLossInputs): Promise<WinLoss> {
  const ws = await run((db) => metricWorkspace(db, ctx.workspaceId));
  const sm = ws.fiscalYearStartMonth;
  // Default: the fiscal year to date.
  const yearStart = fiscalQuarter(fiscalYearOf(todayIn(ws.timeZone, now), sm), 1, sm).start;
  const { from, to } = resolvePeriod({ from: query.from ?? (query.to ? undefined : yearStart), to: query.to }, ws, now);
  const { segment, product, owner, team, competitor } = query;
  const spec: DealMetricSpec = { workspaceId: ctx.workspaceId, from, to, cohort: 'closed', filters: { segment, product, owner, team, competitor }, fiscalYearStartMonth: sm };
  // Side by side, each on its own connection (the service's runner); every statement has its own snapshot either way.
  const [[all], byCompetitor, bySegment, byQuarter, lostCells, themes] = await Promise.all([
    run((db) => closedStats(db, spec, false)),
    run((db) => closedStats(db, { ...spec, groupBy: 'competitor' }, false)),
    run((db) => closedStats(db, { ...spec, groupBy: 'segment' }, false)),
    run((db) => closedStats(db, { ...spec, groupBy: 'period' }, false)),
    run((db) => lostByQuarterAndReason(db, spec)),
    run((db) => reasonThemes(db, spec, inputs)),
  ]);

  const totals = all ? wonLost(all) : { won: EMPTY, lost: EMPTY };
  const reasons: Reason[] = [...LOSS_REASON_CATEGORIES, 'unstated'];
  const lostByReason = new Map<Reason, WinLossCell>(reasons.map((r) => [r, EMPTY]));
  for (const c of lostCells) {
    const r = (c.category ?? 'unstated') as Reason;
    lostByReason.set(r, addCell(lostByReason.get(r)!, cell(c.count, Number(c.amount), c.withoutAmount)));
  }
  const lostCount = totals.lost.count;
  const stated = lostCount - lostByReason.get('unstated')!.count;
  const share = (r: Reason, of: number): MetricValue => proportion({ key: r, label: r === 'unstated' ? 'Unstated' : LOSS_REASON_LABELS[r] }, lostByReason.get(r)!.count, of);

  const quarterRows = new Map(byQuarter.map((r) => [r.key, r]));
  const overTime = quartersBetween(from, to, sm).map((q) => {
    const r = quarterRows.get(q.start);
    const perReason: Record<string, WinLossCell> = {};
    for (const c of lostCells.filter((x) => x.quarter === q.start)) perReason[c.category ?? 'unstated'] = cell(c.count, Number(c.amount), c.withoutAmount);
    return { label: q.label, start: q.start, end: q.end, ...(r ? wonLost(r) : { won: EMPTY, lost: EMPTY }), lostByReason: perReason };
  });

  return {
    from,
    to,
    baseCurrency: ws.baseCurrency,
    won: totals.won,
    lost: totals.lost,
    byReason: reasons.map((r) => ({
      category: r,
      label: r === 'unstated' ? 'Unstated' : LOSS_REASON_LABELS[r],
      lost: lostByReason.get(r)!,
      share: share(r, lostCount),
      themes: themes.filter((t) => t.category === r).map((t) => ({ id: t.id, name: t.name, items: t.items, deals: t.deals })),
    })),
    byCompetitor: groups(byCompetitor, 'competitor', sm),
    bySegment: groups(bySegment, 'segment', sm),
    overTime,
    priceVsProductGap: { statedLosses: stated, price: share('price', stated), productGap: share('product_gap', stated) },
  };
}

/** Answers kept per workspace and query while deals and feedback are unchanged (decision 0016); at most this many. */
const KEPT = 64;

export function createWinLossService(deps: Pick<Deps, 'database'>) {
  const kept = new Map<string, WinLoss>();
  return {
    async get(ctx: TenantContext, query: WinLossQuery, now = new Date()): Promise<WinLoss> {
      // Each read on a pooled connection of its own, none held while another is awaited.
      const run: PartRunner = (part) => deps.database.readTenant(ctx.workspaceId, part);
      // The deals stamp moves with every deal write, the theme-deals stamp with writes to deals feedback is about; the
      // feedback fingerprint with items and themes; the day with the clock.
      const [stamps, feedback, ws] = await Promise.all([
        run((db) => readChangeStamps(db, ctx.workspaceId, ['deals', 'theme-deals'])),
        run((db) => feedbackMetrics.fingerprint(db, ctx.workspaceId)),
        run((db) => metricWorkspace(db, ctx.workspaceId)),
      ]);
      const key = JSON.stringify([ctx.workspaceId, query, stamps.deals, feedback, ws, todayIn(ws.timeZone, now)]);
      const hit = kept.get(key);
      if (hit) {
        kept.delete(key);
        kept.set(key, hit);
        return hit;
      }
      const answer = await winLossIn(run, ctx, query, now, { feedback, themeDeals: stamps['theme-deals'] });
      kept.set(key, answer);
      if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
      return answer;
    },
  };
}

export type WinLossService = ReturnType<typeof createWinLossService>;
