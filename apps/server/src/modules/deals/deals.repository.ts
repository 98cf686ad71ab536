import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { after } from '../../db/keyset.ts';
import { memberships, teamMembers, teams, users, workspaces } from '../workspaces/tables.ts';
import { accounts, accountSources, dealStageHistory, deals, exchangeRates, stageMappings } from './tables.ts';

export type DealRow = typeof deals.$inferSelect;
export type AccountRow = typeof accounts.$inferSelect;
export type StageCategoryValue = DealRow['stageCategory'];

export interface DealFilter {
  status?: StageCategoryValue[];
  stage?: string;
  ownerUserId?: string;
  ownerName?: string;
  segment?: string;
  accountId?: string;
  q?: string;
  closeFrom?: string;
  closeTo?: string;
}

export type DealSortField = 'closeDate' | 'amount' | 'name' | 'updatedAt';
export interface DealOrder {
  field: DealSortField;
  direction: 'asc' | 'desc';
}

/**
 * The expression a sort orders by. Missing close dates and amounts sort last in
 * both directions, through a sentinel that keeps the keyset comparison one row comparison.
 */
export function sortExpression(order: DealOrder): SQL {
  const last = order.direction === 'asc';
  switch (order.field) {
    case 'closeDate':
      return last ? sql`coalesce(${deals.closeDate}, 'infinity'::date)` : sql`coalesce(${deals.closeDate}, '-infinity'::date)`;
    case 'amount':
      return last ? sql`coalesce(${deals.amountBase}, 'Infinity'::numeric)` : sql`coalesce(${deals.amountBase}, '-Infinity'::numeric)`;
    case 'name':
      return sql`${deals.name}`;
    case 'updatedAt':
      return sql`${deals.updatedAt}`;
    default: {
      const never: never = order.field;
      throw new Error(`unknown sort ${String(never)}`);
    }
  }
}

function filterWhere(db: DbOrTx, workspaceId: string, f: DealFilter): SQL {
  const where: (SQL | undefined)[] = [eq(deals.workspaceId, workspaceId), isNull(deals.removedAt)];
  if (f.status?.length) where.push(inArray(deals.stageCategory, f.status));
  if (f.stage) where.push(sql`lower(${deals.stage}) = lower(${f.stage})`);
  if (f.ownerUserId) where.push(eq(deals.ownerUserId, f.ownerUserId));
  if (f.ownerName) {
    const named = db.select({ id: users.id }).from(users).where(sql`lower(${users.name}) = lower(${f.ownerName})`);
    where.push(or(sql`lower(${deals.ownerName}) = lower(${f.ownerName})`, inArray(deals.ownerUserId, named)));
  }
  if (f.segment) {
    const inSegment = db
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.workspaceId, workspaceId), sql`lower(${accounts.segment}) = lower(${f.segment})`));
    where.push(inArray(deals.accountId, inSegment));
  }
  if (f.accountId) where.push(eq(deals.accountId, f.accountId));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const named = db
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.workspaceId, workspaceId), ilike(accounts.name, like)));
    where.push(or(ilike(deals.name, like), inArray(deals.accountId, named)));
  }
  if (f.closeFrom) where.push(gte(deals.closeDate, f.closeFrom));
  if (f.closeTo) where.push(lte(deals.closeDate, f.closeTo));
  return and(...where)!;
}

const dealSelection = {
  deal: deals,
  accountName: accounts.name,
  accountSegment: accounts.segment,
  ownerUserName: users.name,
};

function dealQuery(db: DbOrTx) {
  return db
    .select(dealSelection)
    .from(deals)
    .leftJoin(accounts, and(eq(accounts.workspaceId, deals.workspaceId), eq(accounts.id, deals.accountId)))
    .leftJoin(users, eq(users.id, deals.ownerUserId));
}

export type DealListRow = Awaited<ReturnType<ReturnType<typeof dealQuery>['execute']>>[number];

