import { and, desc, eq, gte, ilike, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/database.ts';
import { after } from '../../db/keyset.ts';
import { accountSources, accounts, deals } from '../deals/tables.ts';
import { memberships, users } from '../workspaces/tables.ts';
import { feedbackImports, feedbackItems, themes } from './tables.ts';

export type FeedbackItemRow = typeof feedbackItems.$inferSelect;
import type { ThemeStatusValue } from './themes.repository.ts';

export type { ThemeRow, ThemeStatusValue } from './themes.repository.ts';

export interface ItemFilter {
  kinds?: FeedbackItemRow['kind'][];
  competitor?: string;
  segment?: string;
  /** A theme id, or null for items without one. */
  themeId?: string | null;
  statuses?: ThemeStatusValue[];
  submittedByUserId?: string;
  dealId?: string;
  accountId?: string;
  q?: string;
  from?: Date;
  to?: Date;
  ids?: string[];
}

const submitter = alias(users, 'submitter');
const responder = alias(users, 'responder');

/** One row of an item list, with what its DTO shows: deal, account, submitter, theme and its response. */
function itemSelection() {
  return {
    item: feedbackItems,
    deal: { id: deals.id, name: deals.name, stageCategory: deals.stageCategory, amountBase: deals.amountBase },
    account: { id: accounts.id, name: accounts.name, segment: accounts.segment },
    submitterName: submitter.name,
    theme: {
      id: themes.id,
      name: themes.name,
      status: themes.status,
      response: themes.response,
      respondedAt: themes.respondedAt,
      respondedByUserId: themes.respondedByUserId,
    },
    responderName: responder.name,
  };
}
export type ItemListRow = Awaited<ReturnType<typeof feedbackRepository.listItems>>[number];

function itemWhere(workspaceId: string, f: ItemFilter): SQL {
  const where: (SQL | undefined)[] = [eq(feedbackItems.workspaceId, workspaceId)];
  if (f.ids) where.push(f.ids.length ? inArray(feedbackItems.id, f.ids) : sql`false`);
  if (f.kinds?.length) where.push(inArray(feedbackItems.kind, f.kinds));
  if (f.competitor) where.push(sql`lower(${feedbackItems.competitor}) = lower(${f.competitor})`);
  if (f.segment) where.push(sql`lower(${accounts.segment}) = lower(${f.segment})`);
  if (f.themeId === null) where.push(isNull(feedbackItems.themeId));
  else if (f.themeId) where.push(eq(feedbackItems.themeId, f.themeId));
  // Items without a theme have no status: they are found with themeId null ("needs triage").
  if (f.statuses?.length) where.push(inArray(themes.status, f.statuses));
  if (f.submittedByUserId) where.push(eq(feedbackItems.submittedByUserId, f.submittedByUserId));
  if (f.dealId) where.push(eq(feedbackItems.dealId, f.dealId));
  if (f.accountId) where.push(eq(feedbackItems.accountId, f.accountId));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(feedbackItems.text, like), ilike(feedbackItems.quote, like)));
  }
  if (f.from) where.push(gte(feedbackItems.observedAt, f.from));
  if (f.to) where.push(lte(feedbackItems.observedAt, f.to));
  return and(...where)!;
}

function itemQuery(db: DbOrTx, workspaceId: string) {
  return db
    .select(itemSelection())
    .from(feedbackItems)
    .leftJoin(deals, and(eq(deals.workspaceId, workspaceId), eq(deals.id, feedbackItems.dealId)))
    .leftJoin(accounts, and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, feedbackItems.accountId)))
    .leftJoin(submitter, eq(submitter.id, feedbackItems.submittedByUserId))
    .leftJoin(themes, and(eq(themes.workspaceId, workspaceId), eq(themes.id, feedbackItems.themeId)))
    .leftJoin(responder, eq(responder.id, themes.respondedByUserId));
}

