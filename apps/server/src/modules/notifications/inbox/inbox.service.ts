/**
 * A person's inbox and their channel choices per event type. Only a person
 * (a session or a personal token) has these: the CLI and system actors do not.
 */
import {
  EVENTS,
  EVENT_TYPES,
  type EventType,
  type InboxItem,
  type InboxList,
  type InboxListQuery,
  type MarkRead,
  type Role,
  type Preferences,
  type UpdatePreferences,
} from '@tandem/contracts';
import type { Tx } from '../../../db/database.ts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { decodeTimeCursor, page } from '../../../lib/pagination.ts';
import { NotificationsErrors as E } from '../notifications.errors.ts';
import { availableChannels, digestAvailable, effectiveChoice } from '../outbox/preferences.ts';
import { inboxRepository as repo } from './inbox.repository.ts';

/** Types a member can receive (an invitation goes to an address that is not a member yet). */
const PERSONAL_TYPES: EventType[] = EVENT_TYPES.filter((t) => t !== 'member.invited');
/** The types a member of this role can ever be told of: the only ones their preferences offer. */
const typesFor = (role: Role): EventType[] => PERSONAL_TYPES.filter((t) => (EVENTS[t].roles as readonly Role[]).includes(role));

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export type InboxService = ReturnType<typeof createInboxService>;

export function createInboxService(deps: Deps) {
  const tenant = <T>(ctx: TenantContext, fn: (tx: Tx) => Promise<T>) => deps.database.withTenant(ctx.workspaceId, fn);
  const me = (ctx: TenantContext): string => {
    if (!ctx.actor.userId) throw E.notMember();
    return ctx.actor.userId;
  };

  async function preferences(ctx: TenantContext): Promise<Preferences> {
    const userId = me(ctx);
    return tenant(ctx, async (tx) => {
      const saved = await repo.preferences(tx, ctx.workspaceId, userId);
      const [person] = await repo.members(tx, ctx.workspaceId, [userId]);
      return {
        timeZone: person?.timeZone ?? 'UTC',
        items: typesFor(ctx.role).map((type) => {
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
  }

  return {
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
      // Polled by every open page: a read without a transaction (database.readTenant).
      return { unread: await deps.database.readTenant(ctx.workspaceId, (tx) => repo.unreadCount(tx, ctx.workspaceId, userId)) };
    },

    async markRead(ctx: TenantContext, body: MarkRead) {
      const userId = me(ctx);
      return tenant(ctx, async (tx) => {
        await repo.markRead(tx, ctx.workspaceId, userId, body.all ? 'all' : body.ids!);
        return { unread: await repo.unreadCount(tx, ctx.workspaceId, userId) };
      });
    },

    preferences,

    async updatePreferences(ctx: TenantContext, body: UpdatePreferences): Promise<Preferences> {
      const userId = me(ctx);
      body.items.forEach((item, i) => {
        if (!typesFor(ctx.role).includes(item.type)) throw E.typeNotPersonal(`items.${i}.type`, item.type);
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
      return preferences(ctx);
    },
  };
}
