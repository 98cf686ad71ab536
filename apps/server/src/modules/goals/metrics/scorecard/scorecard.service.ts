/**
 * The CRO scorecard for one fiscal quarter: key metrics with a sparkline of recent quarters and the change against
 * the previous one, open pipeline by stage, win rate by segment and against each competitor (with intervals), the
 * feedback themes with the most revenue at stake, and the requests past their SLA. Goals at a glance come from the
 * goals API (the web app puts them side by side).
 */
import { fiscalQuarterOf, parseFiscalLabel, shiftFiscalQuarter, type MetricName, type Scorecard, type ScorecardQuery } from '@tandem/contracts';
import { readChangeStamps } from '../../../../db/change-stamps.ts';
import type { DbOrTx } from '../../../../db/database.ts';
import type { TenantContext } from '../../../../lib/context.ts';
import type { Deps } from '../../../../lib/deps.ts';
import { dealMetrics } from '../../../deals/index.ts';
import { feedbackMetrics } from '../../../feedback/index.ts';
import { requestsBreachingSla } from '../../../requests/index.ts';
import { metricDefinition } from '../catalogue.ts';
import { keptAnswers } from '../kept.ts';
import { MetricsErrors } from '../metrics.errors.ts';
import { evaluateIn, metricWorkspace } from '../metrics.service.ts';
import { todayIn, type MetricWorkspace } from '../period.ts';

/** The key metrics, in the order the scorecard shows them. */
export const KEY_METRICS: readonly MetricName[] = [
  'win-rate',
  'pipeline-created',
  'average-deal-size',
  'sales-cycle-days',
  'feedback-response-rate',
  'request-sla-attainment',
];

const TOP_THEMES = 5;
const BREACHES_SHOWN = 10;

/**
 * Parts of a scorecard that read neither deals nor the clock's day kept apart, under what they read: after a deal
 * write (a CRM sync) the feedback and request series are not computed again (decision 0021).
 */
const parts = keptAnswers(256);
function keptPart<T>(key: unknown[] | null, compute: () => Promise<T>): Promise<T> {
  return key ? parts.get(JSON.stringify(key), compute) : compute();
}

/** What a scorecard's parts read besides deals: the requests and theme-deals stamps, the feedback fingerprint, the SLA time slot. */
export interface ScorecardInputs {
  requests: number;
  /** Moves with every write to a deal that feedback is about (directly or through its account): the themes' revenue. */
  themeDeals: number;
  feedback: string;
  slot: number;
}

/** The key a key metric's series is kept under, or null when it reads deals (kept by the deal aggregates' own cache). */
function partKey(ctx: TenantContext, ws: MetricWorkspace, name: MetricName, from: string, asOf: string, inputs: ScorecardInputs | undefined): unknown[] | null {
  if (!inputs) return null;
  const def = metricDefinition(name, ws.baseCurrency);
  if (def.records === 'feedback' || def.records === 'theme') return [ctx.workspaceId, name, ws, from, asOf, inputs.feedback];
  if (def.records === 'request') return [ctx.workspaceId, name, ws, from, asOf, inputs.requests, inputs.slot];
  return null;
}

async function keyMetric(db: DbOrTx, ctx: TenantContext, ws: MetricWorkspace, name: MetricName, from: string, asOf: string, now: Date, inputs?: ScorecardInputs) {
  return keptPart(partKey(ctx, ws, name, from, asOf, inputs), () => computeKeyMetric(db, ctx, ws, name, from, asOf, now));
}