export const feedbackRepository = {
  // ---- Items -------------------------------------------------------------------

  async insertItems(db: DbOrTx, rows: (typeof feedbackItems.$inferInsert)[]) {
    if (!rows.length) return [];
    return db.insert(feedbackItems).values(rows).returning();
  },

  async itemById(db: DbOrTx, workspaceId: string, id: string) {
    const [row] = await db.select().from(feedbackItems).where(and(eq(feedbackItems.workspaceId, workspaceId), eq(feedbackItems.id, id)));
    return row;
  },

  async itemsByIds(db: DbOrTx, workspaceId: string, ids: string[]) {
    if (!ids.length) return [];
    return db.select().from(feedbackItems).where(and(eq(feedbackItems.workspaceId, workspaceId), inArray(feedbackItems.id, ids)));
  },

  /** Items, locked for the rest of the transaction in id order (two triagers moving the same items queue, never deadlock). */
  async lockItems(db: DbOrTx, workspaceId: string, ids: string[]) {
    if (!ids.length) return [];
    return db
      .select()
      .from(feedbackItems)
      .where(and(eq(feedbackItems.workspaceId, workspaceId), inArray(feedbackItems.id, ids)))
      .orderBy(feedbackItems.id)
      .for('update');
  },

  /** Items as lists show them, newest observation first, after a (observedAt, id) keyset. */
  async listItems(db: DbOrTx, workspaceId: string, f: ItemFilter, limit: number, cursor?: { observedAt: Date; id: string }) {
    const where = [itemWhere(workspaceId, f)];
    if (cursor) where.push(after('desc', [feedbackItems.observedAt, feedbackItems.id], [cursor.observedAt.toISOString(), cursor.id]));
    return itemQuery(db, workspaceId)
      .where(and(...where))
      .orderBy(desc(feedbackItems.observedAt), desc(feedbackItems.id))
      .limit(limit);
  },

  async countItems(db: DbOrTx, workspaceId: string, f: ItemFilter) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(feedbackItems)
      .leftJoin(accounts, and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, feedbackItems.accountId)))
      .leftJoin(themes, and(eq(themes.workspaceId, workspaceId), eq(themes.id, feedbackItems.themeId)))
      .where(itemWhere(workspaceId, f));
    return row!.n;
  },

  async updateItem(db: DbOrTx, workspaceId: string, id: string, patch: Partial<typeof feedbackItems.$inferInsert>) {
    const [row] = await db
      .update(feedbackItems)
      .set({ ...patch, updatedAt: sql`clock_timestamp()` })
      .where(and(eq(feedbackItems.workspaceId, workspaceId), eq(feedbackItems.id, id)))
      .returning();
    return row;
  },

  async deleteItem(db: DbOrTx, workspaceId: string, id: string) {
    await db.update(feedbackItems).set({ sameAsId: null }).where(and(eq(feedbackItems.workspaceId, workspaceId), eq(feedbackItems.sameAsId, id)));
    await db.delete(feedbackItems).where(and(eq(feedbackItems.workspaceId, workspaceId), eq(feedbackItems.id, id)));
  },

  /**
   * Puts items into a theme (or none). Items entering a theme past "new" count as acknowledged now by `actorUserId`;
   * items entering a theme that has a response count as answered now. Returns the items moved.
   */
  async assignItems(
    db: DbOrTx,
    workspaceId: string,
    ids: string[],
    theme: { id: string; status: ThemeStatusValue; response: string | null } | null,
    by: { assignedBy: FeedbackItemRow['assignedBy']; confidence: number | null; actorUserId: string | null },
  ) {
    if (!ids.length) return [];
    const now = new Date();
    const acknowledged = theme && theme.status !== 'new';
    return db
      .update(feedbackItems)
      .set({
        themeId: theme?.id ?? null,
        assignedBy: theme ? by.assignedBy : null,
        assignmentConfidence: theme ? by.confidence : null,
        // The database's clock, like inserts: the similarity cache keys on the latest update.
        updatedAt: sql`clock_timestamp()`,
        ...(acknowledged
          ? {
              acknowledgedAt: sql`coalesce(${feedbackItems.acknowledgedAt}, ${now.toISOString()}::timestamptz)`,
              acknowledgedByUserId: sql`coalesce(${feedbackItems.acknowledgedByUserId}, ${by.actorUserId}::uuid)`,
            }
          : {}),
        ...(theme?.response ? { respondedAt: sql`coalesce(${feedbackItems.respondedAt}, ${now.toISOString()}::timestamptz)` } : {}),
      })
      .where(and(eq(feedbackItems.workspaceId, workspaceId), inArray(feedbackItems.id, ids)))
      .returning({ id: feedbackItems.id, submittedByUserId: feedbackItems.submittedByUserId });
  },

  /** Marks every item of a theme acknowledged (those not yet) and, with a response, answered. */
  async markThemeItems(db: DbOrTx, workspaceId: string, themeId: string, actorUserId: string | null, acknowledged: boolean, responded: boolean) {
    if (!acknowledged && !responded) return;
    const now = new Date().toISOString();
    await db
      .update(feedbackItems)
      .set({
        ...(acknowledged
          ? {
              acknowledgedAt: sql`coalesce(${feedbackItems.acknowledgedAt}, ${now}::timestamptz)`,
              acknowledgedByUserId: sql`case when ${feedbackItems.acknowledgedAt} is null then ${actorUserId}::uuid else ${feedbackItems.acknowledgedByUserId} end`,
            }
          : {}),
        ...(responded ? { respondedAt: sql`coalesce(${feedbackItems.respondedAt}, ${now}::timestamptz)` } : {}),
      })
      .where(and(eq(feedbackItems.workspaceId, workspaceId), eq(feedbackItems.themeId, themeId)));
  },

  async moveThemeItems(db: DbOrTx, workspaceId: string, fromThemeIds: string[], toThemeId: string) {
    if (!fromThemeIds.length) return 0;
    const rows = await db
      .update(feedbackItems)
      .set({ themeId: toThemeId, updatedAt: sql`clock_timestamp()` })
      .where(and(eq(feedbackItems.workspaceId, workspaceId), inArray(feedbackItems.themeId, fromThemeIds)))
      .returning({ id: feedbackItems.id });
    return rows.length;
  },

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

  async mySummary(db: DbOrTx, workspaceId: string, userId: string) {
    return db
      .select({
        status: sql<string>`coalesce(${themes.status}, 'untriaged')`,
        n: sql<number>`count(*)::int`,
        responded: sql<number>`count(${feedbackItems.respondedAt})::int`,
      })
      .from(feedbackItems)
      .leftJoin(themes, and(eq(themes.workspaceId, workspaceId), eq(themes.id, feedbackItems.themeId)))
      .where(and(eq(feedbackItems.workspaceId, workspaceId), eq(feedbackItems.submittedByUserId, userId)))
      .groupBy(sql`1`);
  },

  /** Time to acknowledge and response rate per acknowledging person, and over everything (isTotal). */
  async responseStats(db: DbOrTx, workspaceId: string) {
    const result = await db.execute(sql`
      select i.acknowledged_by_user_id as "userId", u.name, grouping(i.acknowledged_by_user_id) = 1 as "isTotal",
        count(*)::int as items,
        count(i.acknowledged_at)::int as acknowledged,
        count(i.acknowledged_by_user_id)::int as "acknowledgedByPerson",
        count(i.responded_at)::int as responded,
        percentile_cont(0.5) within group (order by extract(epoch from i.acknowledged_at - i.created_at) / 3600)
          filter (where i.acknowledged_by_user_id is not null) as "medianHours",
        count(*) filter (where i.theme_id is null)::int as untriaged
      from feedback_items i left join users u on u.id = i.acknowledged_by_user_id
      where i.workspace_id = ${workspaceId}
      group by grouping sets ((i.acknowledged_by_user_id, u.name), ())`);
    return result.rows as {
      userId: string | null;
      name: string | null;
      isTotal: boolean;
      items: number;
      acknowledged: number;
      acknowledgedByPerson: number;
      responded: number;
      medianHours: number | null;
      untriaged: number;
    }[];
  },

  // ---- Imports ---------------------------------------------------------------------

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

  // ---- Demo ------------------------------------------------------------------------

  /** The CRM's deals, as the demo links feedback to them. */
  async demoDeals(db: DbOrTx, workspaceId: string) {
    return db
      .select({
        id: deals.id,
        accountId: deals.accountId,
        ownerUserId: deals.ownerUserId,
        stageCategory: deals.stageCategory,
        closeDate: deals.closeDate,
        createdDate: deals.createdDate,
        competitors: deals.competitors,
      })
      .from(deals)
      .where(and(eq(deals.workspaceId, workspaceId), isNull(deals.removedAt)));
  },

  // ---- Lookups for links and imports -------------------------------------------------

  async dealRef(db: DbOrTx, workspaceId: string, id: string) {
    const [row] = await db
      .select({ id: deals.id, accountId: deals.accountId })
      .from(deals)
      .where(and(eq(deals.workspaceId, workspaceId), eq(deals.id, id), isNull(deals.removedAt)));
    return row;
  },

  async accountRef(db: DbOrTx, workspaceId: string, id: string) {
    const [row] = await db
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, id), isNull(accounts.removedAt)));
    return row;
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
