import { and, count, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/database.ts';
import { preparedPerDb } from '../../../db/prepared.ts';
import { emailChanges, loginAttempts, memberships, passwordResets, sessions, users, workspaces } from '../tables.ts';

export type UserRow = typeof users.$inferSelect;

const sessionStatement = preparedPerDb((db) =>
  db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql.placeholder('now'))))
    .prepare('tandem_session_by_hash'),
);

/** The session and its person with their membership of the workspace named by slug (null when none): one round trip per signed-in request. */
const sessionInWorkspaceStatement = preparedPerDb((db) =>
  db
    .select({ session: sessions, user: users, membership: { workspaceId: memberships.workspaceId, role: memberships.role, active: memberships.active } })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(workspaces, eq(workspaces.slug, sql.placeholder('slug')))
    .leftJoin(memberships, and(eq(memberships.workspaceId, workspaces.id), eq(memberships.userId, sessions.userId)))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql.placeholder('now'))))
    .prepare('tandem_session_in_workspace'),
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
  async sessionInWorkspace(db: Db, tokenHash: string, slug: string) {
    const [row] = await sessionInWorkspaceStatement(db).execute({ tokenHash, slug, now: new Date() });
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
  /**
   * Spends one link, atomically: the row only if it was still outstanding, so two uses of the
   * same link at once cannot both pass.
   */
  async claimPasswordReset(db: DbOrTx, tokenHash: string) {
    const [row] = await db
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt)))
      .returning();
    return row;
  },
  /** A new request replaces any earlier one still waiting: only the latest link confirms. */
  async replaceEmailChange(db: DbOrTx, c: typeof emailChanges.$inferInsert) {
    await db
      .update(emailChanges)
      .set({ usedAt: new Date() })
      .where(and(eq(emailChanges.userId, c.userId), isNull(emailChanges.usedAt)));
    await db.insert(emailChanges).values(c);
  },
  /** Spends a confirmation link, atomically: the row only if it was still waiting. */
  async claimEmailChange(db: DbOrTx, tokenHash: string) {
    const [row] = await db
      .update(emailChanges)
      .set({ usedAt: new Date() })
      .where(and(eq(emailChanges.tokenHash, tokenHash), isNull(emailChanges.usedAt)))
      .returning();
    return row;
  },
  /** Ends every outstanding reset link of a person (a link was used, the password or email changed, a new link replaces them). */
  async endPasswordResetsOf(db: DbOrTx, userId: string) {
    await db
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
  },
};
