import type { Theme, ThemeDetail } from '@tandem/contracts';
import { and, asc, desc, eq, gte, ilike, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';
import { memberships, users } from '../../workspaces/tables.ts';
import { feedbackItems, themeFollowers, themeLinks, themeStatusChanges, themes } from '../tables.ts';
import { toLinkDto, toMetricsDto, toThemeDto, trendWeeks, type ThemeMetricsRow, type ThemeRow, type ThemeStatusValue } from './themes.dto.ts';

export type { ThemeRow, ThemeStatusValue } from './themes.dto.ts';

/** The deals a theme page lists. */
const DEAL_LIMIT = 200;

const money = (x: unknown) => (x === null || x === undefined ? '0' : String(x));

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

/** Themes and what hangs off them: metrics, followers, status history, links, suggestions. */
export const themesRepository = {
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
      .set({ ...patch, updatedAt: sql`clock_timestamp()` })
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
        -- Each deal looked up by id (deals_revenue_idx, index only): as a plain join the planner, expecting few
        -- theme deals, scanned every deal of the workspace once per theme deal (109 ms against 11 ms on the demo).
        from theme_deals td cross join lateral (
          select d.amount_base, d.stage_category from deals d
          where d.workspace_id = ${workspaceId} and d.id = td.deal_id and d.removed_at is null limit 1
        ) d
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
      -- Each deal and its account looked up by id, as in themeMetrics: as plain joins, on deals without statistics
      -- yet (a fresh seed or import) the planner scanned every deal of the workspace once per theme deal and every
      -- account once per deal (the largest demo theme: 204 against 34 ms; about 30 ms either way once analysed).
      from theme_deals td
      cross join lateral (
        select d.id, d.name, d.account_id, d.stage, d.stage_category, d.amount_base, d.close_date from deals d
        where d.workspace_id = ${workspaceId} and d.id = td.deal_id and d.removed_at is null limit 1
      ) d
      left join lateral (select a.name from accounts a where a.workspace_id = ${workspaceId} and a.id = d.account_id limit 1) a on true
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

  // ---- As the API shows them ------------------------------------------------------

  /** Themes as the board shows them: each with its metrics, trend and top competitors, in four queries for all. */
  async themeDtos(db: DbOrTx, workspaceId: string, rows: ThemeRow[], now = new Date()): Promise<Theme[]> {
    const ids = rows.map((t) => t.id);
    const weeks = trendWeeks(now);
    const since = new Date(`${weeks[0]}T00:00:00Z`);
    // One connection runs one query at a time: these go in turn.
    const metrics = await themesRepository.themeMetrics(db, workspaceId, ids);
    const weekly = await themesRepository.weeklyCounts(db, workspaceId, ids, since);
    const competitors = await themesRepository.competitorCounts(db, workspaceId, ids);
    const names = await themesRepository.personNames(db, rows.flatMap((t) => [t.ownerUserId, t.respondedByUserId].filter((x): x is string => !!x)));
    const counts = new Map<string, Map<string, number>>();
    for (const w of weekly) {
      const m = counts.get(w.themeId!) ?? new Map<string, number>();
      m.set(w.week, w.n);
      counts.set(w.themeId!, m);
    }
    const comp = new Map<string, { name: string; items: number }[]>();
    for (const c of competitors) comp.set(c.themeId!, [...(comp.get(c.themeId!) ?? []), { name: c.name, items: c.n }]);
    return rows.map((t) => toThemeDto(t, names, toMetricsDto(metrics.get(t.id), weeks, counts.get(t.id), comp.get(t.id))));
  },

  /** A theme with everything its page shows, as `userId` sees it (whether they follow it); undefined if there is none. */
  async themeDetail(db: DbOrTx, workspaceId: string, themeId: string, userId: string | null): Promise<ThemeDetail | undefined> {
    const theme = await themesRepository.themeById(db, workspaceId, themeId);
    if (!theme) return undefined;
    const [dto] = await themesRepository.themeDtos(db, workspaceId, [theme]);
    const links = await themesRepository.links(db, workspaceId, [theme.id]);
    const history = await themesRepository.statusHistory(db, workspaceId, theme.id);
    const dealRows = await themesRepository.themeDeals(db, workspaceId, theme.id, DEAL_LIMIT);
    const kinds = await themesRepository.kindCounts(db, workspaceId, theme.id);
    const followers = await themesRepository.followers(db, workspaceId, theme.id);
    const audience = await themesRepository.audience(db, workspaceId, theme.id, userId);
    const mergedInto = theme.mergedIntoId ? await themesRepository.themeById(db, workspaceId, theme.mergedIntoId) : undefined;
    return {
      ...dto!,
      links: links.map(toLinkDto),
      history: history.map((h, i) => ({
        id: h.change.id,
        from: h.change.fromStatus,
        to: h.change.toStatus,
        message: h.change.message,
        by: h.change.changedByUserId ? { userId: h.change.changedByUserId, name: h.name ?? 'Former member' } : null,
        at: h.change.changedAt.toISOString(),
        notified: h.change.notified,
        undoUntil: i === 0 && h.undoable && h.change.undoUntil ? h.change.undoUntil.toISOString() : null,
      })),
      deals: dealRows.map((d) => ({
        id: d.id,
        name: d.name,
        account: d.account,
        stage: d.stage,
        stageCategory: d.stageCategory,
        amountBase: d.amountBase,
        closeDate: d.closeDate,
        via: d.direct ? ('item' as const) : ('account' as const),
      })),
      kinds: kinds.map((k) => ({ kind: k.kind, items: k.n })),
      subscribers: followers.filter((f) => f.following).length,
      following: followers.some((f) => f.userId === userId && f.following),
      audience: {
        reporters: audience.filter((a) => a.reported).map((a) => ({ userId: a.userId, name: a.name })),
        followers: audience.filter((a) => !a.reported).map((a) => ({ userId: a.userId, name: a.name })),
      },
      mergedInto: mergedInto ? { id: mergedInto.id, name: mergedInto.name, status: mergedInto.status } : null,
    };
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

  /**
   * Who a status change by `exceptUserId` would tell (the same rule as the change itself: active members who
   * follow, not the actor), by name, and whether each reported an item in the theme.
   */
  async audience(db: DbOrTx, workspaceId: string, themeId: string, exceptUserId: string | null) {
    const rows = await db.execute<{ user_id: string; name: string; reported: boolean }>(sql`
      select f.user_id, u.name, exists (
        select 1 from feedback_items i
        where i.workspace_id = f.workspace_id and i.theme_id = f.theme_id and i.submitted_by_user_id = f.user_id
      ) as reported
      from theme_followers f
      join memberships m on m.workspace_id = f.workspace_id and m.user_id = f.user_id and m.active
      join users u on u.id = f.user_id
      where f.workspace_id = ${workspaceId} and f.theme_id = ${themeId} and f.following
        and (${exceptUserId}::uuid is null or f.user_id <> ${exceptUserId}::uuid)
      order by u.name, f.user_id`);
    return rows.rows.map((r) => ({ userId: r.user_id, name: r.name, reported: r.reported }));
  },

  async deleteStatusChange(db: DbOrTx, workspaceId: string, id: string) {
    await db.delete(themeStatusChanges).where(and(eq(themeStatusChanges.workspaceId, workspaceId), eq(themeStatusChanges.id, id)));
  },

  /** The theme's owner and its followers who triage (admins, marketing), active members only, each once. */
  async triageFollowers(db: DbOrTx, workspaceId: string, themeId: string, ownerUserId: string | null): Promise<string[]> {
    const rows = await db.execute<{ user_id: string }>(sql`
      select m.user_id from memberships m
      where m.workspace_id = ${workspaceId} and m.active and m.role in ('admin', 'marketing')
        and (m.user_id = ${ownerUserId}::uuid or exists (
          select 1 from theme_followers f
          where f.workspace_id = m.workspace_id and f.theme_id = ${themeId} and f.user_id = m.user_id and f.following))
      order by m.user_id`);
    return rows.rows.map((r) => r.user_id);
  },

  /** Whether anything happened to a theme beyond holding items: a status change, a link, another theme merged in. */
  async touched(db: DbOrTx, workspaceId: string, themeId: string): Promise<boolean> {
    const r = await db.execute<{ touched: boolean }>(sql`
      select exists (select 1 from theme_status_changes where workspace_id = ${workspaceId} and theme_id = ${themeId})
          or exists (select 1 from theme_links where workspace_id = ${workspaceId} and theme_id = ${themeId})
          or exists (select 1 from themes where workspace_id = ${workspaceId} and merged_into_id = ${themeId}) as touched`);
    return r.rows[0]!.touched;
  },

  async themeItemIds(db: DbOrTx, workspaceId: string, themeId: string): Promise<string[]> {
    const rows = await db.select({ id: feedbackItems.id }).from(feedbackItems).where(and(eq(feedbackItems.workspaceId, workspaceId), eq(feedbackItems.themeId, themeId)));
    return rows.map((r) => r.id);
  },

  /** Deletes an emptied theme (followers, links and history go with it). */
  async deleteTheme(db: DbOrTx, workspaceId: string, themeId: string) {
    await db.delete(themes).where(and(eq(themes.workspaceId, workspaceId), eq(themes.id, themeId)));
  },

  async insertStatusChange(db: DbOrTx, row: typeof themeStatusChanges.$inferInsert) {
    const [r] = await db.insert(themeStatusChanges).values(row).returning();
    return r!;
  },

  async statusHistory(db: DbOrTx, workspaceId: string, themeId: string) {
    return db
      .select({ change: themeStatusChanges, name: users.name, undoable: sql<boolean>`coalesce(${themeStatusChanges.undoUntil} > now(), false)` })
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

  // ---- Demo ------------------------------------------------------------------------

  async insertStatusChanges(db: DbOrTx, rows: (typeof themeStatusChanges.$inferInsert)[]) {
    if (rows.length) await db.insert(themeStatusChanges).values(rows);
  },

  async insertLinks(db: DbOrTx, rows: (typeof themeLinks.$inferInsert)[]) {
    if (rows.length) await db.insert(themeLinks).values(rows);
  },

  async insertFollowers(db: DbOrTx, rows: (typeof themeFollowers.$inferInsert)[]) {
    if (rows.length) await db.insert(themeFollowers).values(rows).onConflictDoNothing();
  },
};
