import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';
import { memberships, teamMembers, teams, users } from '../tables.ts';

export type TeamRow = typeof teams.$inferSelect;

export const teamsRepository = {
  async list(db: DbOrTx, workspaceId: string, teamId?: string) {
    const rows = await db
      .select({ team: teams, leadName: users.name })
      .from(teams)
      .leftJoin(users, eq(users.id, teams.leadUserId))
      .where(and(eq(teams.workspaceId, workspaceId), teamId ? eq(teams.id, teamId) : undefined))
      .orderBy(asc(teams.name));
    const ids = rows.map((r) => r.team.id);
    const members = ids.length
      ? await db
          .select({ teamId: teamMembers.teamId, userId: users.id, name: users.name, role: memberships.role })
          .from(teamMembers)
          .innerJoin(users, eq(users.id, teamMembers.userId))
          .innerJoin(
            memberships,
            and(eq(memberships.workspaceId, teamMembers.workspaceId), eq(memberships.userId, teamMembers.userId)),
          )
          .where(and(eq(teamMembers.workspaceId, workspaceId), inArray(teamMembers.teamId, ids)))
          .orderBy(asc(users.name))
      : [];
    return { rows, members };
  },
  async count(db: DbOrTx, workspaceId: string) {
    const [r] = await db.select({ n: count() }).from(teams).where(eq(teams.workspaceId, workspaceId));
    return r?.n ?? 0;
  },
  async byName(db: DbOrTx, workspaceId: string, name: string) {
    const all = await db.select().from(teams).where(eq(teams.workspaceId, workspaceId));
    return all.find((t) => t.name.toLowerCase() === name.toLowerCase());
  },
  async insert(db: DbOrTx, t: { workspaceId: string; name: string; description: string | null; leadUserId: string | null }) {
    const [row] = await db.insert(teams).values(t).returning();
    return row!;
  },
  async update(
    db: DbOrTx,
    workspaceId: string,
    id: string,
    patch: Partial<Pick<TeamRow, 'name' | 'description' | 'leadUserId'>>,
  ) {
    const [row] = await db
      .update(teams)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, id)))
      .returning();
    return row;
  },
  async delete(db: DbOrTx, workspaceId: string, id: string) {
    const rows = await db
      .delete(teams)
      .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, id)))
      .returning({ id: teams.id, name: teams.name });
    return rows[0];
  },
  async setMembers(db: DbOrTx, workspaceId: string, teamId: string, userIds: string[]) {
    await db.delete(teamMembers).where(and(eq(teamMembers.workspaceId, workspaceId), eq(teamMembers.teamId, teamId)));
    if (userIds.length) {
      await db.insert(teamMembers).values(userIds.map((userId) => ({ workspaceId, teamId, userId })));
    }
  },
  /** Which of these users are members of the workspace. */
  async existingMembers(db: DbOrTx, workspaceId: string, userIds: string[]) {
    if (!userIds.length) return new Set<string>();
    const rows = await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, userIds)));
    return new Set(rows.map((r) => r.userId));
  },
};
