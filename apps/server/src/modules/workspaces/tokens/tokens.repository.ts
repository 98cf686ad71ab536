import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/database.ts';
import { preparedPerDb } from '../../../db/prepared.ts';
import { apiTokens, memberships, users, workspaces } from '../tables.ts';

const resolveStatement = preparedPerDb((db) =>
  db
    .select({ token: apiTokens, user: users, membership: memberships, workspace: workspaces })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(memberships, and(eq(memberships.workspaceId, apiTokens.workspaceId), eq(memberships.userId, apiTokens.userId)))
    .innerJoin(workspaces, eq(workspaces.id, apiTokens.workspaceId))
    .where(eq(apiTokens.tokenHash, sql.placeholder('tokenHash')))
    .prepare('tandem_token_resolve'),
);

export const tokensRepository = {
  async insert(db: DbOrTx, t: typeof apiTokens.$inferInsert) {
    const [row] = await db.insert(apiTokens).values(t).returning();
    return row!;
  },
  async listForUser(db: DbOrTx, workspaceId: string, userId: string) {
    return db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.userId, userId)))
      .orderBy(desc(apiTokens.createdAt));
  },
  async byId(db: DbOrTx, workspaceId: string, id: string) {
    const [row] = await db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.id, id)));
    return row;
  },
  async revoke(db: DbOrTx, workspaceId: string, id: string) {
    const [row] = await db
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.id, id)))
      .returning();
    return row;
  },
  /** The token with its owner, their membership and workspace: what a Bearer request acts as. */
  async resolve(db: Db, tokenHash: string) {
    const [row] = await resolveStatement(db).execute({ tokenHash });
    return row;
  },
  async touch(db: DbOrTx, workspaceId: string, id: string) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: new Date() })
      .where(and(eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.id, id)));
  },
};
