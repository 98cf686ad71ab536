/**
 * A person's inbox and preferences, and the admin view of deliveries (retry,
 * discard). No HTTP here; the outbox repository does the SQL.
 */
import {
  EVENTS,
  EVENT_TYPES,
  type Delivery,
  type DeliveryDetail,
  type DeliveryList,
  type DeliveryListQuery,
  type EventType,
  type InboxItem,
  type InboxList,
  type InboxListQuery,
  type MarkRead,
  type Preferences,
  type UpdatePreferences,
} from '@tandem/contracts';
import type { Tx } from '../../db/database.ts';
import type { Deps } from '../../lib/deps.ts';
import type { TenantContext } from '../../lib/context.ts';
import { decodeTimeCursor, page } from '../../lib/pagination.ts';
import { recordAudit } from '../audit/index.ts';
import { QUEUES, type JobQueue } from './jobs.ts';
import { NotificationsErrors as E } from './notifications.errors.ts';
import { outboxRepository as repo, type DeliveryRow } from './outbox.repository.ts';
import { availableChannels, digestAvailable, effectiveChoice } from './preferences.ts';

/** Types a member can receive (an invitation goes to an address that is not a member yet). */
export const PERSONAL_TYPES: EventType[] = EVENT_TYPES.filter((t) => t !== 'member.invited');

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toDelivery(d: DeliveryRow): Delivery {
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

export function createNotificationsService(deps: Deps) {
  const tenant = <T>(ctx: TenantContext, fn: (tx: Tx) => Promise<T>) => deps.database.withTenant(ctx.workspaceId, fn);
  const me = (ctx: TenantContext): string => {
    if (!ctx.actor.userId) throw E.notMember();
    return ctx.actor.userId;
  };
  /** Where retries are queued: the in-process workers' queue, or a send-only one (set at start). */
  let jobs: Pick<JobQueue, 'send'> | undefined;

  return {
    useJobs(queue: Pick<JobQueue, 'send'> | undefined) {
      jobs = queue;
    },

    async inbox(ctx: TenantContext, q: InboxListQuery): Promise<InboxList> {
      const userId = me(ctx);
      return tenant(ctx, async (tx) => {
        const { rows, total } = await repo.inbox(tx, ctx.workspaceId, userId, { unread: q.unread, after: decodeTimeCursor(q.cursor), limit: q.limit });
        const { items, nextCursor } = page(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
        const unread = await repo.unreadCount(tx, ctx.workspaceId, userId);
        return {
          items: items.map(
            (r): InboxItem => ({
              id: r.id,
              eventId: r.eventId,
              type: r.type as EventType,
              title: r.title,
              body: r.body,
              link: r.link,
              createdAt: r.createdAt.toISOString(),
              readAt: iso(r.readAt),
            }),
          ),
          nextCursor,
          total,
          unread,
        };
      });
    },

    async unread(ctx: TenantContext) {
      const userId = me(ctx);
      return { unread: await tenant(ctx, (tx) => repo.unreadCount(tx, ctx.workspaceId, userId)) };
    },

    async markRead(ctx: TenantContext, body: MarkRead) {
      const userId = me(ctx);
      return tenant(ctx, async (tx) => {
        await repo.markRead(tx, ctx.workspaceId, userId, body.all ? 'all' : body.ids!);
        return { unread: await repo.unreadCount(tx, ctx.workspaceId, userId) };
      });
    },

    async preferences(ctx: TenantContext): Promise<Preferences> {
      const userId = me(ctx);
      return tenant(ctx, async (tx) => {
        const saved = await repo.preferences(tx, ctx.workspaceId, userId);
        const [person] = await repo.members(tx, ctx.workspaceId, [userId]);
        return {
          timeZone: person?.timeZone ?? 'UTC',
          items: PERSONAL_TYPES.map((type) => {
            const d = EVENTS[type];
            const choice = effectiveChoice(type, saved.find((s) => s.eventType === type));
            return {
              type,
              label: d.label,
              description: d.description,
              available: availableChannels(type),
              channels: choice.channels,
              digest: choice.digest,
              digestAvailable: digestAvailable(type),
              required: Boolean(d.required),
            };
          }),
        };
      });
    },

    async updatePreferences(ctx: TenantContext, body: UpdatePreferences): Promise<Preferences> {
      const userId = me(ctx);
      body.items.forEach((item, i) => {
        if (!PERSONAL_TYPES.includes(item.type)) throw E.typeNotPersonal(`items.${i}.type`, item.type);
        const available = availableChannels(item.type);
        for (const c of item.channels) if (!available.includes(c)) throw E.channelNotAvailable(`items.${i}.channels`, item.type, c);
      });
      await tenant(ctx, (tx) =>
        repo.savePreferences(
          tx,
          body.items
            .filter((item) => !EVENTS[item.type].required)
            .map((item) => ({
              workspaceId: ctx.workspaceId,
              userId,
              eventType: item.type,
              channels: [...new Set(item.channels)],
              digest: Boolean(item.digest) && digestAvailable(item.type),
            })),
        ),
      );
      return this.preferences(ctx);
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
        await recordAudit(tx, ctx.workspaceId, ctx.actor, { action: 'delivery.retried', targetType: 'delivery', targetId: id, targetLabel: `${d.channel} ${d.target}`, details: { previousStatus: d.status } });
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
        await recordAudit(tx, ctx.workspaceId, ctx.actor, { action: 'delivery.discarded', targetType: 'delivery', targetId: id, targetLabel: `${d.channel} ${d.target}`, details: { previousStatus: d.status } });
        return toDelivery(updated);
      });
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
