import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { AssetThemeLink, AssetVersion } from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';
import { themeLinks, themes } from '../../feedback/tables.ts';
import { memberships, users } from '../../workspaces/tables.ts';
import { assetFollowers, assets, assetVersions, competitors, librarySettings } from '../tables.ts';

export type AssetRow = typeof assets.$inferSelect;
export type AssetVersionRow = typeof assetVersions.$inferSelect;

const person = (userId: string | null, name: string | null) => (userId ? { userId, name: name ?? 'Former member' } : null);

function toVersionDto(r: AssetVersionRow & { publisherName: string | null }): AssetVersion {
  return {
    number: r.number,
    title: r.title,
    changeNote: r.changeNote,
    publishedAt: r.publishedAt.toISOString(),
    publishedBy: person(r.publishedByUserId, r.publisherName),
  };
}

/** Assets' own rows, their versions and followers, the library settings, and the themes that point at an asset. */
export const assetsRepository = {
  async insertAsset(db: DbOrTx, row: typeof assets.$inferInsert) {
    const [asset] = await db.insert(assets).values(row).returning();
    return asset!;
  },

  async lockAsset(db: DbOrTx, workspaceId: string, id: string) {
    const [row] = await db
      .select()
      .from(assets)
      .where(and(eq(assets.workspaceId, workspaceId), eq(assets.id, id)))
      .for('update');
    return row;
  },

  async assetById(db: DbOrTx, workspaceId: string, id: string) {
    const [row] = await db.select().from(assets).where(and(eq(assets.workspaceId, workspaceId), eq(assets.id, id)));
    return row;
  },

  async updateAsset(db: DbOrTx, workspaceId: string, id: string, patch: Partial<typeof assets.$inferInsert>) {
    const [row] = await db
      .update(assets)
      .set({ ...patch, updatedAt: sql`clock_timestamp()` })
      .where(and(eq(assets.workspaceId, workspaceId), eq(assets.id, id)))
      .returning();
    return row!;
  },

  /** The competitors among `ids` that exist in the workspace, id → name. */
  async competitorNames(db: DbOrTx, workspaceId: string, ids: readonly string[]) {
    if (!ids.length) return new Map<string, string>();
    const rows = await db
      .select({ id: competitors.id, name: competitors.name })
      .from(competitors)
      .where(and(eq(competitors.workspaceId, workspaceId), inArray(competitors.id, [...new Set(ids)])));
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  async memberRole(db: DbOrTx, workspaceId: string, userId: string) {
    const [row] = await db
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId), eq(memberships.active, true)));
    return row?.role ?? null;
  },

  // ---- Versions -----------------------------------------------------------------

  async insertVersion(db: DbOrTx, row: typeof assetVersions.$inferInsert) {
    const [version] = await db.insert(assetVersions).values(row).returning();
    return version!;
  },

  async version(db: DbOrTx, workspaceId: string, assetId: string, number: number) {
    const [row] = await db
      .select({ version: assetVersions, publisherName: users.name })
      .from(assetVersions)
      .leftJoin(users, eq(users.id, assetVersions.publishedByUserId))
      .where(and(eq(assetVersions.workspaceId, workspaceId), eq(assetVersions.assetId, assetId), eq(assetVersions.number, number)));
    return row ? { ...row.version, dto: toVersionDto({ ...row.version, publisherName: row.publisherName }) } : undefined;
  },

  async versions(db: DbOrTx, workspaceId: string, assetId: string): Promise<AssetVersion[]> {
    const rows = await db
      .select({ version: assetVersions, publisherName: users.name })
      .from(assetVersions)
      .leftJoin(users, eq(users.id, assetVersions.publishedByUserId))
      .where(and(eq(assetVersions.workspaceId, workspaceId), eq(assetVersions.assetId, assetId)))
      .orderBy(desc(assetVersions.number));
    return rows.map((r) => toVersionDto({ ...r.version, publisherName: r.publisherName }));
  },

  async versionCount(db: DbOrTx, workspaceId: string, assetId: string): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(assetVersions)
      .where(and(eq(assetVersions.workspaceId, workspaceId), eq(assetVersions.assetId, assetId)));
    return row?.n ?? 0;
  },

  // ---- Followers ----------------------------------------------------------------

  /** Active members following the asset. */
  async followerIds(db: DbOrTx, workspaceId: string, assetId: string): Promise<string[]> {
    const rows = await db
      .select({ userId: assetFollowers.userId })
      .from(assetFollowers)
      .innerJoin(
        memberships,
        and(eq(memberships.workspaceId, assetFollowers.workspaceId), eq(memberships.userId, assetFollowers.userId), eq(memberships.active, true)),
      )
      .where(and(eq(assetFollowers.workspaceId, workspaceId), eq(assetFollowers.assetId, assetId)))
      .orderBy(asc(assetFollowers.createdAt));
    return rows.map((r) => r.userId);
  },

  async setFollowing(db: DbOrTx, workspaceId: string, assetId: string, userId: string, following: boolean) {
    if (following) {
      await db.insert(assetFollowers).values({ workspaceId, assetId, userId }).onConflictDoNothing();
    } else {
      await db
        .delete(assetFollowers)
        .where(and(eq(assetFollowers.workspaceId, workspaceId), eq(assetFollowers.assetId, assetId), eq(assetFollowers.userId, userId)));
    }
  },

  // ---- Linked themes ------------------------------------------------------------

  /** Feedback themes with a link of kind `asset` to this asset (the asks that produced it); merged themes left out. */
  async linkedThemes(db: DbOrTx, workspaceId: string, assetId: string): Promise<AssetThemeLink[]> {
    const rows = await db
      .selectDistinct({ themeId: themes.id, name: themes.name, status: themes.status })
      .from(themeLinks)
      .innerJoin(themes, and(eq(themes.workspaceId, themeLinks.workspaceId), eq(themes.id, themeLinks.themeId)))
      .where(and(eq(themeLinks.workspaceId, workspaceId), eq(themeLinks.kind, 'asset'), eq(themeLinks.targetId, assetId), isNull(themes.mergedIntoId)))
      .orderBy(asc(themes.name));
    return rows;
  },

  // ---- Settings -----------------------------------------------------------------

  async settings(db: DbOrTx, workspaceId: string) {
    const [row] = await db.select().from(librarySettings).where(eq(librarySettings.workspaceId, workspaceId));
    return row;
  },

  async saveSettings(db: DbOrTx, workspaceId: string, reviewDays: (typeof librarySettings.$inferInsert)['reviewDays']) {
    const [row] = await db
      .insert(librarySettings)
      .values({ workspaceId, reviewDays })
      .onConflictDoUpdate({ target: librarySettings.workspaceId, set: { reviewDays, updatedAt: sql`clock_timestamp()` } })
      .returning();
    return row!;
  },

  // ---- Review reminders -----------------------------------------------------------

  /** Workspaces with a published, owned asset overdue on `today` whose owner was not reminded today (system handle). */
  async workspacesDueReminders(db: DbOrTx, today: string): Promise<string[]> {
    const rows = await db
      .selectDistinct({ workspaceId: assets.workspaceId })
      .from(assets)
      .where(unremindedOverdue(today));
    return rows.map((r) => r.workspaceId);
  },

  /**
   * Claims today's reminder for every overdue asset of the workspace not yet reminded today, answering them with
   * their owner. A second run at the same time waits for this one's rows and, rechecking the condition, finds them
   * reminded: nobody is reminded twice a day.
   */
  async claimOverdue(db: DbOrTx, workspaceId: string, today: string) {
    const rows = await db
      .update(assets)
      .set({ reviewRemindedOn: today })
      .where(and(eq(assets.workspaceId, workspaceId), unremindedOverdue(today)))
      .returning({ id: assets.id, title: assets.title, reviewBy: assets.reviewBy, ownerUserId: assets.ownerUserId });
    return rows.map((r) => ({ ...r, reviewBy: r.reviewBy!, ownerUserId: r.ownerUserId! }));
  },
};

function unremindedOverdue(today: string) {
  return and(
    eq(assets.status, 'published'),
    isNotNull(assets.ownerUserId),
    isNotNull(assets.reviewBy),
    lt(assets.reviewBy, today),
    or(isNull(assets.reviewRemindedOn), lt(assets.reviewRemindedOn, today)),
  );
}
