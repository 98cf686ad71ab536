/**
 * Evaluating key results: each metric result's total over the goal's period so far (period start → min(today,
 * period end)) from the catalogue, each manual result's last check-in value; the status against the straight path;
 * today's snapshot (one per key result per workspace-local day, upserted); the goal's status as the worst of its
 * results. A goal whose status changed tells its owners (`goal.status_changed`) and is audited, in the transaction
 * that writes it, with the goal row locked so two evaluations at once tell once.
 */
import { DateTime } from 'luxon';
import type { GoalPerson, GoalStatus } from '@tandem/contracts';
import { SYSTEM_ACTOR, type Actor, type TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { tellOwners } from '../goals.events.ts';
import type { MetricTotal, MetricsPort } from './metrics-port.ts';
import { objectivesRepository as repo, type GoalRow, type KeyResultRow } from './objectives.repository.ts';
import { goalStatus, keyResultStatus } from './status.ts';

/** A computed value older than this is evaluated again when read. */
export const STALE_MS = 15 * 60_000;

/** The workspace-local day of an instant. */
export const localDay = (at: Date, timeZone: string) => DateTime.fromJSDate(at, { zone: timeZone }).toISODate() ?? at.toISOString().slice(0, 10);

const NO_VALUE: MetricTotal = { value: null, numerator: null, denominator: null, noData: true };

export function systemContext(workspaceId: string, slug: string): TenantContext {
  return { workspaceId, slug, role: 'admin', actor: SYSTEM_ACTOR };
}

export interface EvaluateOptions {
  now?: Date;
  /** Evaluate only results whose value is stale (reads); all of them otherwise (writes, the daily job). */
  onlyStale?: boolean;
  /** Tell the owners when a goal's status changes (not on creation). */
  notify?: boolean;
  /** Who caused it: told-list leaves them out; the audit names them (the system for reads and the job). */
  actor?: Actor;
}

export function isStale(kr: KeyResultRow, goal: GoalRow, now: Date, timeZone: string): boolean {
  if (!kr.evaluatedAt) return true;
  // Once evaluated after the period's last day, the value is final.
  if (localDay(kr.evaluatedAt, timeZone) > goal.periodEnd) return false;
  return now.getTime() - kr.evaluatedAt.getTime() > STALE_MS || localDay(kr.evaluatedAt, timeZone) !== localDay(now, timeZone);
}

export function createEvaluator(deps: Pick<Deps, 'database' | 'emit' | 'audit' | 'log'>, metrics: MetricsPort) {
  async function metricTotal(ctx: TenantContext, goal: GoalRow, kr: KeyResultRow, today: string): Promise<MetricTotal> {
    if (kr.kind !== 'metric' || !kr.metric || today < goal.periodStart) return NO_VALUE;
    const filters = Object.fromEntries(Object.entries(kr.filters).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]));
    try {
      const { total } = await metrics.evaluateMetric(ctx, {
        metric: kr.metric,
        from: goal.periodStart,
        to: today < goal.periodEnd ? today : goal.periodEnd,
        filters,
        byAmount: kr.byAmount,
      });
      return total;
    } catch (err) {
      // A metric the catalogue no longer answers reads as no data; the others still evaluate.
      deps.log.warn({ err, keyResultId: kr.id, metric: kr.metric }, 'goal key result: metric evaluation failed');
      return NO_VALUE;
    }
  }

  /**
   * Evaluates the goals' key results and writes values, statuses and today's snapshots. Answers the people told
   * of a status change, by goal.
   */
  async function evaluateGoals(ctx: TenantContext, goalIds: readonly string[], opts: EvaluateOptions = {}): Promise<GoalPerson[]> {
    if (!goalIds.length) return [];
    const now = opts.now ?? new Date();
    const ws = await deps.database.readTenant(ctx.workspaceId, (db) => repo.workspace(db, ctx.workspaceId));
    if (!ws) return [];
    const today = localDay(now, ws.timeZone);
    const [goalRows, krRows] = await deps.database.readTenant(ctx.workspaceId, async (db) => {
      const gs = [];
      for (const id of goalIds) {
        const g = await repo.goalById(db, ctx.workspaceId, id);
        if (g) gs.push(g);
      }
      return [gs, await repo.keyResultsOf(db, ctx.workspaceId, gs.map((g) => g.id))] as const;
    });
    const goalById = new Map(goalRows.map((g) => [g.id, g]));
    const due = krRows.filter((kr) => !opts.onlyStale || isStale(kr, goalById.get(kr.goalId)!, now, ws.timeZone));
    if (!due.length && opts.onlyStale) return [];
    // The catalogue's numbers first, outside the write transaction (they read other modules' tables).
    const totals = new Map<string, MetricTotal>();
    for (const kr of due) if (kr.kind === 'metric') totals.set(kr.id, await metricTotal(ctx, goalById.get(kr.goalId)!, kr, today));

    const told: GoalPerson[] = [];
    const touched = [...new Set([...due.map((kr) => kr.goalId), ...(opts.onlyStale ? [] : goalRows.map((g) => g.id))])];
    for (const goalId of touched) {
      const people = await deps.database.withTenant(ctx.workspaceId, async (tx) => {
        const goal = await repo.goalById(tx, ctx.workspaceId, goalId, true);
        if (!goal) return [];
        const krs = await repo.keyResultsOf(tx, ctx.workspaceId, [goalId]);
        const statuses: GoalStatus[] = [];
        const snapshots = [];
        for (const kr of krs) {
          if (!due.some((d) => d.id === kr.id)) {
            statuses.push(kr.status);
            continue;
          }
          const checkedIn = kr.kind === 'manual' ? await repo.latestCheckinValue(tx, ctx.workspaceId, kr.id) : null;
          const total = kr.kind === 'metric' ? (totals.get(kr.id) ?? NO_VALUE) : { ...NO_VALUE, value: checkedIn, noData: checkedIn === null };
          const value = total.noData ? null : total.value;
          const { status } = keyResultStatus({
            baseline: Number(kr.baseline),
            target: Number(kr.target),
            value: today < goal.periodStart ? null : value,
            start: goal.periodStart,
            end: goal.periodEnd,
            today,
          });
          statuses.push(status);
          await repo.updateKeyResult(tx, ctx.workspaceId, kr.id, {
            currentValue: repo.num(value),
            status,
            evaluatedAt: now,
            ...(status !== kr.status ? { statusChangedAt: now } : {}),
          });
          if (today >= goal.periodStart && today <= goal.periodEnd)
            snapshots.push({
              workspaceId: ctx.workspaceId,
              keyResultId: kr.id,
              day: today,
              value: repo.num(value),
              numerator: repo.num(total.numerator),
              denominator: repo.num(total.denominator),
              status,
              takenAt: now,
            });
        }
        await repo.upsertSnapshots(tx, snapshots);
        const next = goalStatus(statuses);
        if (next === goal.status) return [];
        await repo.updateGoal(tx, ctx.workspaceId, goal.id, { status: next });
        if (!opts.notify) return [];
        const actor = opts.actor ?? SYSTEM_ACTOR;
        await deps.audit(tx, ctx.workspaceId, actor, {
          action: 'goal.status_changed',
          targetType: 'goal',
          targetId: goal.id,
          targetLabel: goal.title,
          details: { from: goal.status, to: next },
        });
        return tellOwners(deps, tx, ctx.workspaceId, actor, goal, goal.status, next);
      });
      told.push(...people);
    }
    return told;
  }

  /** A metric key result's total over the goal's period up to `day` (the demo's history; no data for manual results). */
  const valueOn = (ctx: TenantContext, goal: GoalRow, kr: KeyResultRow, day: string) => metricTotal(ctx, goal, kr, day);

  return { evaluateGoals, valueOn };
}

export type Evaluator = ReturnType<typeof createEvaluator>;
