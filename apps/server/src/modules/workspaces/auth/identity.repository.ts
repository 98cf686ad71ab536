import { and, count, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/database.ts';
import { preparedPerDb } from '../../../db/prepared.ts';
import { loginAttempts, memberships, passwordResets, sessions, users, workspaces } from '../tables.ts';

export type UserRow = typeof users.$inferSelect;

const sessionStatement = preparedPerDb((db) =>
  db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql.placeholder('now'))))
    .prepare('tandem_session_by_hash'),
);

/** People, sessions, sign-in attempts and password resets: global, not per workspace. */
export const identityRepository = {
  async userByEmail(db: DbOrTx, email: string) {
    const [row] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
    return row;
  },
  async userById(db: DbOrTx, id: string) {
    const [row] = await db.select().from(users).where(eq(users.id, id));
    return row;
  },
  async insertUser(db: DbOrTx, u: { email: string; name: string; passwordHash: string | null; timeZone?: string }) {
    const [row] = await db.insert(users).values(u).returning();
    return row!;
  },
  async updateUser(db: DbOrTx, id: string, patch: Partial<Pick<UserRow, 'email' | 'name' | 'timeZone' | 'passwordHash'>>) {
    const [row] = await db
      .update(users)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning();
    return row;
  },
  /** Serialises concurrent first-run attempts: only the first may create the admin. */
  async lockUsers(tx: DbOrTx) {
    await tx.execute('lock table users in share row exclusive mode');
  },
  async countUsers(db: DbOrTx) {
    const [r] = await db.select({ n: count() }).from(users);
    return r?.n ?? 0;
  },

  /** Every workspace the user is an active member of. */
  async membershipsOf(db: DbOrTx, userId: string) {
    return db
      .select({ workspaceId: workspaces.id, slug: workspaces.slug, name: workspaces.name, role: memberships.role })
      .from(memberships)
      .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
      .where(and(eq(memberships.userId, userId), eq(memberships.active, true)))
      .orderBy(workspaces.name);
  },

  async insertSession(db: DbOrTx, s: typeof sessions.$inferInsert) {
    await db.insert(sessions).values(s);
  },
  async sessionByHash(db: Db, tokenHash: string) {
    const [row] = await sessionStatement(db).execute({ tokenHash, now: new Date() });
    return row;
  },
  async touchSession(db: DbOrTx, id: string) {
    await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, id));
  },
  async deleteSession(db: DbOrTx, tokenHash: string) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  },
  async deleteSessionsOfUser(db: DbOrTx, userId: string, exceptId?: string) {
    await db
      .delete(sessions)
      .where(and(eq(sessions.userId, userId), exceptId ? sql`${sessions.id} <> ${exceptId}` : undefined));
  },

  async recordLoginAttempt(db: DbOrTx, a: { email: string; ip: string; succeeded: boolean }) {
    await db.insert(loginAttempts).values(a);
  },
  /** Failed attempts since `since`, and the oldest of them (for Retry-After). */
  async failuresSince(db: DbOrTx, by: 'email' | 'ip', value: string, since: Date) {
    const col = by === 'email' ? loginAttempts.email : loginAttempts.ip;
    const [r] = await db
      .select({ n: count(), oldest: sql<Date | null>`min(${loginAttempts.createdAt})` })
      .from(loginAttempts)
      .where(and(eq(col, value), eq(loginAttempts.succeeded, false), gt(loginAttempts.createdAt, since)));
    return { n: r?.n ?? 0, oldest: r?.oldest ? new Date(r.oldest) : null };
  },
  /** Drops sign-in attempts, sessions and reset links that no longer matter. */
  async prune(db: DbOrTx, attemptsBefore: Date, now: Date) {
    const a = await db.delete(loginAttempts).where(lt(loginAttempts.createdAt, attemptsBefore)).returning({ id: loginAttempts.id });
    const s = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
    const r = await db.delete(passwordResets).where(lt(passwordResets.expiresAt, now)).returning({ id: passwordResets.id });
    return { loginAttempts: a.length, sessions: s.length, passwordResets: r.length };
  },

  async insertPasswordReset(db: DbOrTx, r: typeof passwordResets.$inferInsert) {
    await db.insert(passwordResets).values(r);
  },
  async passwordResetByHash(db: DbOrTx, tokenHash: string) {
    const [row] = await db
      .select({ reset: passwordResets, user: users })
      .from(passwordResets)
      .innerJoin(users, eq(users.id, passwordResets.userId))
      .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt)));
    return row;
  },
  async markPasswordResetUsed(db: DbOrTx, id: string) {
    await db.update(passwordResets).set({ usedAt: new Date() }).where(eq(passwordResets.id, id));
  },
};
