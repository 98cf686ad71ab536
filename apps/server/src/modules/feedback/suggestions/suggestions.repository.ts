import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';
import { feedbackItems, themeSuggestions, themes } from '../tables.ts';

const money = (x: unknown) => (x === null || x === undefined ? '0' : String(x));

/** Suggested themes, the untriaged items they are computed from, and the revenue behind a group. */
export const suggestionsRepository = {
  async replacePendingSuggestions(db: DbOrTx, workspaceId: string, rows: (typeof themeSuggestions.$inferInsert)[]) {
    // Two runs at once would each delete only what they can see and both insert: one at a time per workspace.
    await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`theme-suggestions:${workspaceId}`}, 0))`);
    await db.delete(themeSuggestions).where(and(eq(themeSuggestions.workspaceId, workspaceId), eq(themeSuggestions.status, 'pending')));
    if (!rows.length) return [];
    return db.insert(themeSuggestions).values(rows).returning();
  },

  async pendingSuggestions(db: DbOrTx, workspaceId: string) {
    return db
      .select()
      .from(themeSuggestions)
      .where(and(eq(themeSuggestions.workspaceId, workspaceId), eq(themeSuggestions.status, 'pending')))
      .orderBy(desc(sql`cardinality(${themeSuggestions.itemIds})`), asc(themeSuggestions.id));
  },

  async lastSuggestionRun(db: DbOrTx, workspaceId: string) {
    const [row] = await db
      .select({ at: sql<string | null>`max(${themeSuggestions.createdAt})::text` })
      .from(themeSuggestions)
      .where(eq(themeSuggestions.workspaceId, workspaceId));
    return row?.at ? new Date(row.at) : null;
  },

  async lockSuggestion(db: DbOrTx, workspaceId: string, id: string) {
    const [row] = await db
      .select()
      .from(themeSuggestions)
      .where(and(eq(themeSuggestions.workspaceId, workspaceId), eq(themeSuggestions.id, id)))
      .for('update');
    return row;
  },

  async decideSuggestion(db: DbOrTx, workspaceId: string, id: string, patch: Partial<typeof themeSuggestions.$inferInsert>) {
    await db
      .update(themeSuggestions)
      .set({ ...patch, decidedAt: new Date() })
      .where(and(eq(themeSuggestions.workspaceId, workspaceId), eq(themeSuggestions.id, id)));
  },

  /** Back to pending, as if nobody had decided (an undone accept). */
  async reopenSuggestion(db: DbOrTx, workspaceId: string, id: string) {
    await db
      .update(themeSuggestions)
      .set({ status: 'pending', themeId: null, decidedAt: null, decidedByUserId: null })
      .where(and(eq(themeSuggestions.workspaceId, workspaceId), eq(themeSuggestions.id, id)));
  },

  /** Names of the workspace's themes (not merged away): a suggested name must not repeat one. */
  async themeNames(db: DbOrTx, workspaceId: string): Promise<string[]> {
    const rows = await db
      .select({ name: themes.name })
      .from(themes)
      .where(and(eq(themes.workspaceId, workspaceId), isNull(themes.mergedIntoId)));
    return rows.map((r) => r.name);
  },

  // ---- Untriaged items -------------------------------------------------------------

  /** Untriaged items for the clustering engine, newest first. */
  async unthemed(db: DbOrTx, workspaceId: string, limit: number) {
    return db
      .select({ id: feedbackItems.id, text: feedbackItems.text })
      .from(feedbackItems)
      .where(and(eq(feedbackItems.workspaceId, workspaceId), isNull(feedbackItems.themeId)))
      .orderBy(desc(feedbackItems.createdAt), desc(feedbackItems.id))
      .limit(limit);
  },

  async countUnthemed(db: DbOrTx, workspaceId: string) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(feedbackItems)
      .where(and(eq(feedbackItems.workspaceId, workspaceId), isNull(feedbackItems.themeId)));
    return row!.n;
  },

  /** The open pipeline and accounts behind arbitrary groups of items (suggestions), by the theme rule. */
  async groupRevenue(db: DbOrTx, workspaceId: string, itemIds: string[]) {
    if (!itemIds.length) return { openPipeline: '0', accounts: 0 };
    const ids = sql.join(itemIds.map((id) => sql`${id}::uuid`), sql`, `);
    const result = await db.execute(sql`
      with items as (select * from feedback_items where workspace_id = ${workspaceId} and id in (${ids})),
      linked as (
        select deal_id from items where deal_id is not null
        union
        select d.id from items i join deals d on d.workspace_id = i.workspace_id and d.account_id = i.account_id
        where i.deal_id is null and i.account_id is not null
      )
      select (select sum(d.amount_base) from linked l join deals d on d.workspace_id = ${workspaceId} and d.id = l.deal_id
                where d.stage_category = 'open' and d.removed_at is null)::text as open,
             (select count(distinct account_id)::int from items) as accounts`);
    const row = result.rows[0] as { open: string | null; accounts: number };
    return { openPipeline: money(row.open), accounts: Number(row.accounts) };
  },
};
