import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { memberships, users, workspaces } from '../workspaces/tables.ts';
import { ssoIdentities, ssoSettings } from './tables.ts';

export type SsoSettingsRow = typeof ssoSettings.$inferSelect;

/** The only file of the module that touches Drizzle: providers per workspace and the subjects linked to people. */
export const ssoRepository = {
  async settings(db: DbOrTx, workspaceId: string) {
    const [row] = await db.select().from(ssoSettings).where(eq(ssoSettings.workspaceId, workspaceId));
    return row;
  },
  /** A workspace by slug with its provider (null when none): before anyone is signed in. */
  async bySlug(db: DbOrTx, slug: string) {
    const [row] = await db
      .select({ workspace: { id: workspaces.id, slug: workspaces.slug, name: workspaces.name }, settings: ssoSettings })
      .from(workspaces)
      .leftJoin(ssoSettings, eq(ssoSettings.workspaceId, workspaces.id))
      .where(eq(workspaces.slug, slug));
    return row;
  },
  async save(db: DbOrTx, row: Omit<typeof ssoSettings.$inferInsert, 'createdAt' | 'updatedAt'>) {
    const { workspaceId: _, ...set } = row;
    const [saved] = await db
      .insert(ssoSettings)
      .values(row)
      .onConflictDoUpdate({ target: ssoSettings.workspaceId, set: { ...set, updatedAt: new Date() } })
      .returning();
    return saved!;
  },
  async linkedUser(db: DbOrTx, workspaceId: string, issuer: string, subject: string) {
    const [row] = await db
      .select({ userId: ssoIdentities.userId })
      .from(ssoIdentities)
      .where(and(eq(ssoIdentities.workspaceId, workspaceId), eq(ssoIdentities.issuer, issuer), eq(ssoIdentities.subject, subject)));
    return row?.userId;
  },
  async link(db: DbOrTx, l: { workspaceId: string; issuer: string; subject: string; userId: string }) {
    await db
      .insert(ssoIdentities)
      .values(l)
      .onConflictDoUpdate({
        target: [ssoIdentities.workspaceId, ssoIdentities.issuer, ssoIdentities.subject],
        set: { userId: l.userId, lastSignInAt: new Date() },
      });
  },
  /** The person whose email this is (any case), before their provider subject is linked. */
  async userIdByEmail(db: DbOrTx, email: string) {
    const [row] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
    return row?.id;
  },
  /**
   * The workspaces (names) this account belongs to, active or not, other than `workspaceId`, that do not sign in
   * through the same issuer: the account is theirs too, so this workspace's provider may not vouch for it.
   */
  async workspacesBeyondIssuer(db: DbOrTx, userId: string, workspaceId: string, issuerUrl: string) {
    const rows = await db
      .select({ name: workspaces.name })
      .from(memberships)
      .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
      .leftJoin(ssoSettings, eq(ssoSettings.workspaceId, memberships.workspaceId))
      .where(
        and(
          eq(memberships.userId, userId),
          sql`${memberships.workspaceId} <> ${workspaceId}`,
          sql`not coalesce(${ssoSettings.enabled} and rtrim(${ssoSettings.issuerUrl}, '/') = rtrim(${issuerUrl}, '/'), false)`,
        ),
      )
      .orderBy(workspaces.name);
    return rows.map((r) => r.name);
  },
  /** The first workspace where single sign-on is the only way in for this person (on, SSO only, not an admin there). */
  async ssoOnlyWorkspaceOf(db: DbOrTx, userId: string) {
    const [row] = await db
      .select({ name: workspaces.name, slug: workspaces.slug })
      .from(memberships)
      .innerJoin(ssoSettings, eq(ssoSettings.workspaceId, memberships.workspaceId))
      .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
      .where(
        and(
          eq(memberships.userId, userId),
          eq(memberships.active, true),
          sql`${memberships.role} <> 'admin'`,
          eq(ssoSettings.enabled, true),
          eq(ssoSettings.ssoOnly, true),
        ),
      )
      .orderBy(workspaces.name)
      .limit(1);
    return row;
  },
};
