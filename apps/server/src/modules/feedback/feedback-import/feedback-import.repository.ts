import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';
import { accountSources, accounts, deals } from '../../deals/tables.ts';
import { memberships, users } from '../../workspaces/tables.ts';
import { feedbackImports, feedbackItems } from '../tables.ts';

/** Import batches, their undo, and the lookups that turn a file's deal, account and submitter cells into ids. */
export const feedbackImportRepository = {
  async insertImport(db: DbOrTx, row: typeof feedbackImports.$inferInsert) {
    const [r] = await db.insert(feedbackImports).values(row).returning();
    return r!;
  },

  async importById(db: DbOrTx, workspaceId: string, id: string) {
    const [row] = await db
      .select()
      .from(feedbackImports)
      .where(and(eq(feedbackImports.workspaceId, workspaceId), eq(feedbackImports.id, id)))
      .for('update');
    return row;
  },

  async undoImport(db: DbOrTx, workspaceId: string, id: string) {
    await db
      .update(feedbackItems)
      .set({ sameAsId: null })
      .where(
        and(
          eq(feedbackItems.workspaceId, workspaceId),
          sql`${feedbackItems.sameAsId} in (select id from feedback_items where workspace_id = ${workspaceId} and import_batch_id = ${id})`,
        ),
      );
    const removed = await db
      .delete(feedbackItems)
      .where(and(eq(feedbackItems.workspaceId, workspaceId), eq(feedbackItems.importBatchId, id)))
      .returning({ id: feedbackItems.id });
    await db
      .update(feedbackImports)
      .set({ undoneAt: new Date() })
      .where(and(eq(feedbackImports.workspaceId, workspaceId), eq(feedbackImports.id, id)));
    return removed.length;
  },

  /** Live deals named by Tandem id or by external id in any source, with their account's name. */
  async dealsByRefs(db: DbOrTx, workspaceId: string, ids: string[], externalIds: string[]) {
    const out: { id: string; source: string; externalId: string; accountId: string | null; accountName: string | null }[] = [];
    for (const [column, values] of [
      [deals.id, ids],
      [deals.externalId, externalIds],
    ] as const) {
      for (const chunk of chunks(values)) {
        const rows = await db
          .select({ id: deals.id, source: deals.source, externalId: deals.externalId, accountId: deals.accountId, accountName: accounts.name })
          .from(deals)
          .leftJoin(accounts, and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, deals.accountId)))
          .where(and(eq(deals.workspaceId, workspaceId), inArray(column, chunk), isNull(deals.removedAt)));
        out.push(...rows);
      }
    }
    return out;
  },

  /** Live accounts named by Tandem id, by name (lower-cased) or by external id in any source; `key` is what matched. */
  async accountsByRefs(db: DbOrTx, workspaceId: string, refs: { ids: string[]; lowerNames: string[]; externalIds: string[] }) {
    const out: { id: string; name: string; key: string }[] = [];
    const live = and(eq(accounts.workspaceId, workspaceId), isNull(accounts.removedAt));
    for (const chunk of chunks(refs.ids)) {
      out.push(...(await db.select({ id: accounts.id, name: accounts.name, key: sql<string>`${accounts.id}::text` }).from(accounts).where(and(live, inArray(accounts.id, chunk)))));
    }
    for (const chunk of chunks(refs.lowerNames)) {
      const lower = sql<string>`lower(${accounts.name})`;
      out.push(...(await db.select({ id: accounts.id, name: accounts.name, key: lower }).from(accounts).where(and(live, inArray(lower, chunk)))));
    }
    for (const chunk of chunks(refs.externalIds)) {
      out.push(
        ...(await db
          .select({ id: accounts.id, name: accounts.name, key: accountSources.externalId })
          .from(accountSources)
          .innerJoin(accounts, and(eq(accounts.workspaceId, accountSources.workspaceId), eq(accounts.id, accountSources.accountId)))
          .where(and(live, eq(accountSources.workspaceId, workspaceId), inArray(accountSources.externalId, chunk)))),
      );
    }
    return out;
  },

  async activeMembers(db: DbOrTx, workspaceId: string) {
    return db
      .select({ userId: users.id, email: users.email, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.active, true)));
  },

  /**
   * Undoing an import: stop the follows it signed up (rows written in its transaction, so stamped with its
   * `created_at`) for people left with no other item in that theme. Call before the import's items are deleted.
   */
  async dropImportFollowers(db: DbOrTx, workspaceId: string, importId: string, importedAt: Date) {
    await db.execute(sql`
      delete from theme_followers f
      where f.workspace_id = ${workspaceId} and f.created_at = ${importedAt.toISOString()}::timestamptz
        and f.theme_id in (select theme_id from feedback_items where workspace_id = ${workspaceId} and import_batch_id = ${importId} and theme_id is not null)
        and not exists (
          select 1 from feedback_items i
          where i.workspace_id = f.workspace_id and i.theme_id = f.theme_id and i.submitted_by_user_id = f.user_id
            and i.import_batch_id is distinct from ${importId}::uuid)`);
  },
};

/** Lookups of many values go in slices, well under PostgreSQL's 65,535 parameters a statement. */
function chunks<T>(values: T[], size = 5000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}
