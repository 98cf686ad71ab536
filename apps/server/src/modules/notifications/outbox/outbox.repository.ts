/**
 * The outbox and what the dispatcher and the delivery runner read and write:
 * events, deliveries and their attempts. The only file of the delivery engine
 * that touches Drizzle (a person's inbox and preferences: inbox.repository.ts).
 */
import { and, asc, desc, eq, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';
import { users, workspaces } from '../../workspaces/tables.ts';
import { deliveries, deliveryAttempts, events } from '../tables.ts';

export type EventRow = typeof events.$inferSelect;
export type DeliveryRow = typeof deliveries.$inferSelect;
export type DeliveryInsert = typeof deliveries.$inferInsert;
export type DeliveryAttemptRow = typeof deliveryAttempts.$inferSelect;

export const CHANNEL_NOTIFY = 'tandem_events';

export const outboxRepository = {
  async insertEvent(db: DbOrTx, row: Omit<typeof events.$inferInsert, 'availableAt'> & { availableAt?: Date | SQL }): Promise<EventRow> {
    const [created] = await db.insert(events).values(row).returning();
    // Delivered at commit only: a rolled-back change wakes nobody.
    await db.execute(sql`select pg_notify(${CHANNEL_NOTIFY}, '')`);
    return created!;
  },

  /** Events not yet dispatched, oldest first, locked for this dispatcher (others skip them). */
  async claimEvents(db: DbOrTx, limit: number): Promise<(EventRow & { workspaceSlug: string; workspaceName: string })[]> {
    const rows = await db
      .select({ event: events, slug: workspaces.slug, name: workspaces.name })
      .from(events)
      .innerJoin(workspaces, eq(workspaces.id, events.workspaceId))
      // An event held for an undo window waits until the window has passed.
      .where(and(isNull(events.dispatchedAt), lte(events.availableAt, sql`now()`)))
      .orderBy(asc(events.createdAt))
      .limit(limit)
      .for('update', { of: events, skipLocked: true });
    return rows.map((r) => ({ ...r.event, workspaceSlug: r.slug, workspaceName: r.name }));
  },

  /**
   * Withdraws an event nobody has been told of yet (an undone change); false once the dispatcher has it.
   * A dispatcher holding it right now makes this wait, then see it dispatched: never told and withdrawn both.
   */
  async withdrawEvent(db: DbOrTx, workspaceId: string, id: string): Promise<boolean> {
    const rows = await db
      .delete(events)
      .where(and(eq(events.workspaceId, workspaceId), eq(events.id, id), isNull(events.dispatchedAt)))
      .returning({ id: events.id });
    return rows.length > 0;
  },

  async markDispatched(db: DbOrTx, workspaceId: string, id: string) {
    await db.update(events).set({ dispatchedAt: sql`now()` }).where(and(eq(events.workspaceId, workspaceId), eq(events.id, id)));
  },

  async getEvent(db: DbOrTx, workspaceId: string, id: string) {
    const [row] = await db
      .select({ event: events, slug: workspaces.slug, name: workspaces.name })
      .from(events)
      .innerJoin(workspaces, eq(workspaces.id, events.workspaceId))
      .where(and(eq(events.workspaceId, workspaceId), eq(events.id, id)));
    return row ? { ...row.event, workspaceSlug: row.slug, workspaceName: row.name } : undefined;
  },

  /** At most once per (event, channel, target); returns the rows actually created. */
  async insertDeliveries(db: DbOrTx, rows: DeliveryInsert[]): Promise<DeliveryRow[]> {
    if (!rows.length) return [];
    return db.insert(deliveries).values(rows).onConflictDoNothing().returning();
  },

  async getDelivery(db: DbOrTx, workspaceId: string, id: string): Promise<DeliveryRow | undefined> {
    const [row] = await db.select().from(deliveries).where(and(eq(deliveries.workspaceId, workspaceId), eq(deliveries.id, id)));
    return row;
  },

  /** Locks the delivery for one attempt; undefined when another worker holds it. */
  async lockDelivery(db: DbOrTx, workspaceId: string, id: string): Promise<DeliveryRow | undefined> {
    const [row] = await db
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.workspaceId, workspaceId), eq(deliveries.id, id)))
      .for('update', { skipLocked: true });
    return row;
  },

  async updateDelivery(db: DbOrTx, workspaceId: string, id: string, set: Partial<typeof deliveries.$inferInsert>) {
    const [row] = await db
      .update(deliveries)
      .set({ ...set, updatedAt: sql`now()` })
      .where(and(eq(deliveries.workspaceId, workspaceId), eq(deliveries.id, id)))
      .returning();
    return row!;
  },

  async insertAttempt(db: DbOrTx, row: typeof deliveryAttempts.$inferInsert) {
    await db.insert(deliveryAttempts).values(row).onConflictDoNothing();
  },

  async attempts(db: DbOrTx, workspaceId: string, deliveryId: string): Promise<DeliveryAttemptRow[]> {
    return db
      .select()
      .from(deliveryAttempts)
      .where(and(eq(deliveryAttempts.workspaceId, workspaceId), eq(deliveryAttempts.deliveryId, deliveryId)))
      .orderBy(asc(deliveryAttempts.attempt));
  },

  async listDeliveries(
    db: DbOrTx,
    workspaceId: string,
    q: { status?: DeliveryRow['status']; channel?: DeliveryRow['channel']; targetId?: string; after?: { createdAt: Date; id: string }; limit: number },
  ) {
    // Counts per status under the other filters; the total under all of them follows from it.
    const others = and(
      eq(deliveries.workspaceId, workspaceId),
      q.channel ? eq(deliveries.channel, q.channel) : undefined,
      q.targetId ? eq(deliveries.targetId, q.targetId) : undefined,
    );
    const where: (SQL | undefined)[] = [others];
    if (q.status) where.push(eq(deliveries.status, q.status));
    if (q.after) {
      where.push(or(lt(deliveries.createdAt, q.after.createdAt), and(eq(deliveries.createdAt, q.after.createdAt), lt(deliveries.id, q.after.id))));
    }
    const rows = await db
      .select()
      .from(deliveries)
      .where(and(...where))
      .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
      .limit(q.limit + 1);
    const counts = await db
      .select({ status: deliveries.status, n: sql<number>`count(*)::int` })
      .from(deliveries)
      .where(others)
      .groupBy(deliveries.status);
    const total = counts.filter((c) => !q.status || c.status === q.status).reduce((sum, c) => sum + c.n, 0);
    return { rows, total, counts };
  },

  /** Pending digest lines with their events, for the people whose local hour is `hour` now. */
  async dueDigests(db: DbOrTx, hour: number) {
    return db
      .select({ delivery: deliveries, event: events, userId: users.id, email: users.email, name: users.name, workspaceSlug: workspaces.slug, workspaceName: workspaces.name })
      .from(deliveries)
      .innerJoin(events, and(eq(events.workspaceId, deliveries.workspaceId), eq(events.id, deliveries.eventId)))
      .innerJoin(users, eq(users.id, deliveries.targetId))
      .innerJoin(workspaces, eq(workspaces.id, deliveries.workspaceId))
      .where(
        and(
          eq(deliveries.channel, 'digest'),
          eq(deliveries.status, 'pending'),
          sql`extract(hour from now() at time zone ${users.timeZone}) = ${hour}`,
        ),
      )
      .orderBy(asc(deliveries.createdAt));
  },

  /** Pending deliveries whose try is overdue (queued by a process without the job queue, or a lost job). */
  async overdueDeliveries(db: DbOrTx, graceSeconds: number, limit = 200) {
    return db
      .select({ workspaceId: deliveries.workspaceId, id: deliveries.id, attempts: deliveries.attempts })
      .from(deliveries)
      .where(
        and(
          eq(deliveries.status, 'pending'),
          sql`${deliveries.channel} <> 'digest'`,
          sql`coalesce(${deliveries.nextAttemptAt}, ${deliveries.createdAt}) < now() - make_interval(secs => ${graceSeconds})`,
        ),
      )
      .limit(limit);
  },
};
