/**
 * The admins' delivery log: every email, Slack and webhook delivery with its
 * attempts, and the two things an admin can do about one (retry, discard).
 */
import type { Delivery, DeliveryDetail, DeliveryList, DeliveryListQuery, EventType } from '@tandem/contracts';
import type { Tx } from '../../../db/database.ts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { decodeTimeCursor, page } from '../../../lib/pagination.ts';
import { QUEUES, type JobQueue } from '../delivery/jobs.ts';
import { NotificationsErrors as E } from '../notifications.errors.ts';
import { outboxRepository as repo, type DeliveryRow } from '../outbox/outbox.repository.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toDelivery(d: DeliveryRow): Delivery {
  return {
    id: d.id,
    eventId: d.eventId,
    eventType: d.eventType as EventType,
    channel: d.channel,
    target: d.target,
    targetId: d.targetId,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: iso(d.nextAttemptAt),
    lastError: d.lastError,
    lastStatusCode: d.lastStatusCode,
    createdAt: d.createdAt.toISOString(),
    deliveredAt: iso(d.deliveredAt),
  };
}

export type DeliveriesService = ReturnType<typeof createDeliveriesService>;

export function createDeliveriesService(deps: Deps) {
  const tenant = <T>(ctx: TenantContext, fn: (tx: Tx) => Promise<T>) => deps.database.withTenant(ctx.workspaceId, fn);
  /** Where retries are queued: the in-process workers' queue, or a send-only one (set at start). */
  let jobs: Pick<JobQueue, 'send'> | undefined;

  return {
    useJobs(queue: Pick<JobQueue, 'send'> | undefined) {
      jobs = queue;
    },

    async deliveries(ctx: TenantContext, q: DeliveryListQuery): Promise<DeliveryList> {
      return tenant(ctx, async (tx) => {
        const { rows, total, counts } = await repo.listDeliveries(tx, ctx.workspaceId, { ...q, after: decodeTimeCursor(q.cursor) });
        const { items, nextCursor } = page(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
        const byStatus: Record<DeliveryRow['status'], number> = { pending: 0, delivered: 0, failed: 0, dead: 0, discarded: 0 };
        for (const c of counts) byStatus[c.status] = c.n;
        return { items: items.map(toDelivery), nextCursor, total, counts: byStatus };
      });
    },

    async delivery(ctx: TenantContext, id: string): Promise<DeliveryDetail> {
      return tenant(ctx, async (tx) => {
        const d = await repo.getDelivery(tx, ctx.workspaceId, id);
        if (!d) throw E.deliveryNotFound(id);
        const attempts = await repo.attempts(tx, ctx.workspaceId, id);
        return {
          ...toDelivery(d),
          attemptLog: attempts.map((a) => ({ attempt: a.attempt, at: a.at.toISOString(), durationMs: a.durationMs, statusCode: a.statusCode, error: a.error })),
        };
      });
    },

    /** One more try now (a redelivery when it was delivered): the same event id, so the receiver can tell. */
    async retry(ctx: TenantContext, id: string): Promise<Delivery> {
      return tenant(ctx, async (tx) => {
        const d = await repo.getDelivery(tx, ctx.workspaceId, id);
        if (!d) throw E.deliveryNotFound(id);
        if (d.status === 'pending' && d.channel !== 'digest') throw E.deliveryPending(id);
        const updated = await repo.updateDelivery(tx, ctx.workspaceId, id, { status: 'pending', nextAttemptAt: new Date() });
        await deps.audit(tx, ctx.workspaceId, ctx.actor, { action: 'delivery.retried', targetType: 'delivery', targetId: id, targetLabel: `${d.channel} ${d.target}`, details: { previousStatus: d.status } });
        // Queued now when this process has the job queue; otherwise the workers' sweep queues it within a minute.
        if (d.channel !== 'digest' && jobs) {
          await jobs.send(QUEUES.deliver, { workspaceId: ctx.workspaceId, deliveryId: id }, { singletonKey: `${id}:${d.attempts + 1}` });
        }
        return toDelivery(updated);
      });
    },

    async discard(ctx: TenantContext, id: string): Promise<Delivery> {
      return tenant(ctx, async (tx) => {
        const d = await repo.getDelivery(tx, ctx.workspaceId, id);
        if (!d) throw E.deliveryNotFound(id);
        if (d.status !== 'pending' && d.status !== 'dead' && d.status !== 'failed') throw E.notDiscardable(id, d.status);
        const updated = await repo.updateDelivery(tx, ctx.workspaceId, id, { status: 'discarded', nextAttemptAt: null });
        await deps.audit(tx, ctx.workspaceId, ctx.actor, { action: 'delivery.discarded', targetType: 'delivery', targetId: id, targetLabel: `${d.channel} ${d.target}`, details: { previousStatus: d.status } });
        return toDelivery(updated);
      });
    },
  };
}
