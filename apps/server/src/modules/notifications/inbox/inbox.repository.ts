/**
 * A person's side of notifications: who is told (active members), their saved
 * channel choices, and their in-app inbox. The only file of the inbox that
 * touches Drizzle; the dispatcher writes inbox items through it too.
 */
import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';
import { memberships, users } from '../../workspaces/tables.ts';
import { inboxItems, notificationPreferences } from '../tables.ts';

export type InboxInsert = typeof inboxItems.$inferInsert;
export type PreferenceRow = typeof notificationPreferences.$inferSelect;

export const inboxRepository = {
  /** Active members of a workspace by user id, with what a message needs. */
  async members(db: DbOrTx, workspaceId: string, userIds: string[]) {
    if (!userIds.length) return [];
    return db
      .select({ userId: users.id, email: users.email, name: users.name, timeZone: users.timeZone })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, userIds), eq(memberships.active, true)));
  },

  async preferences(db: DbOrTx, workspaceId: string, userId: string): Promise<PreferenceRow[]> {
    return db
      .select()
      .from(notificationPreferences)
      .where(and(eq(notificationPreferences.workspaceId, workspaceId), eq(notificationPreferences.userId, userId)));
  },

  async savePreferences(db: DbOrTx, rows: { workspaceId: string; userId: string; eventType: string; channels: string[]; digest: boolean }[]) {
    if (!rows.length) return;
    await db
      .insert(notificationPreferences)
      .values(rows)
      .onConflictDoUpdate({
        target: [notificationPreferences.workspaceId, notificationPreferences.userId, notificationPreferences.eventType],
        set: { channels: sql`excluded.channels`, digest: sql`excluded.digest`, updatedAt: sql`now()` },
      });
  },

  /**
   * Turns email (and the digest) off for one person and event type. Without a
   * row the person had the type's defaults, so the new row starts from them.
   */
  async turnOffEmail(tx: DbOrTx, row: { workspaceId: string; userId: string; eventType: string; defaults: readonly string[] }) {
    const p = notificationPreferences;
    await tx
      .insert(p)
      .values({
        workspaceId: row.workspaceId,
        userId: row.userId,
        eventType: row.eventType,
        channels: row.defaults.filter((c) => c !== 'email'),
        digest: false,
      })
      .onConflictDoUpdate({
        target: [p.workspaceId, p.userId, p.eventType],
        set: { channels: sql`array_remove(${p.channels}, 'email')`, digest: false, updatedAt: sql`now()` },
      });
  },

  /** At most once per (event, person): a re-dispatch after a crash adds nothing. */
  async insertInboxItems(db: DbOrTx, rows: InboxInsert[]) {
    if (!rows.length) return;
    await db.insert(inboxItems).values(rows).onConflictDoNothing();
  },

  async inbox(db: DbOrTx, workspaceId: string, userId: string, q: { unread: boolean; after?: { createdAt: Date; id: string }; limit: number }) {
    const mine = and(eq(inboxItems.workspaceId, workspaceId), eq(inboxItems.userId, userId), q.unread ? isNull(inboxItems.readAt) : undefined);
    const page = q.after
      ? or(lt(inboxItems.createdAt, q.after.createdAt), and(eq(inboxItems.createdAt, q.after.createdAt), lt(inboxItems.id, q.after.id)))
      : undefined;
    const rows = await db
      .select()
      .from(inboxItems)
      .where(and(mine, page))
      .orderBy(desc(inboxItems.createdAt), desc(inboxItems.id))
      .limit(q.limit + 1);
    const [{ total }] = (await db.select({ total: sql<number>`count(*)::int` }).from(inboxItems).where(mine)) as [{ total: number }];
    return { rows, total };
  },

  async unreadCount(db: DbOrTx, workspaceId: string, userId: string): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(inboxItems)
      .where(and(eq(inboxItems.workspaceId, workspaceId), eq(inboxItems.userId, userId), isNull(inboxItems.readAt)));
    return row?.n ?? 0;
  },

  async markRead(db: DbOrTx, workspaceId: string, userId: string, ids: string[] | 'all') {
    await db
      .update(inboxItems)
      .set({ readAt: sql`now()` })
      .where(
        and(
          eq(inboxItems.workspaceId, workspaceId),
          eq(inboxItems.userId, userId),
          isNull(inboxItems.readAt),
          ids === 'all' ? undefined : inArray(inboxItems.id, ids),
        ),
      );
  },
};
