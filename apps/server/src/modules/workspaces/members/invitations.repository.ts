import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';
import { invitations, users, workspaces } from '../tables.ts';

export type InvitationRow = typeof invitations.$inferSelect;

/** Invitations to a workspace: pending until accepted or revoked. */
export const invitationsRepository = {
  async insert(db: DbOrTx, inv: typeof invitations.$inferInsert) {
    const [row] = await db.insert(invitations).values(inv).returning();
    return row!;
  },
  async pending(db: DbOrTx, workspaceId: string) {
    return db
      .select({ inv: invitations, invitedBy: users.name })
      .from(invitations)
      .leftJoin(users, eq(users.id, invitations.invitedByUserId))
      .where(and(eq(invitations.workspaceId, workspaceId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .orderBy(sql`${invitations.createdAt} desc`);
  },
  async pendingFor(db: DbOrTx, workspaceId: string, email: string) {
    const [row] = await db
      .select()
      .from(invitations)
      .where(
        and(
          eq(invitations.workspaceId, workspaceId),
          sql`lower(${invitations.email}) = ${email.toLowerCase()}`,
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      );
    return row;
  },
  async byId(db: DbOrTx, workspaceId: string, id: string) {
    const [row] = await db
      .select()
      .from(invitations)
      .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.id, id)));
    return row;
  },
  async byHash(db: DbOrTx, tokenHash: string) {
    const [row] = await db
      .select({ inv: invitations, workspace: workspaces })
      .from(invitations)
      .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
      .where(and(eq(invitations.tokenHash, tokenHash), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    return row;
  },
  /** Accepts one link, atomically: the row only if it was still pending, so one link cannot be accepted twice at once. */
  async claim(db: DbOrTx, tokenHash: string) {
    const [row] = await db
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.tokenHash, tokenHash), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning();
    return row;
  },
  /** Revokes every invitation still pending for an address in a workspace (once one of them was accepted). */
  async revokePendingFor(db: DbOrTx, workspaceId: string, email: string) {
    await db
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(invitations.workspaceId, workspaceId),
          sql`lower(${invitations.email}) = ${email.toLowerCase()}`,
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      );
  },
  async update(db: DbOrTx, workspaceId: string, id: string, patch: Partial<Pick<InvitationRow, 'acceptedAt' | 'revokedAt'>>) {
    await db
      .update(invitations)
      .set(patch)
      .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.id, id)));
  },
};
