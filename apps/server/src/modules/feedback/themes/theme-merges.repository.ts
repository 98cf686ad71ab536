import { and, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';
import { feedbackItems, themeFollowers, themeLinks, themeMerges } from '../tables.ts';

export type ThemeMergeRow = typeof themeMerges.$inferSelect;

const uuids = (ids: string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

/**
 * What a merge of themes moves and the record of it, so it can be undone exactly: the items, follower rows and
 * links that moved, and only those. (Merging followers and links themselves: themes.repository.ts.)
 */
export const themeMergesRepository = {
  /** Moves every item of the sources into the target, answering each moved item with the theme it left. */
  async moveSourceItems(db: DbOrTx, workspaceId: string, fromThemeIds: string[], toThemeId: string) {
    if (!fromThemeIds.length) return [];
    const r = await db.execute<{ id: string; from: string }>(sql`
      with moving as (
        select id, theme_id from feedback_items
        where workspace_id = ${workspaceId} and theme_id in (${uuids(fromThemeIds)})
        for update
      )
      update feedback_items f set theme_id = ${toThemeId}::uuid, updated_at = clock_timestamp()
      from moving m where f.workspace_id = ${workspaceId} and f.id = m.id
      returning f.id, m.theme_id as "from"`);
    return r.rows;
  },

  /** The follower rows of some themes, as they are (stopped ones included). */
  async followerRows(db: DbOrTx, workspaceId: string, themeIds: string[]) {
    if (!themeIds.length) return [];
    return db
      .select({ themeId: themeFollowers.themeId, userId: themeFollowers.userId, following: themeFollowers.following })
      .from(themeFollowers)
      .where(and(eq(themeFollowers.workspaceId, workspaceId), inArray(themeFollowers.themeId, themeIds)));
  },

  async linkIds(db: DbOrTx, workspaceId: string, themeIds: string[]) {
    if (!themeIds.length) return [];
    return db
      .select({ id: themeLinks.id, themeId: themeLinks.themeId })
      .from(themeLinks)
      .where(and(eq(themeLinks.workspaceId, workspaceId), inArray(themeLinks.themeId, themeIds)));
  },

  async insertMerge(db: DbOrTx, row: typeof themeMerges.$inferInsert) {
    const [r] = await db.insert(themeMerges).values(row).returning();
    return r!;
  },

  /** A merge into `themeId`, with whether its undo window is still open (by the database's clock); locked with `lock`. */
  async merge(db: DbOrTx, workspaceId: string, themeId: string, mergeId: string, lock = false) {
    const q = db
      .select({ merge: themeMerges, undoable: sql<boolean>`coalesce(${themeMerges.undoUntil} > now(), false)` })
      .from(themeMerges)
      .where(and(eq(themeMerges.workspaceId, workspaceId), eq(themeMerges.themeId, themeId), eq(themeMerges.id, mergeId)));
    const [row] = lock ? await q.for('update') : await q;
    return row;
  },

  /** Whether another merge into the same theme came after this one and still stands (undo that one first). */
  async laterMerge(db: DbOrTx, workspaceId: string, merge: ThemeMergeRow) {
    const [row] = await db
      .select({ id: themeMerges.id })
      .from(themeMerges)
      .where(
        and(
          eq(themeMerges.workspaceId, workspaceId),
          eq(themeMerges.themeId, merge.themeId),
          isNull(themeMerges.undoneAt),
          gt(themeMerges.mergedAt, merge.mergedAt),
        ),
      )
      .orderBy(desc(themeMerges.mergedAt))
      .limit(1);
    return row;
  },

  async markUndone(db: DbOrTx, workspaceId: string, mergeId: string, userId: string | null) {
    await db
      .update(themeMerges)
      .set({ undoneAt: sql`clock_timestamp()`, undoneByUserId: userId })
      .where(and(eq(themeMerges.workspaceId, workspaceId), eq(themeMerges.id, mergeId)));
  },

  /** Where some items are now (locked, so nothing moves them while an undo runs); missing ones were deleted. */
  async lockItemThemes(db: DbOrTx, workspaceId: string, itemIds: string[]) {
    if (!itemIds.length) return [];
    return db
      .select({ id: feedbackItems.id, themeId: feedbackItems.themeId })
      .from(feedbackItems)
      .where(and(eq(feedbackItems.workspaceId, workspaceId), inArray(feedbackItems.id, itemIds)))
      .for('update');
  },

  async moveItemsBack(db: DbOrTx, workspaceId: string, itemIds: string[], fromThemeId: string, toThemeId: string) {
    if (!itemIds.length) return 0;
    const rows = await db
      .update(feedbackItems)
      .set({ themeId: toThemeId, updatedAt: sql`clock_timestamp()` })
      .where(and(eq(feedbackItems.workspaceId, workspaceId), eq(feedbackItems.themeId, fromThemeId), inArray(feedbackItems.id, itemIds)))
      .returning({ id: feedbackItems.id });
    return rows.length;
  },

  async moveLinksBack(db: DbOrTx, workspaceId: string, linkIds: string[], fromThemeId: string, toThemeId: string) {
    if (!linkIds.length) return;
    await db
      .update(themeLinks)
      .set({ themeId: toThemeId })
      .where(and(eq(themeLinks.workspaceId, workspaceId), eq(themeLinks.themeId, fromThemeId), inArray(themeLinks.id, linkIds)));
  },

  async deleteFollowers(db: DbOrTx, workspaceId: string, themeId: string, userIds: string[]) {
    if (!userIds.length) return;
    await db
      .delete(themeFollowers)
      .where(and(eq(themeFollowers.workspaceId, workspaceId), eq(themeFollowers.themeId, themeId), inArray(themeFollowers.userId, userIds)));
  },

  async followAgain(db: DbOrTx, workspaceId: string, themeId: string, userIds: string[]) {
    if (!userIds.length) return;
    await db
      .update(themeFollowers)
      .set({ following: true })
      .where(and(eq(themeFollowers.workspaceId, workspaceId), eq(themeFollowers.themeId, themeId), inArray(themeFollowers.userId, userIds)));
  },
};
