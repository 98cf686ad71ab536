/**
 * The open queue: every open request (new, triaged, in progress) scored by the engine with the workspace's weights,
 * ordered (pins first by pin time, then requests placed at a position, inserted there, then the rest by score, ties
 * by filing time), ranked, and planned against the PMMs' capacity (the line). One SQL statement reads the rows and
 * their aggregates (queue.repository.ts); scoring, ordering and the plan run here, in memory; the SLA clocks are
 * computed only for the requests a caller shows (`summaryOf`). S2's capacity view and bench use `openQueue`.
 */
import type { RequestSummary, RequestType } from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';
import { processCache } from '../../../lib/process-caches.ts';
import {
  capacityPlan,
  localDate,
  priorityScore,
  slaClock,
  type CapacityPlan,
  type CapacityPlanRequest,
  type PlanCapacity,
  type PriorityScore,
} from '../engine/index.ts';
import { readRequestSettings, type EffectiveRequestSettings } from '../settings/request-settings.ts';
import { queueRepository as repo, type QueueRow, type SummaryRow } from './queue.repository.ts';

export type { QueueRow, SummaryRow } from './queue.repository.ts';

/** What scoring and the SLA clocks need of the workspace, read once per call. */
export interface QueueContext {
  workspaceId: string;
  settings: EffectiveRequestSettings;
  currency: string;
  now: Date;
  /** The local date in the workspace calendar's time zone. */
  today: string;
}

export interface ScoredRow {
  row: SummaryRow;
  score: PriorityScore;
  /** Σ amount × probability over the linked open deals, base currency. */
  pipelineAtStake: number;
}

/** What ordering reads of a request. */
interface Orderable {
  row: Pick<QueueRow, 'id' | 'createdAt' | 'overrideKind' | 'overridePosition' | 'overrideAt'>;
  score: { total: number };
}

export interface QueueEntry {
  row: QueueRow;
  score: PriorityScore;
  pipelineAtStake: number;
  /** 1-based place in the open queue. */
  rank: number;
  /** Null when the request has no estimate (not planned). */
  plan: CapacityPlanRequest | null;
}

export interface OpenQueue {
  context: QueueContext;
  entries: QueueEntry[];
  byId: Map<string, QueueEntry>;
  plan: CapacityPlan;
  capacity: PlanCapacity[];
}

/** Weeks the queue's plan looks ahead (the capacity view asks for its own number of weeks). */
export const PLAN_WEEKS = 26;