async function computeKeyMetric(db: DbOrTx, ctx: TenantContext, ws: MetricWorkspace, name: MetricName, from: string, asOf: string, now: Date) {
  const def = metricDefinition(name, ws.baseCurrency);
  const periodic = def.groupBy.includes('period');
  let series;
  if (periodic) {
    series = (await evaluateIn(db, ctx, ws, { metric: name, from, to: asOf, groupBy: 'period' }, now)).items;
  } else {
    // Metrics without a period grouping (requests): one evaluation per quarter.
    series = [];
    for (let q = fiscalQuarterOf(from, ws.fiscalYearStartMonth); q.start <= asOf; q = shiftFiscalQuarter(q, 1, ws.fiscalYearStartMonth)) {
      const r = await evaluateIn(db, ctx, ws, { metric: name, from: q.start, to: q.end < asOf ? q.end : asOf }, now);
      series.push({ ...r.total, key: q.start, label: q.label });
    }
  }
  const current = series.at(-1)!;
  const previous = series.at(-2)!;
  const change = current.value === null || previous.value === null ? null : current.value - previous.value;
  return {
    metric: name,
    title: def.title,
    kind: def.kind,
    unit: def.unit,
    higherIsBetter: def.higherIsBetter,
    current,
    previous,
    change,
    series: series.map((p) => {
      const q = fiscalQuarterOf(p.key, ws.fiscalYearStartMonth);
      return { period: { label: q.label, start: q.start, end: q.end }, value: p.value, count: p.count, noData: p.noData };
    }),
  };
}

/**
 * Runs a part of the scorecard on a connection: the service's runner takes a pooled tenant read per part; a caller
 * holding one connection (a transaction) runs the parts on it one after another. Every statement has its own snapshot
 * either way (tenant reads are not one transaction), so running parts side by side changes no number.
 */
export type PartRunner = <T>(part: (db: DbOrTx) => Promise<T>) => Promise<T>;

/** Parts of one scorecard run side by side on at most this many connections (the read pool has 10; 2 cores). */
const LANES = 4;

/** Runs the tasks on `lanes` lanes, each lane taking the next task when it is done; results in the tasks' order. */
async function inLanes<T>(tasks: (() => Promise<T>)[], lanes: number): Promise<T[]> {
  const out = new Array<T>(tasks.length);
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, tasks.length) }, lane));
  return out;
}

/**
 * The scorecard; `run` gives each part its connection, `lanes` how many parts run at once (1: one after another, as on
 * a transaction's single connection).
 */
export async function scorecardIn(
  run: PartRunner,
  ctx: TenantContext,
  query: ScorecardQuery,
  now = new Date(),
  inputs?: ScorecardInputs,
  opts: { ws?: MetricWorkspace; lanes?: number } = {},
): Promise<Scorecard> {
  const ws = opts.ws ?? (await run((db) => metricWorkspace(db, ctx.workspaceId)));
  const today = todayIn(ws.timeZone, now);
  const period = query.period ? parseFiscalLabel(query.period, ws.fiscalYearStartMonth) : fiscalQuarterOf(today, ws.fiscalYearStartMonth);
  if (!period) throw MetricsErrors.invalidField('query.period', `not a fiscal quarter: ${query.period}`);
  const asOf = period.end < today ? period.end : today;
  if (period.start > today) throw MetricsErrors.invalidField('query.period', `${period.label} has not started yet (it starts on ${period.start})`);
  const previous = shiftFiscalQuarter(period, -1, ws.fiscalYearStartMonth);
  const first = shiftFiscalQuarter(period, -(query.periods - 1), ws.fiscalYearStartMonth);
  // The parts read nothing of each other: side by side on their own connections when the caller gives lanes (the
  // slowest first, so it does not start last), else one after another.
  const themesPart = () =>
    run((c) =>
      keptPart(inputs ? [ctx.workspaceId, 'themes', inputs.feedback, inputs.themeDeals] : null, () => feedbackMetrics.topThemesByRevenue(c, ctx.workspaceId, TOP_THEMES)),
    );
  const tasks: (() => Promise<unknown>)[] = [
    themesPart,
    () => run((c) => dealMetrics.pipelineByStage(c, ctx.workspaceId)),
    () => run((c) => evaluateIn(c, ctx, ws, { metric: 'win-rate', from: period.start, to: asOf, groupBy: 'segment' }, now)),
    () => run((c) => evaluateIn(c, ctx, ws, { metric: 'win-rate-vs-competitor', from: period.start, to: asOf, groupBy: 'competitor' }, now)),
    () => run((c) => keptPart(inputs ? [ctx.workspaceId, 'breaches', inputs.requests, inputs.slot] : null, () => requestsBreachingSla(c, ctx.workspaceId, now))),
    ...KEY_METRICS.map((name) => () => run((c) => keyMetric(c, ctx, ws, name, first.start, asOf, now, inputs))),
  ];
  const [themes, pipeline, bySegment, byCompetitor, breaches, ...keyMetrics] = (await inLanes(tasks, opts.lanes ?? 1)) as [
    Awaited<ReturnType<typeof feedbackMetrics.topThemesByRevenue>>,
    Awaited<ReturnType<typeof dealMetrics.pipelineByStage>>,
    Awaited<ReturnType<typeof evaluateIn>>,
    Awaited<ReturnType<typeof evaluateIn>>,
    Awaited<ReturnType<typeof requestsBreachingSla>>,
    ...Awaited<ReturnType<typeof keyMetric>>[],
  ];
  return {
    period: { label: period.label, start: period.start, end: period.end },
    previousPeriod: { label: previous.label, start: previous.start, end: previous.end },
    asOf,
    baseCurrency: ws.baseCurrency,
    keyMetrics,
    pipelineByStage: pipeline.map((p) => ({ stage: p.stage, count: p.count, amount: p.amount, withoutAmount: p.withoutAmount })),
    winRateBySegment: bySegment.items,
    winRateByCompetitor: byCompetitor.items,
    topThemes: themes.map((t) => ({
      id: t.id,
      name: t.name,
      status: t.status,
      items: t.items,
      openPipeline: t.openPipeline,
      openDeals: t.openDeals,
      lostRevenue: t.lostRevenue,
      lostDeals: t.lostDeals,
      revenueAtStake: t.atStake.toFixed(4),
    })),
    requestsBreachingSla: {
      count: breaches.length,
      items: breaches.slice(0, BREACHES_SHOWN).map((b) => ({ id: b.id, title: b.title, type: b.type, status: 'open', dueAt: b.dueAt.toISOString(), requester: null })),
    },
  };
}

