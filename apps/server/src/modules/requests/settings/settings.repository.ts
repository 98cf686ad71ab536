import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { PERMISSIONS } from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';
import { memberships, users, workspaces } from '../../workspaces/tables.ts';
import { pmmCapacity, requestSettings } from '../tables.ts';

export type RequestSettingsRow = typeof requestSettings.$inferSelect;

/** The roles that may triage (and so work requests and have capacity). */
const TRIAGE_ROLES = [...PERMISSIONS['requests.triage']];

/** The request_settings row, PMM capacity and the members it may name. */
export const settingsRepository = {
  async row(db: DbOrTx, workspaceId: string): Promise<RequestSettingsRow | undefined> {
    const [row] = await db.select().from(requestSettings).where(eq(requestSettings.workspaceId, workspaceId));
    return row;
  },

  async save(db: DbOrTx, workspaceId: string, parts: Partial<Pick<typeof requestSettings.$inferInsert, 'types' | 'weights' | 'calendar' | 'dueSoonFraction'>>) {
    await db
      .insert(requestSettings)
      .values({ workspaceId, ...parts })
      .onConflictDoUpdate({ target: requestSettings.workspaceId, set: { ...parts, updatedAt: sql`clock_timestamp()` } });
  },

  async baseCurrency(db: DbOrTx, workspaceId: string): Promise<string> {
    const [row] = await db.select({ c: workspaces.baseCurrency }).from(workspaces).where(eq(workspaces.id, workspaceId));
    return row?.c ?? 'USD';
  },

  /** Active members who may triage, by name, with their weekly hours (0 when never set). */
  async capacity(db: DbOrTx, workspaceId: string) {
    return db
      .select({ userId: memberships.userId, name: users.name, weeklyHours: sql<number>`coalesce(${pmmCapacity.weeklyHours}, 0)::float8` })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .leftJoin(pmmCapacity, and(eq(pmmCapacity.workspaceId, memberships.workspaceId), eq(pmmCapacity.userId, memberships.userId)))
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.active, true), inArray(memberships.role, TRIAGE_ROLES)))
      .orderBy(asc(sql`lower(${users.name})`), asc(memberships.userId));
  },

  /** Of `userIds`, those who are active members allowed to triage. */
  async triageMembers(db: DbOrTx, workspaceId: string, userIds: readonly string[]): Promise<Set<string>> {
    if (!userIds.length) return new Set();
    const rows = await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(
        and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, [...new Set(userIds)]), eq(memberships.active, true), inArray(memberships.role, TRIAGE_ROLES)),
      );
    return new Set(rows.map((r) => r.userId));
  },

  async saveCapacity(db: DbOrTx, workspaceId: string, items: readonly { userId: string; weeklyHours: number }[]) {
    if (!items.length) return;
    await db
      .insert(pmmCapacity)
      .values(items.map((i) => ({ workspaceId, userId: i.userId, weeklyHours: i.weeklyHours })))
      .onConflictDoUpdate({
        target: [pmmCapacity.workspaceId, pmmCapacity.userId],
        set: { weeklyHours: sql`excluded.weekly_hours`, updatedAt: sql`clock_timestamp()` },
      });
  },
};
