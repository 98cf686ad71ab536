/**
 * The capacity view: demand against the PMMs' capacity week by week, and the line — at today's order, the first open
 * request that will not be done by its date. It is the open queue (ordered, ranked and planned by queue/) seen from
 * the plan: every request with an estimate in queue order, where the plan puts it, and why in plain words.
 */
import type { CapacityQuery, CapacityView } from '@tandem/contracts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { openQueue, type OpenQueue } from '../queue/queue.ts';
import { settingsRepository } from '../settings/settings.repository.ts';

/** The view of a queue already built (its plan covering `queue.plan.weeks`). */
export function capacityViewOf(queue: OpenQueue, capacity: CapacityView['capacity']): CapacityView {
  const rows: CapacityView['rows'] = [];
  let unestimated = 0;
  for (const e of queue.entries) {
    if (!e.plan) {
      unestimated++;
      continue;
    }
    const r = e.row;
    rows.push({
      requestId: r.id,
      number: r.number,
      title: r.title,
      type: r.type as CapacityView['rows'][number]['type'],
      status: r.status,
      rank: e.rank,
      assignee: r.assigneeUserId ? { userId: r.assigneeUserId, name: r.assigneeName ?? 'Former member' } : null,
      remainingHours: r.estimateHours ?? 0,
      neededBy: r.neededBy,
      expectedDoneOn: e.plan.expectedDoneOn,
      belowLine: e.plan.belowLine,
      reason: e.plan.reason,
      requesters: r.requesterIds.map((userId, i) => ({ userId, name: r.requesterNames[i] ?? 'Former member' })),
    });
  }
  const line = rows.findIndex((r) => r.belowLine);
  return { weeks: queue.plan.weeks, rows, lineIndex: line === -1 ? null : line, unestimated, capacity };
}

export function createCapacityService(deps: Deps) {
  const { database } = deps;
  return {
    async get(ctx: TenantContext, query: CapacityQuery, now = new Date()): Promise<CapacityView> {
      return database.readTenant(ctx.workspaceId, async (db) => {
        const queue = await openQueue(db, ctx.workspaceId, now, { weeks: Number(query.weeks ?? 8) });
        const capacity = (await settingsRepository.capacity(db, ctx.workspaceId)).map((c) => ({ user: { userId: c.userId, name: c.name }, weeklyHours: Number(c.weeklyHours) }));
        return capacityViewOf(queue, capacity);
      });
    },
  };
}

export type CapacityService = ReturnType<typeof createCapacityService>;
