import { and, asc, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';
import { requestSettings } from '../../requests/tables.ts';
import { memberships, users, workspaces } from '../../workspaces/tables.ts';
import { goalComments, goalOwners, goals, keyResultCheckins, keyResultSnapshots, keyResults } from '../tables.ts';

export type GoalRow = typeof goals.$inferSelect;
export type KeyResultRow = typeof keyResults.$inferSelect;
export type KeyResultInsert = Omit<typeof keyResults.$inferInsert, 'workspaceId' | 'goalId'>;
export type SnapshotInsert = typeof keyResultSnapshots.$inferInsert;
export interface Member {
  userId: string;
  name: string;
  role: string;
  active: boolean;
}

const num = (v: number | null | undefined) => (v === null || v === undefined ? null : String(v));

/** The only file of the objectives feature that speaks Drizzle. */
export const objectivesRepository = {
  num,

  /** What the goals need of the workspace: its slug, fiscal year start and the day's time zone (the working calendar's). */
  async workspace(db: DbOrTx, workspaceId: string) {
    const [row] = await db
      .select({
        slug: workspaces.slug,
        fiscalYearStartMonth: workspaces.fiscalYearStartMonth,
        timeZone: sql<string | null>`${requestSettings.calendar} ->> 'timeZone'`,
      })
      .from(workspaces)
      .leftJoin(requestSettings, eq(requestSettings.workspaceId, workspaces.id))
      .where(eq(workspaces.id, workspaceId));
    return row ? { ...row, timeZone: row.timeZone || 'UTC' } : undefined;
  },

  async members(db: DbOrTx, workspaceId: string, userIds: readonly string[]): Promise<Map<string, Member>> {
    if (!userIds.length) return new Map();
    const rows = await db
      .select({ userId: memberships.userId, name: users.name, role: memberships.role, active: memberships.active })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, [...new Set(userIds)])));
    return new Map(rows.map((r) => [r.userId, r]));
  },

  async goalById(db: DbOrTx, workspaceId: string, id: string, lock = false): Promise<GoalRow | undefined> {
    const q = db
      .select()
      .from(goals)
      .where(and(eq(goals.workspaceId, workspaceId), eq(goals.id, id), isNull(goals.archivedAt)));
    const [row] = lock ? await q.for('update') : await q;
    return row;
  },

  /**
   * Live goals, filtered; newest period first (then oldest created, then id). With `after` (the last row's key) and
   * `limit`, one keyset page of them.
   */
  async listGoals(
    db: DbOrTx,
    workspaceId: string,
    f: { from?: string; to?: string; status?: string; ownerId?: string },
    page?: { after?: { periodEnd: string; createdAt: Date; id: string }; limit: number },
  ): Promise<GoalRow[]> {
    const conds = [eq(goals.workspaceId, workspaceId), isNull(goals.archivedAt)];
    if (f.from) conds.push(gte(goals.periodEnd, f.from));
    if (f.to) conds.push(lte(goals.periodStart, f.to));
    if (f.status) conds.push(eq(goals.status, f.status as GoalRow['status']));
    if (f.ownerId)
      conds.push(
        sql`exists (select 1 from ${goalOwners} o where o.workspace_id = ${goals.workspaceId} and o.goal_id = ${goals.id} and o.user_id = ${f.ownerId})`,
      );
    const a = page?.after;
    if (a) {
      conds.push(
        sql`(${goals.periodEnd} < ${a.periodEnd}::date or (${goals.periodEnd} = ${a.periodEnd}::date and (${goals.createdAt} > ${a.createdAt.toISOString()}::timestamptz or (${goals.createdAt} = ${a.createdAt.toISOString()}::timestamptz and ${goals.id} > ${a.id}::uuid))))`,
      );
    }
    const q = db
      .select()
      .from(goals)
      .where(and(...conds))
      .orderBy(desc(goals.periodEnd), asc(goals.createdAt), asc(goals.id));
    return page ? q.limit(page.limit) : q;
  },

  async insertGoal(db: DbOrTx, row: typeof goals.$inferInsert): Promise<GoalRow> {
    const [created] = await db.insert(goals).values(row).returning();
    return created!;
  },

  async updateGoal(db: DbOrTx, workspaceId: string, id: string, set: Partial<typeof goals.$inferInsert>) {
    await db
      .update(goals)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(goals.workspaceId, workspaceId), eq(goals.id, id)));
  },

  async ownersOf(db: DbOrTx, workspaceId: string, goalIds: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!goalIds.length) return out;
    const rows = await db
      .select({ goalId: goalOwners.goalId, userId: goalOwners.userId })
      .from(goalOwners)
      .where(and(eq(goalOwners.workspaceId, workspaceId), inArray(goalOwners.goalId, [...goalIds])));
    for (const r of rows) out.set(r.goalId, [...(out.get(r.goalId) ?? []), r.userId]);
    return out;
  },

  async setOwners(db: DbOrTx, workspaceId: string, goalId: string, userIds: readonly string[]) {
    await db.delete(goalOwners).where(and(eq(goalOwners.workspaceId, workspaceId), eq(goalOwners.goalId, goalId)));
    await db.insert(goalOwners).values([...new Set(userIds)].map((userId) => ({ workspaceId, goalId, userId })));
  },

  async keyResultsOf(db: DbOrTx, workspaceId: string, goalIds: readonly string[]): Promise<KeyResultRow[]> {
    if (!goalIds.length) return [];
    return db
      .select()
      .from(keyResults)
      .where(and(eq(keyResults.workspaceId, workspaceId), inArray(keyResults.goalId, [...goalIds])))
      .orderBy(asc(keyResults.position), asc(keyResults.createdAt));
  },

  async keyResultById(db: DbOrTx, workspaceId: string, goalId: string, id: string): Promise<KeyResultRow | undefined> {
    const [row] = await db
      .select()
      .from(keyResults)
      .where(and(eq(keyResults.workspaceId, workspaceId), eq(keyResults.goalId, goalId), eq(keyResults.id, id)));
    return row;
  },

  async insertKeyResults(db: DbOrTx, workspaceId: string, goalId: string, rows: readonly KeyResultInsert[]) {
    if (!rows.length) return;
    await db.insert(keyResults).values(rows.map((r) => ({ ...r, workspaceId, goalId })));
  },

  async nextPosition(db: DbOrTx, workspaceId: string, goalId: string): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`coalesce(max(${keyResults.position}), -1)::int + 1` })
      .from(keyResults)
      .where(and(eq(keyResults.workspaceId, workspaceId), eq(keyResults.goalId, goalId)));
    return Number(row?.n ?? 0);
  },

  async updateKeyResult(db: DbOrTx, workspaceId: string, id: string, set: Partial<typeof keyResults.$inferInsert>) {
    await db
      .update(keyResults)
      .set(set)
      .where(and(eq(keyResults.workspaceId, workspaceId), eq(keyResults.id, id)));
  },

  async deleteKeyResult(db: DbOrTx, workspaceId: string, id: string) {
    await db.delete(keyResults).where(and(eq(keyResults.workspaceId, workspaceId), eq(keyResults.id, id)));
  },

  /** The latest check-in value of each key result (manual results' current value). */
  async latestCheckinValue(db: DbOrTx, workspaceId: string, keyResultId: string): Promise<number | null> {
    const [row] = await db
      .select({ value: keyResultCheckins.value })
      .from(keyResultCheckins)
      .where(and(eq(keyResultCheckins.workspaceId, workspaceId), eq(keyResultCheckins.keyResultId, keyResultId), sql`${keyResultCheckins.value} is not null`))
      .orderBy(desc(keyResultCheckins.createdAt))
      .limit(1);
    return row?.value == null ? null : Number(row.value);
  },

  async insertCheckin(db: DbOrTx, row: typeof keyResultCheckins.$inferInsert) {
    const [created] = await db.insert(keyResultCheckins).values(row).returning();
    return created!;
  },

  async checkins(db: DbOrTx, workspaceId: string, keyResultId: string) {
    return db
      .select()
      .from(keyResultCheckins)
      .where(and(eq(keyResultCheckins.workspaceId, workspaceId), eq(keyResultCheckins.keyResultId, keyResultId)))
      .orderBy(desc(keyResultCheckins.createdAt));
  },

  /** One value per key result per day: a second run of the day replaces the first (idempotent). */
  async upsertSnapshots(db: DbOrTx, rows: readonly SnapshotInsert[]) {
    if (!rows.length) return;
    await db
      .insert(keyResultSnapshots)
      .values([...rows])
      .onConflictDoUpdate({
        target: [keyResultSnapshots.workspaceId, keyResultSnapshots.keyResultId, keyResultSnapshots.day],
        set: {
          value: sql`excluded.value`,
          numerator: sql`excluded.numerator`,
          denominator: sql`excluded.denominator`,
          status: sql`excluded.status`,
          takenAt: sql`excluded.taken_at`,
        },
      });
  },

  async snapshots(db: DbOrTx, workspaceId: string, keyResultId: string, from: string, to: string) {
    return db
      .select({ day: keyResultSnapshots.day, value: keyResultSnapshots.value, status: keyResultSnapshots.status })
      .from(keyResultSnapshots)
      .where(
        and(
          eq(keyResultSnapshots.workspaceId, workspaceId),
          eq(keyResultSnapshots.keyResultId, keyResultId),
          gte(keyResultSnapshots.day, from),
          lte(keyResultSnapshots.day, to),
        ),
      )
      .orderBy(asc(keyResultSnapshots.day));
  },

  /** Each key result's latest snapshot's counts (a proportion's numerator and denominator, for "n = …"). */
  async latestCounts(db: DbOrTx, workspaceId: string, keyResultIds: readonly string[]) {
    const out = new Map<string, { numerator: number | null; denominator: number | null }>();
    if (!keyResultIds.length) return out;
    const rows = await db
      .selectDistinctOn([keyResultSnapshots.keyResultId], {
        keyResultId: keyResultSnapshots.keyResultId,
        numerator: keyResultSnapshots.numerator,
        denominator: keyResultSnapshots.denominator,
      })
      .from(keyResultSnapshots)
      .where(and(eq(keyResultSnapshots.workspaceId, workspaceId), inArray(keyResultSnapshots.keyResultId, [...keyResultIds])))
      .orderBy(keyResultSnapshots.keyResultId, desc(keyResultSnapshots.day));
    for (const r of rows) out.set(r.keyResultId, { numerator: r.numerator === null ? null : Number(r.numerator), denominator: r.denominator === null ? null : Number(r.denominator) });
    return out;
  },

  async comments(db: DbOrTx, workspaceId: string, goalId: string) {
    return db
      .select()
      .from(goalComments)
      .where(and(eq(goalComments.workspaceId, workspaceId), eq(goalComments.goalId, goalId)))
      .orderBy(asc(goalComments.createdAt));
  },

  async commentCount(db: DbOrTx, workspaceId: string, goalId: string): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(goalComments)
      .where(and(eq(goalComments.workspaceId, workspaceId), eq(goalComments.goalId, goalId)));
    return Number(row?.n ?? 0);
  },

  async insertComment(db: DbOrTx, row: typeof goalComments.$inferInsert) {
    const [created] = await db.insert(goalComments).values(row).returning();
    return created!;
  },

  /** Workspaces with a live goal whose period has begun and not ended before `since` (the snapshot job's work). */
  async workspacesWithLiveGoals(db: DbOrTx, since: string): Promise<string[]> {
    const rows = await db
      .selectDistinct({ workspaceId: goals.workspaceId })
      .from(goals)
      .where(and(isNull(goals.archivedAt), gte(goals.periodEnd, since)));
    return rows.map((r) => r.workspaceId);
  },

  /** Live goals of a workspace whose period includes a day from `since` on. */
  async liveGoalIds(db: DbOrTx, workspaceId: string, since: string): Promise<string[]> {
    const rows = await db
      .select({ id: goals.id })
      .from(goals)
      .where(and(eq(goals.workspaceId, workspaceId), isNull(goals.archivedAt), gte(goals.periodEnd, since)));
    return rows.map((r) => r.id);
  },
};