/** Answers kept per workspace and query while nothing they read has changed (decision 0016); at most this many. */
const KEPT = 64;
/** Open requests cross their SLA as time passes: a kept answer is at most this old (the SLA watcher's own pace). */
const SLA_SLOT_MS = 5 * 60_000;

export function createScorecardService(deps: Pick<Deps, 'database'>) {
  const kept = new Map<string, Scorecard>();
  return {
    async get(ctx: TenantContext, query: ScorecardQuery, now = new Date()): Promise<Scorecard> {
      // Each read on a pooled connection of its own, none held while another is awaited (a request holding one while
      // waiting for more could starve the pool under load).
      const run: PartRunner = (part) => deps.database.readTenant(ctx.workspaceId, part);
      // The deals and requests change stamps move with every write (in the writing statement); the theme-deals stamp
      // with every write to a deal some feedback is about (migration 0022); feedback's fingerprint with every item or
      // theme change; the time slot with the clock. The workspace's settings are read anyway.
      const [stamps, feedback, ws] = await Promise.all([
        run((db) => readChangeStamps(db, ctx.workspaceId, ['deals', 'requests', 'theme-deals'])),
        run((db) => feedbackMetrics.fingerprint(db, ctx.workspaceId)),
        run((db) => metricWorkspace(db, ctx.workspaceId)),
      ]);
      const slot = Math.floor(now.getTime() / SLA_SLOT_MS);
      const key = JSON.stringify([ctx.workspaceId, query, stamps, feedback, ws, slot]);
      const hit = kept.get(key);
      if (hit) {
        kept.delete(key);
        kept.set(key, hit);
        return hit;
      }
      const answer = await scorecardIn(run, ctx, query, now, { requests: stamps.requests, themeDeals: stamps['theme-deals'], feedback, slot }, { ws, lanes: LANES });
      kept.set(key, answer);
      if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
      return answer;
    },
  };
}

export type ScorecardService = ReturnType<typeof createScorecardService>;