export const dealsRepository = {
  // ---- The workspace's settings deals depend on ------------------------------

  /** The currency base amounts are in (the workspaces module owns the setting). */
  async baseCurrency(db: DbOrTx, workspaceId: string): Promise<string | undefined> {
    const [row] = await db.select({ baseCurrency: workspaces.baseCurrency }).from(workspaces).where(eq(workspaces.id, workspaceId));
    return row?.baseCurrency;
  },

  async workspaceCalendar(db: DbOrTx, workspaceId: string) {
    const [row] = await db
      .select({ baseCurrency: workspaces.baseCurrency, fiscalYearStartMonth: workspaces.fiscalYearStartMonth })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId));
    return row;
  },

  /** Members with one of these roles, by name, each with the names of their teams (the demo gives them deals). */
  async membersWithTeams(db: DbOrTx, workspaceId: string, role: (typeof memberships.$inferSelect)['role']) {
    const rows = await db
      .select({ userId: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, role)))
      .orderBy(asc(users.name), asc(users.id));
    const ids = rows.map((r) => r.userId);
    const teamRows = ids.length
      ? await db
          .select({ userId: teamMembers.userId, name: teams.name })
          .from(teamMembers)
          .innerJoin(teams, and(eq(teams.workspaceId, teamMembers.workspaceId), eq(teams.id, teamMembers.teamId)))
          .where(and(eq(teamMembers.workspaceId, workspaceId), inArray(teamMembers.userId, ids)))
          .orderBy(teams.name)
      : [];
    return rows.map((r) => ({ ...r, teams: teamRows.filter((t) => t.userId === r.userId).map((t) => t.name) }));
  },

  async list(
    db: DbOrTx,
    workspaceId: string,
    f: DealFilter,
    order: DealOrder,
    page: { after?: { value: string; id: string }; limit: number },
  ) {
    const where = filterWhere(db, workspaceId, f);
    const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(deals).where(where);
    const expr = sortExpression(order);
    const dir = order.direction === 'asc' ? asc : desc;
    const rows = await dealQuery(db)
      .where(and(where, page.after ? after(order.direction, [expr, deals.id], [page.after.value, page.after.id]) : undefined))
      .orderBy(dir(expr), dir(deals.id))
      .limit(page.limit + 1);
    return { rows, total };
  },

  async byId(db: DbOrTx, workspaceId: string, id: string) {
    const [row] = await dealQuery(db).where(and(eq(deals.workspaceId, workspaceId), eq(deals.id, id), isNull(deals.removedAt)));
    return row;
  },

  async history(db: DbOrTx, workspaceId: string, dealId: string) {
    return db
      .select()
      .from(dealStageHistory)
      .where(and(eq(dealStageHistory.workspaceId, workspaceId), eq(dealStageHistory.dealId, dealId)))
      .orderBy(asc(dealStageHistory.changedAt), asc(dealStageHistory.id));
  },

  /** Count and base-currency sum per (status, stage), per status, and overall, in one pass. */
  async summary(db: DbOrTx, workspaceId: string, f: DealFilter) {
    return db
      .select({
        stageCategory: deals.stageCategory,
        stage: deals.stage,
        byStage: sql<number>`1 - grouping(${deals.stage})`.mapWith(Number),
        byStatus: sql<number>`1 - grouping(${deals.stageCategory})`.mapWith(Number),
        count: count(),
        amount: sql<string>`coalesce(sum(${deals.amountBase}), 0)::numeric(20,4)::text`,
        withoutAmount: sql<number>`count(*) filter (where ${deals.amountBase} is null)`.mapWith(Number),
      })
      .from(deals)
      .where(filterWhere(db, workspaceId, f))
      .groupBy(sql`grouping sets ((${deals.stageCategory}, ${deals.stage}), (${deals.stageCategory}), ())`)
      .orderBy(asc(deals.stageCategory), desc(count()), asc(deals.stage));
  },

  // ---- Stage mapping ---------------------------------------------------------

  async stageMappings(db: DbOrTx, workspaceId: string) {
    return db.select().from(stageMappings).where(eq(stageMappings.workspaceId, workspaceId)).orderBy(asc(stageMappings.label));
  },

  async replaceStageMappings(db: DbOrTx, workspaceId: string, rows: Omit<typeof stageMappings.$inferInsert, 'workspaceId'>[]) {
    await db.delete(stageMappings).where(eq(stageMappings.workspaceId, workspaceId));
    if (rows.length) await db.insert(stageMappings).values(rows.map((r) => ({ ...r, workspaceId })));
  },

  /** Each distinct stage name of the workspace's deals (removed ones too), with how many deals carry it. */
  async stageCounts(db: DbOrTx, workspaceId: string) {
    return db
      .select({ stage: deals.stage, count: count(), live: sql<number>`count(*) filter (where ${deals.removedAt} is null)`.mapWith(Number) })
      .from(deals)
      .where(eq(deals.workspaceId, workspaceId))
      .groupBy(deals.stage);
  },

  /** Sets the category and probability of every deal at these stages; returns how many changed. */
  async recategorize(db: DbOrTx, workspaceId: string, stages: string[], category: StageCategoryValue, probability: number | null) {
    const changed = await db
      .update(deals)
      .set({ stageCategory: category, probability })
      .where(
        and(
          eq(deals.workspaceId, workspaceId),
          inArray(deals.stage, stages),
          sql`(${deals.stageCategory}, ${deals.probability}) is distinct from (${category}::text, ${probability}::smallint)`,
        ),
      )
      .returning({ id: deals.id });
    return changed.length;
  },

  // ---- Exchange rates --------------------------------------------------------

  async exchangeRates(db: DbOrTx, workspaceId: string) {
    return db
      .select()
      .from(exchangeRates)
      .where(eq(exchangeRates.workspaceId, workspaceId))
      .orderBy(asc(exchangeRates.currency), asc(exchangeRates.effectiveFrom));
  },

  async replaceExchangeRates(db: DbOrTx, workspaceId: string, rows: { currency: string; effectiveFrom: string; rate: string }[]) {
    await db.delete(exchangeRates).where(eq(exchangeRates.workspaceId, workspaceId));
    if (rows.length) await db.insert(exchangeRates).values(rows.map((r) => ({ ...r, workspaceId })));
  },

  /**
   * Re-expresses the exchange-rate table in a new base currency: 1 X = r old-base
   * becomes 1 X = r / r(new) new-base, with r(new) the new base's rate in effect at
   * that row's date (else its earliest); the old base gets 1 / r(new) at each of the
   * new base's dates; the new base's own rows go. Without any rate for the new base
   * nothing can be converted, and the rates are cleared. Returns the rows kept.
   */
  async rebaseExchangeRates(db: DbOrTx, workspaceId: string, from: string, to: string) {
    const result = await db.execute(sql`
      with target as (select effective_from, rate from exchange_rates where workspace_id = ${workspaceId} and currency = ${to}),
      converted as (
        select r.currency, r.effective_from,
          round(r.rate / (select t.rate from target t
                          order by t.effective_from > r.effective_from, abs(t.effective_from - r.effective_from) limit 1), 10) as rate
        from exchange_rates r
        where r.workspace_id = ${workspaceId} and r.currency <> ${to} and exists (select 1 from target)
        union all
        select ${from}, t.effective_from, round(1 / t.rate, 10) from target t
      ),
      -- Runs once whether or not it is read; the selects above see the rows as they were.
      cleared as (delete from exchange_rates where workspace_id = ${workspaceId})
      select currency, effective_from::text as "effectiveFrom", rate::text as rate from converted
      where rate > 0`);
    const rows = result.rows as { currency: string; effectiveFrom: string; rate: string }[];
    if (rows.length) await db.insert(exchangeRates).values(rows.map((r) => ({ ...r, workspaceId })));
    return rows.length;
  },

  /**
   * Recomputes amount_base: the amount as is in the base currency, else times the
   * rate in effect on the close date (else the created date, else today), or the
   * earliest rate for deals that precede every rate; null without any rate.
   * Returns how many deals changed.
   */
  async recomputeAmountBase(db: DbOrTx, workspaceId: string, baseCurrency: string, currencies?: string[]) {
    if (currencies && !currencies.length) return 0;
    const ref = sql`coalesce(d.close_date, d.created_date::date, current_date)`;
    const only = currencies ? sql`and d.currency in (${sql.join(currencies.map((c) => sql`${c}`), sql`, `)})` : sql``;
    const result = await db.execute(sql`
      with computed as (
        select d.id, case
          when d.amount is null or d.currency is null then null
          when d.currency = ${baseCurrency} then d.amount
          else round(d.amount * (
            select r.rate from exchange_rates r
            where r.workspace_id = d.workspace_id and r.currency = d.currency
            order by r.effective_from > ${ref}, abs(r.effective_from - ${ref})
            limit 1), 4)
        end as v
        from deals d
        where d.workspace_id = ${workspaceId} ${only}
      )
      update deals set amount_base = computed.v
      from computed
      where deals.workspace_id = ${workspaceId} and deals.id = computed.id and deals.amount_base is distinct from computed.v`);
    return result.rowCount ?? 0;
  },

  // ---- Accounts --------------------------------------------------------------

  async listAccounts(
    db: DbOrTx,
    workspaceId: string,
    f: { q?: string; segment?: string; after?: { name: string; id: string }; limit: number },
  ) {
    const where: (SQL | undefined)[] = [eq(accounts.workspaceId, workspaceId), isNull(accounts.removedAt)];
    if (f.segment) where.push(sql`lower(${accounts.segment}) = lower(${f.segment})`);
    if (f.q) {
      const pat = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(or(sql`${accounts.name} ilike ${pat}`, sql`${accounts.domain} ilike ${pat}`));
    }
    const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(accounts).where(and(...where));
    if (f.after) where.push(after('asc', [accounts.name, accounts.id], [f.after.name, f.after.id]));
    const rows = await db
      .select({ account: accounts, ownerUserName: users.name })
      .from(accounts)
      .leftJoin(users, eq(users.id, accounts.ownerUserId))
      .where(and(...where))
      .orderBy(asc(accounts.name), asc(accounts.id))
      .limit(f.limit + 1);
    return { rows, total };
  },

  async accountById(db: DbOrTx, workspaceId: string, id: string) {
    const [row] = await db
      .select({ account: accounts, ownerUserName: users.name })
      .from(accounts)
      .leftJoin(users, eq(users.id, accounts.ownerUserId))
      .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, id), isNull(accounts.removedAt)));
    return row;
  },

  async accountSources(db: DbOrTx, workspaceId: string, accountIds: string[]) {
    if (!accountIds.length) return [];
    return db
      .select()
      .from(accountSources)
      .where(and(eq(accountSources.workspaceId, workspaceId), inArray(accountSources.accountId, accountIds)))
      .orderBy(asc(accountSources.source), asc(accountSources.externalId));
  },

  async accountDealCounts(db: DbOrTx, workspaceId: string, accountId: string) {
    return db
      .select({ status: deals.stageCategory, count: count() })
      .from(deals)
      .where(and(eq(deals.workspaceId, workspaceId), eq(deals.accountId, accountId), isNull(deals.removedAt)))
      .groupBy(deals.stageCategory);
  },

  // ---- Writes in bulk (demo data, later imports) -----------------------------

  async insertAccounts(db: DbOrTx, rows: (typeof accounts.$inferInsert)[]) {
    if (!rows.length) return [];
    return db.insert(accounts).values(rows).returning({ id: accounts.id });
  },
  async insertAccountSources(db: DbOrTx, rows: (typeof accountSources.$inferInsert)[]) {
    if (rows.length) await db.insert(accountSources).values(rows);
  },
  async insertDeals(db: DbOrTx, rows: (typeof deals.$inferInsert)[]) {
    if (!rows.length) return [];
    return db.insert(deals).values(rows).returning({ id: deals.id });
  },
  async insertHistory(db: DbOrTx, rows: (typeof dealStageHistory.$inferInsert)[]) {
    if (rows.length) await db.insert(dealStageHistory).values(rows);
  },
  async markRemoved(db: DbOrTx, workspaceId: string, ids: string[], at = new Date()) {
    if (!ids.length) return;
    await db.update(deals).set({ removedAt: at }).where(and(eq(deals.workspaceId, workspaceId), inArray(deals.id, ids)));
  },
};
