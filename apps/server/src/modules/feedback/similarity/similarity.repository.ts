import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';
import { feedbackItems, themes } from '../tables.ts';

/** What the similarity index is built from, and the stamp that says it is out of date. */
export const similarityRepository = {
  /** Recent texts for the similarity index: the newest `limit` items. */
  async indexRows(db: DbOrTx, workspaceId: string, limit: number) {
    return db
      .select({
        id: feedbackItems.id,
        text: feedbackItems.text,
        themeId: feedbackItems.themeId,
        observedAt: feedbackItems.observedAt,
        submittedByUserId: feedbackItems.submittedByUserId,
      })
      .from(feedbackItems)
      .where(eq(feedbackItems.workspaceId, workspaceId))
      .orderBy(desc(feedbackItems.createdAt), desc(feedbackItems.id))
      .limit(limit);
  },

  async indexStamp(db: DbOrTx, workspaceId: string) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int`, last: sql<string | null>`max(${feedbackItems.updatedAt})::text` })
      .from(feedbackItems)
      .where(eq(feedbackItems.workspaceId, workspaceId));
    const [t] = await db
      .select({ n: sql<number>`count(*)::int`, last: sql<string | null>`max(${themes.updatedAt})::text` })
      .from(themes)
      .where(eq(themes.workspaceId, workspaceId));
    return `${row!.n}:${row!.last}:${t!.n}:${t!.last}`;
  },
};