export async function queueContext(db: DbOrTx, workspaceId: string, now: Date = new Date()): Promise<QueueContext> {
  // One after the other: `db` may be a transaction's single connection (pg warns of queries sent side by side).
  const settings = await readRequestSettings(db, workspaceId);
  const currency = await repo.baseCurrency(db, workspaceId);
  return { workspaceId, settings, currency, now, today: localDate(now, settings.calendar) };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The row's score with the workspace weights (linked open deals of all requesters, needed-by, reach, boost), part by part in words. */
export function scoreRow(row: SummaryRow, ctx: QueueContext, withDetail = true): ScoredRow {
  const openDeals = row.openAmounts.map((amountBase, i) => ({
    amountBase,
    probability: (row.openProbabilities[i] ?? 0) / 100,
    closeDate: row.openCloseDates[i] ?? null,
  }));
  const pipelineAtStake = round2(openDeals.reduce((s, d) => s + (d.amountBase ?? 0) * d.probability, 0));
  const score = priorityScore(
    {
      openDeals,
      neededBy: row.neededBy,
      today: ctx.today,
      requesterCount: row.requesterIds.length,
      accountCount: row.accountCount,
      strategicBoost: row.boostPoints,
      calendar: ctx.settings.calendar,
    },
    ctx.settings.weights,
    withDetail ? { currency: ctx.currency } : undefined,
  );
  return { row, score, pipelineAtStake };
}

/**
 * A queue row's score: the same engine call, its linked open deals folded by SQL into one deal worth their Σ amount ×
 * probability and closing on the nearest close date from today — all the pipeline and urgency parts read of them
 * (their details, which name amounts and counts, are written only for the requests shown: `summaryOf`).
 */
export function scoreQueueRow(row: QueueRow, ctx: QueueContext) {
  // The score is a pure function of these inputs: a request whose inputs did not change since the last call keeps
  // its score (the engine writes every part's words, which the queue does not show, for each request it scores).
  const key = `${scoreSettingsKey(ctx)}|${row.neededBy}|${row.openDeals}|${row.pricedOpenDeals}|${row.weightedPipeline}|${row.nearestClose}|${row.requesterIds.length}|${row.accountCount}|${row.boostPoints}`;
  const memo = SCORES.get(row.id);
  if (memo && memo.key === key) return { row, score: memo.score, pipelineAtStake: round2(row.weightedPipeline) };
  const openDeals =
    row.openDeals === 0 ? [] : [{ amountBase: row.pricedOpenDeals > 0 ? row.weightedPipeline : null, probability: 1, closeDate: row.nearestClose }];
  const score = priorityScore(
    {
      openDeals,
      neededBy: row.neededBy,
      today: ctx.today,
      requesterCount: row.requesterIds.length,
      accountCount: row.accountCount,
      strategicBoost: row.boostPoints,
      calendar: ctx.settings.calendar,
    },
    ctx.settings.weights,
  );
  if (SCORES.size >= MAX_MEMO) SCORES.clear();
  SCORES.set(row.id, { key, score });
  return { row, score, pipelineAtStake: round2(row.weightedPipeline) };
}

/** Scores by request id (ids are unique across workspaces), with the inputs they were computed from. */
const SCORES = processCache(new Map<string, { key: string; score: PriorityScore }>());
const MAX_MEMO = 200_000;
const SETTINGS_KEYS = new WeakMap<QueueContext, string>();
function scoreSettingsKey(ctx: QueueContext): string {
  let k = SETTINGS_KEYS.get(ctx);
  if (!k) {
    k = `${ctx.today}|${JSON.stringify(ctx.settings.weights)}|${JSON.stringify(ctx.settings.calendar)}`;
    SETTINGS_KEYS.set(ctx, k);
  }
  return k;
}

const byScore = (a: Orderable, b: Orderable) =>
  b.score.total - a.score.total || a.row.createdAt.getTime() - b.row.createdAt.getTime() || (a.row.id < b.row.id ? -1 : 1);
const time = (d: Date | null) => d?.getTime() ?? 0;

/**
 * Queue order: pinned requests first (earliest pin first), then the rest by score (ties: filed first); requests
 * placed at a position are then inserted at that 1-based position (lowest position first; never above a pin,
 * never past the end).
 */
export function orderQueue<T extends Orderable>(items: readonly T[]): T[] {
  const pinned = items.filter((x) => x.row.overrideKind === 'pin').sort((a, b) => time(a.row.overrideAt) - time(b.row.overrideAt) || byScore(a, b));
  const placed = items
    .filter((x) => x.row.overrideKind === 'position')
    .sort((a, b) => (a.row.overridePosition ?? 0) - (b.row.overridePosition ?? 0) || time(a.row.overrideAt) - time(b.row.overrideAt));
  const rest = items.filter((x) => x.row.overrideKind !== 'pin' && x.row.overrideKind !== 'position').sort(byScore);
  const out = [...pinned, ...rest];
  for (const x of placed) {
    const at = Math.min(Math.max((x.row.overridePosition ?? 1) - 1, pinned.length), out.length);
    out.splice(at, 0, x);
  }
  return out;
}

/**
 * Built queues kept per workspace, least recently used first out, each with the key it was built under: the
 * workspace's change stamps (read before the rows, so a queue is never older than its key), the workspace-local
 * date (urgency and the nearest close date count from it), the weights and calendar, the base currency and the
 * members' names. Decision 0013: a write — by this process or another — moves a stamp in its own transaction, so
 * the next read after it commits rebuilds; reads in between are served from memory. One build serves every plan
 * length asked for (the list plans 26 weeks, the capacity view 8): the rows are read, scored and ordered once.
 */
interface Kept {
  key: string;
  ordered: ScoredQueueRow[];
  capacity: PlanCapacity[];
  /** Planned queues by weeks, the few most recently asked for. */
  byWeeks: Map<number, OpenQueue>;
}
const BUILT = processCache(new Map<string, Kept>());
const MAX_BUILT = 32;
const MAX_PLANS = 4;

/** Forgets every built queue (tests that write behind the triggers' back, e.g. by truncating). */
export function forgetBuiltQueues(): void {
  BUILT.clear();
}

/** The open queue, ordered, ranked and planned. `weeks`: how far the plan looks ahead. */
export async function openQueue(db: DbOrTx, workspaceId: string, now: Date = new Date(), opts: { weeks?: number } = {}): Promise<OpenQueue> {
  const weeks = opts.weeks ?? PLAN_WEEKS;
  // One after the other (`db` may be a transaction's one connection); the stamps first, before anything they cover.
  const stamps = await repo.stamps(db, workspaceId);
  const context = await queueContext(db, workspaceId, now);
  const names = await repo.memberNames(db, workspaceId);
  let namesKey = '';
  for (const [id, name] of names) namesKey += `${id}=${name};`;
  const key = `${stamps.requests}|${stamps.deals}|${context.currency}|${scoreSettingsKey(context)}|${namesKey}`;
  let kept = BUILT.get(workspaceId);
  BUILT.delete(workspaceId);
  if (!kept || kept.key !== key) {
    const capacity = await repo.capacity(db, workspaceId);
    const rows = await repo.openRows(db, workspaceId, context.today, names);
    kept = { key, ordered: orderedRows(context, rows), capacity, byWeeks: new Map() };
  }
  BUILT.set(workspaceId, kept);
  if (BUILT.size > MAX_BUILT) BUILT.delete(BUILT.keys().next().value!);
  const planned = kept.byWeeks.get(weeks);
  kept.byWeeks.delete(weeks);
  const queue = planned ?? planQueue(context, kept.ordered, kept.capacity, weeks);
  kept.byWeeks.set(weeks, queue);
  if (kept.byWeeks.size > MAX_PLANS) kept.byWeeks.delete(kept.byWeeks.keys().next().value!);
  // The SLA clocks of the requests shown read `now` from the context: the fresh one, not the build's.
  return planned ? { ...queue, context } : queue;
}

type ScoredQueueRow = ReturnType<typeof scoreQueueRow>;

/** The rows scored and in queue order. */
function orderedRows(context: QueueContext, rows: readonly QueueRow[]): ScoredQueueRow[] {
  return orderQueue(rows.map((r) => scoreQueueRow(r, context)));
}

/** The queue from rows already read (tests and the bench call it directly). */
export function buildQueue(context: QueueContext, rows: readonly QueueRow[], capacity: PlanCapacity[], weeks = PLAN_WEEKS): OpenQueue {
  return planQueue(context, orderedRows(context, rows), capacity, weeks);
}

/** Ranks the ordered rows and plans them against the capacity for `weeks`. */
function planQueue(context: QueueContext, ordered: readonly ScoredQueueRow[], capacity: PlanCapacity[], weeks: number): OpenQueue {
  const estimated = ordered.filter((x) => x.row.estimateHours !== null && x.row.estimateHours > 0);
  const plan = capacityPlan({
    requests: estimated.map((x) => ({ id: x.row.id, assigneeId: x.row.assigneeUserId, remainingHours: x.row.estimateHours!, neededBy: x.row.neededBy })),
    capacity,
    calendar: context.settings.calendar,
    today: context.today,
    weeks,
  });
  const planById = new Map(plan.requests.map((p) => [p.id, p]));
  const entries = ordered.map((x, i): QueueEntry => ({ ...x, rank: i + 1, plan: planById.get(x.row.id) ?? null }));
  return { context, entries, byId: new Map(entries.map((e) => [e.row.id, e])), plan, capacity };
}

/**
 * The summary every list shows: score (with its plain-words details), SLA clocks, rank and plan when open.
 * `entry`: the request's place in the open queue, if it is open.
 */
export function summaryOf(row: SummaryRow, ctx: QueueContext, entry?: Pick<QueueEntry, 'rank' | 'plan'> | null): RequestSummary {
  const scored = scoreRow(row, ctx, true);
  const targets = ctx.settings.targets[row.type as RequestType];
  const clock = slaClock({
    createdAt: row.createdAt,
    firstRespondedAt: row.firstRespondedAt,
    deliveredAt: row.deliveredAt ?? row.closedAt,
    targets,
    now: ctx.now,
    calendar: ctx.settings.calendar,
    dueSoonFraction: ctx.settings.dueSoonFraction,
  });
  const person = (userId: string | null, name: string | null) => (userId ? { userId, name: name ?? 'Former member' } : null);
  return {
    id: row.id,
    number: row.number,
    type: row.type as RequestType,
    title: row.title,
    status: row.status as RequestSummary['status'],
    requesters: row.requesterIds.map((userId, i) => ({ userId, name: row.requesterNames[i] ?? 'Former member' })),
    assignee: person(row.assigneeUserId, row.assigneeName),
    neededBy: row.neededBy,
    estimateHours: row.estimateHours,
    dealCount: row.dealCount,
    accountCount: row.accountCount,
    pipelineAtStake: scored.pipelineAtStake,
    currency: ctx.currency,
    score: scored.score,
    rank: entry?.rank ?? null,
    override:
      row.overrideKind && row.overrideAt
        ? {
            kind: row.overrideKind,
            position: row.overrideKind === 'position' ? row.overridePosition : null,
            reason: row.overrideReason ?? '',
            by: person(row.overrideByUserId, row.overrideByName),
            at: row.overrideAt.toISOString(),
          }
        : null,
    sla: {
      firstResponseDueAt: clock.firstResponseDueAt.toISOString(),
      deliveryDueAt: clock.deliveryDueAt.toISOString(),
      state: clock.state,
      firstResponse: clock.firstResponse,
      delivery: clock.delivery,
    },
    plan: entry?.plan ? { expectedDoneOn: entry.plan.expectedDoneOn, belowLine: entry.plan.belowLine, reason: entry.plan.reason } : null,
    commentCount: row.commentCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
