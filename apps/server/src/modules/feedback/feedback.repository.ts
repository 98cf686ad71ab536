import { and, asc, desc, eq, gte, ilike, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/database.ts';
import { after } from '../../db/keyset.ts';
import { accountSources, accounts, deals } from '../deals/deals.table.ts';
import { memberships, users } from '../workspaces/workspaces.table.ts';
import { feedbackImports, feedbackItems, themeFollowers, themeLinks, themeStatusChanges, themeSuggestions, themes } from './feedback.table.ts';

export type FeedbackItemRow = typeof feedbackItems.$inferSelect;
export type ThemeRow = typeof themes.$inferSelect;
export type ThemeStatusValue = ThemeRow['status'];
export type SuggestionRow = typeof themeSuggestions.$inferSelect;

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

const money = (x: unknown) => (x === null || x === undefined ? '0' : String(x));

export interface ThemeMetricsRow {
  themeId: string;
  items: number;
  accounts: number;
  submitters: number;
  openPipeline: string;
  openDeals: number;
  lostRevenue: string;
  lostDeals: number;
  wonRevenue: string;
  wonDeals: number;
  firstSeen: Date | null;
  lastSeen: Date | null;
}

/**
 * The deals behind each theme's items, each deal once per theme: an item naming a deal brings that deal; an item
 * naming only an account brings every deal of that account. `via` is 'item' when any item names the deal itself.
 */
function themeDealsCte(workspaceId: string, themeIds: string[]) {
  const ids = sql.join(themeIds.map((id) => sql`${id}::uuid`), sql`, `);
  return sql`
    theme_deals as (
      select l.theme_id, l.deal_id, bool_or(l.direct) as direct
      from (
        select i.theme_id, i.deal_id, true as direct
        from feedback_items i
        where i.workspace_id = ${workspaceId} and i.theme_id in (${ids}) and i.deal_id is not null
        union all
        select i.theme_id, d.id, false
        from feedback_items i
        join deals d on d.workspace_id = i.workspace_id and d.account_id = i.account_id
        where i.workspace_id = ${workspaceId} and i.theme_id in (${ids}) and i.deal_id is null and i.account_id is not null
      ) l
      group by l.theme_id, l.deal_id
    )`;
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
      .set({ ...patch, updatedAt: new Date() })
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
        updatedAt: now,
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
      .set({ themeId: toThemeId, updatedAt: new Date() })
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

  // ---- Themes ------------------------------------------------------------------

  async insertTheme(db: DbOrTx, row: typeof themes.$inferInsert) {
    const [theme] = await db.insert(themes).values(row).returning();
    return theme!;
  },

  async themeById(db: DbOrTx, workspaceId: string, id: string) {
    const [row] = await db.select().from(themes).where(and(eq(themes.workspaceId, workspaceId), eq(themes.id, id)));
    return row;
  },

  async themeByName(db: DbOrTx, workspaceId: string, name: string) {
    const [row] = await db
      .select()
      .from(themes)
      .where(and(eq(themes.workspaceId, workspaceId), isNull(themes.mergedIntoId), sql`lower(${themes.name}) = lower(${name})`));
    return row;
  },

  async themesByIds(db: DbOrTx, workspaceId: string, ids: string[]) {
    if (!ids.length) return [];
    return db.select().from(themes).where(and(eq(themes.workspaceId, workspaceId), inArray(themes.id, ids)));
  },

  async listThemes(db: DbOrTx, workspaceId: string, f: { statuses?: ThemeStatusValue[]; q?: string }) {
    const where: (SQL | undefined)[] = [eq(themes.workspaceId, workspaceId), isNull(themes.mergedIntoId)];
    if (f.statuses?.length) where.push(inArray(themes.status, f.statuses));
    if (f.q) where.push(ilike(themes.name, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
    return db.select().from(themes).where(and(...where)).orderBy(asc(themes.name));
  },

  async updateTheme(db: DbOrTx, workspaceId: string, id: string, patch: Partial<typeof themes.$inferInsert>) {
    const [row] = await db
      .update(themes)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(themes.workspaceId, workspaceId), eq(themes.id, id)))
      .returning();
    return row;
  },

  async lockTheme(db: DbOrTx, workspaceId: string, id: string) {
    const [row] = await db
      .select()
      .from(themes)
      .where(and(eq(themes.workspaceId, workspaceId), eq(themes.id, id)))
      .for('update');
    return row;
  },

  async personNames(db: DbOrTx, ids: string[]) {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map<string, string>();
    const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, unique));
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  async isMember(db: DbOrTx, workspaceId: string, userId: string, roles?: string[]) {
    const [row] = await db
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId), eq(memberships.active, true)));
    return !!row && (!roles || roles.includes(row.role));
  },

  /** Counts, dates and the revenue behind each theme (deals counted once per theme). */
  async themeMetrics(db: DbOrTx, workspaceId: string, themeIds: string[]): Promise<Map<string, ThemeMetricsRow>> {
    const out = new Map<string, ThemeMetricsRow>();
    if (!themeIds.length) return out;
    const ids = sql.join(themeIds.map((id) => sql`${id}::uuid`), sql`, `);
    const result = await db.execute(sql`
      with ${themeDealsCte(workspaceId, themeIds)},
      revenue as (
        select td.theme_id,
          sum(d.amount_base) filter (where d.stage_category = 'open') as open_pipeline,
          count(*) filter (where d.stage_category = 'open')::int as open_deals,
          sum(d.amount_base) filter (where d.stage_category = 'lost') as lost_revenue,
          count(*) filter (where d.stage_category = 'lost')::int as lost_deals,
          sum(d.amount_base) filter (where d.stage_category = 'won') as won_revenue,
          count(*) filter (where d.stage_category = 'won')::int as won_deals
        from theme_deals td join deals d on d.workspace_id = ${workspaceId} and d.id = td.deal_id and d.removed_at is null
        group by td.theme_id
      ),
      counts as (
        select i.theme_id, count(*)::int as items, count(distinct i.account_id)::int as accounts,
          count(distinct i.submitted_by_user_id)::int as submitters,
          min(i.observed_at) as first_seen, max(i.observed_at) as last_seen
        from feedback_items i where i.workspace_id = ${workspaceId} and i.theme_id in (${ids})
        group by i.theme_id
      )
      select c.theme_id as "themeId", c.items, c.accounts, c.submitters, c.first_seen as "firstSeen", c.last_seen as "lastSeen",
        r.open_pipeline::text as "openPipeline", coalesce(r.open_deals, 0) as "openDeals",
        r.lost_revenue::text as "lostRevenue", coalesce(r.lost_deals, 0) as "lostDeals",
        r.won_revenue::text as "wonRevenue", coalesce(r.won_deals, 0) as "wonDeals"
      from counts c left join revenue r on r.theme_id = c.theme_id`);
    for (const r of result.rows as Record<string, unknown>[]) {
      out.set(String(r.themeId), {
        themeId: String(r.themeId),
        items: Number(r.items),
        accounts: Number(r.accounts),
        submitters: Number(r.submitters),
        openPipeline: money(r.openPipeline),
        openDeals: Number(r.openDeals),
        lostRevenue: money(r.lostRevenue),
        lostDeals: Number(r.lostDeals),
        wonRevenue: money(r.wonRevenue),
        wonDeals: Number(r.wonDeals),
        firstSeen: r.firstSeen ? new Date(String(r.firstSeen)) : null,
        lastSeen: r.lastSeen ? new Date(String(r.lastSeen)) : null,
      });
    }
    return out;
  },

  /** Items per theme per ISO week (Monday) since `since`. */
  async weeklyCounts(db: DbOrTx, workspaceId: string, themeIds: string[], since: Date) {
    if (!themeIds.length) return [];
    return db
      .select({
        themeId: feedbackItems.themeId,
        week: sql<string>`to_char(date_trunc('week', ${feedbackItems.observedAt} at time zone 'UTC'), 'YYYY-MM-DD')`,
        n: sql<number>`count(*)::int`,
      })
      .from(feedbackItems)
      .where(and(eq(feedbackItems.workspaceId, workspaceId), inArray(feedbackItems.themeId, themeIds), gte(feedbackItems.observedAt, since)))
      .groupBy(feedbackItems.themeId, sql`2`);
  },

  async competitorCounts(db: DbOrTx, workspaceId: string, themeIds: string[]) {
    if (!themeIds.length) return [];
    return db
      .select({ themeId: feedbackItems.themeId, name: sql<string>`min(${feedbackItems.competitor})`, n: sql<number>`count(*)::int` })
      .from(feedbackItems)
      .where(
        and(eq(feedbackItems.workspaceId, workspaceId), inArray(feedbackItems.themeId, themeIds), sql`coalesce(${feedbackItems.competitor}, '') <> ''`),
      )
      .groupBy(feedbackItems.themeId, sql`lower(${feedbackItems.competitor})`)
      .orderBy(desc(sql`count(*)`), asc(sql`min(${feedbackItems.competitor})`));
  },

  async kindCounts(db: DbOrTx, workspaceId: string, themeId: string) {
    return db
      .select({ kind: feedbackItems.kind, n: sql<number>`count(*)::int` })
      .from(feedbackItems)
      .where(and(eq(feedbackItems.workspaceId, workspaceId), eq(feedbackItems.themeId, themeId)))
      .groupBy(feedbackItems.kind)
      .orderBy(desc(sql`count(*)`));
  },

  /** The deals behind a theme, largest open amount first. */
  async themeDeals(db: DbOrTx, workspaceId: string, themeId: string, limit: number) {
    const result = await db.execute(sql`
      with ${themeDealsCte(workspaceId, [themeId])}
      select d.id, d.name, a.name as account, d.stage, d.stage_category as "stageCategory", d.amount_base::text as "amountBase",
        d.close_date::text as "closeDate", td.direct
      from theme_deals td
      join deals d on d.workspace_id = ${workspaceId} and d.id = td.deal_id and d.removed_at is null
      left join accounts a on a.workspace_id = d.workspace_id and a.id = d.account_id
      order by (d.stage_category = 'open') desc, d.amount_base desc nulls last, d.name
      limit ${limit}`);
    return result.rows as {
      id: string;
      name: string;
      account: string | null;
      stage: string;
      stageCategory: 'open' | 'won' | 'lost';
      amountBase: string | null;
      closeDate: string | null;
      direct: boolean;
    }[];
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

  // ---- Followers, history, links ---------------------------------------------------

  /** Signs people up to a theme; someone who stopped following stays stopped. */
  async addFollowers(db: DbOrTx, workspaceId: string, themeId: string, userIds: (string | null)[]) {
    const unique = [...new Set(userIds.filter((u): u is string => !!u))];
    if (!unique.length) return;
    await db
      .insert(themeFollowers)
      .values(unique.map((userId) => ({ workspaceId, themeId, userId })))
      .onConflictDoNothing();
  },

  async setFollowing(db: DbOrTx, workspaceId: string, themeId: string, userId: string, following: boolean) {
    await db
      .insert(themeFollowers)
      .values({ workspaceId, themeId, userId, following })
      .onConflictDoUpdate({ target: [themeFollowers.workspaceId, themeFollowers.themeId, themeFollowers.userId], set: { following } });
  },

  /** Merging: everyone following a source follows the target (a stop on either side wins). */
  async mergeFollowers(db: DbOrTx, workspaceId: string, fromThemeIds: string[], toThemeId: string) {
    if (!fromThemeIds.length) return;
    const from = sql.join(fromThemeIds.map((id) => sql`${id}::uuid`), sql`, `);
    await db.execute(sql`
      insert into theme_followers (workspace_id, theme_id, user_id, following)
      select workspace_id, ${toThemeId}::uuid, user_id, bool_and(following)
      from theme_followers where workspace_id = ${workspaceId} and theme_id in (${from})
      group by workspace_id, user_id
      on conflict (workspace_id, theme_id, user_id) do update set following = theme_followers.following and excluded.following`);
  },

  async followers(db: DbOrTx, workspaceId: string, themeId: string) {
    return db
      .select({ userId: themeFollowers.userId, following: themeFollowers.following })
      .from(themeFollowers)
      .innerJoin(memberships, and(eq(memberships.workspaceId, themeFollowers.workspaceId), eq(memberships.userId, themeFollowers.userId)))
      .where(and(eq(themeFollowers.workspaceId, workspaceId), eq(themeFollowers.themeId, themeId), eq(memberships.active, true)));
  },

  async insertStatusChange(db: DbOrTx, row: typeof themeStatusChanges.$inferInsert) {
    const [r] = await db.insert(themeStatusChanges).values(row).returning();
    return r!;
  },

  async statusHistory(db: DbOrTx, workspaceId: string, themeId: string) {
    return db
      .select({ change: themeStatusChanges, name: users.name })
      .from(themeStatusChanges)
      .leftJoin(users, eq(users.id, themeStatusChanges.changedByUserId))
      .where(and(eq(themeStatusChanges.workspaceId, workspaceId), eq(themeStatusChanges.themeId, themeId)))
      .orderBy(desc(themeStatusChanges.changedAt), desc(themeStatusChanges.id));
  },

  async insertLink(db: DbOrTx, row: typeof themeLinks.$inferInsert) {
    const [r] = await db.insert(themeLinks).values(row).returning();
    return r!;
  },

  async deleteLink(db: DbOrTx, workspaceId: string, themeId: string, linkId: string) {
    const rows = await db
      .delete(themeLinks)
      .where(and(eq(themeLinks.workspaceId, workspaceId), eq(themeLinks.themeId, themeId), eq(themeLinks.id, linkId)))
      .returning({ id: themeLinks.id });
    return rows.length > 0;
  },

  async links(db: DbOrTx, workspaceId: string, themeIds: string[]) {
    if (!themeIds.length) return [];
    return db
      .select({ link: themeLinks, name: users.name })
      .from(themeLinks)
      .leftJoin(users, eq(users.id, themeLinks.createdByUserId))
      .where(and(eq(themeLinks.workspaceId, workspaceId), inArray(themeLinks.themeId, themeIds)))
      .orderBy(asc(themeLinks.createdAt), asc(themeLinks.id));
  },

  async moveLinks(db: DbOrTx, workspaceId: string, fromThemeIds: string[], toThemeId: string) {
    if (!fromThemeIds.length) return;
    await db
      .update(themeLinks)
      .set({ themeId: toThemeId })
      .where(and(eq(themeLinks.workspaceId, workspaceId), inArray(themeLinks.themeId, fromThemeIds)));
  },

  // ---- Suggestions -----------------------------------------------------------------

  async replacePendingSuggestions(db: DbOrTx, workspaceId: string, rows: (typeof themeSuggestions.$inferInsert)[]) {
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

  async insertStatusChanges(db: DbOrTx, rows: (typeof themeStatusChanges.$inferInsert)[]) {
    if (rows.length) await db.insert(themeStatusChanges).values(rows);
  },

  async insertLinks(db: DbOrTx, rows: (typeof themeLinks.$inferInsert)[]) {
    if (rows.length) await db.insert(themeLinks).values(rows);
  },

  async insertFollowers(db: DbOrTx, rows: (typeof themeFollowers.$inferInsert)[]) {
    if (rows.length) await db.insert(themeFollowers).values(rows).onConflictDoNothing();
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
