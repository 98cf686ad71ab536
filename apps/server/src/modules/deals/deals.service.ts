import type {
  Account,
  AccountDetail,
  AccountList,
  AccountListQuery,
  Deal,
  DealDetail,
  DealFilters,
  DealList,
  DealListQuery,
  DealSummary,
  ExchangeRateList,
  PutExchangeRatesRequest,
  PutExchangeRatesResponse,
  PutStageMappingRequest,
  PutStageMappingResponse,
  StageMappingList,
} from '@tandem/contracts';
import { PutStageMappingRequest as PutStageMappingSchema } from '@tandem/contracts';
import type { DbOrTx } from '../../db/database.ts';
import type { TenantContext } from '../../lib/context.ts';
import type { Deps } from '../../lib/deps.ts';
import { decodeCursor, invalidCursor, page } from '../../lib/pagination.ts';
import { DealsErrors as E } from './deals.errors.ts';
import { dealsRepository, type AccountRow, type DealFilter, type DealListRow, type DealOrder, type DealSortField } from './deals.repository.ts';
import { DEFAULT_STAGES, StageResolver, stageKey, type StageTable } from './stages.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function filterOf(q: DealFilters): DealFilter {
  const status = q.status === undefined ? undefined : Array.isArray(q.status) ? q.status : [q.status];
  return {
    status,
    stage: q.stage,
    // An owner is a member's user id, or a name as the source gave it.
    ...(q.owner && UUID.test(q.owner) ? { ownerUserId: q.owner } : { ownerName: q.owner }),
    segment: q.segment,
    accountId: q.accountId,
    q: q.q,
    closeFrom: q.closeFrom,
    closeTo: q.closeTo,
  };
}

function orderOf(sort: DealListQuery['sort']): DealOrder {
  return sort.startsWith('-')
    ? { field: sort.slice(1) as DealSortField, direction: 'desc' }
    : { field: sort as DealSortField, direction: 'asc' };
}

/** The sort value of a row as the keyset compares it (sentinels for missing dates and amounts, see sortExpression). */
function sortValue(order: DealOrder, d: DealListRow['deal']): string {
  const sentinel = order.direction === 'asc' ? 'infinity' : '-infinity';
  switch (order.field) {
    case 'closeDate':
      return d.closeDate ?? sentinel;
    case 'amount':
      return d.amountBase ?? sentinel;
    case 'name':
      return d.name;
    case 'updatedAt':
      return d.updatedAt.toISOString();
    default: {
      const never: never = order.field;
      throw new Error(`unknown sort ${String(never)}`);
    }
  }
}

const VALUE_SHAPE: Record<DealSortField, RegExp> = {
  closeDate: /^(-?infinity|\d{4}-\d{2}-\d{2})$/,
  amount: /^(-?infinity|-?\d+(\.\d+)?)$/,
  name: /^/,
  updatedAt: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
};

/** A deal cursor names its sort, so a cursor from another sort is refused rather than misread. */
function decodeDealCursor(cursor: string | undefined, sort: string, order: DealOrder) {
  const key = decodeCursor(cursor, 3);
  if (!key) return undefined;
  const [s, value, id] = key as [string, string, string];
  if (s !== sort || !VALUE_SHAPE[order.field].test(value)) invalidCursor();
  return { value: order.field === 'amount' ? value.replace('infinity', 'Infinity') : value, id };
}

/**
 * A deal that has not changed since it was imported has no history rows: its
 * imported state is its first entry, dated the way the import dates it (a closed
 * deal at its close date, an open one at its created date, else when Tandem got it).
 */
function importedState(d: DealListRow['deal']) {
  const closed = d.stageCategory !== 'open' && d.closeDate ? new Date(`${d.closeDate}T00:00:00Z`) : undefined;
  const created = d.createdDate ? new Date(`${d.createdDate.replace(' ', 'T')}Z`) : undefined;
  const at = closed ?? created ?? d.createdAt;
  return {
    id: d.id,
    stage: d.stage,
    stageCategory: d.stageCategory,
    amount: d.amount,
    currency: d.currency,
    changedAt: new Date(Math.min(at.getTime(), Date.now())).toISOString(),
  };
}

function owner(userId: string | null, userName: string | null, sourceName: string | null) {
  if (!userId && !sourceName) return null;
  return { userId, name: userName ?? sourceName };
}

function dealDto({ deal: d, accountName, accountSegment, ownerUserName }: DealListRow): Deal {
  return {
    id: d.id,
    source: d.source,
    externalId: d.externalId,
    name: d.name,
    account: d.accountId ? { id: d.accountId, name: accountName ?? '', segment: accountSegment } : null,
    amount: d.amount,
    currency: d.currency,
    amountBase: d.amountBase,
    stage: d.stage,
    stageCategory: d.stageCategory,
    probability: d.probability,
    closeDate: d.closeDate,
    createdDate: d.createdDate ? d.createdDate.replace(' ', 'T') : null,
    owner: owner(d.ownerUserId, ownerUserName, d.ownerName),
    type: d.type,
    leadSource: d.leadSource,
    products: d.products,
    competitors: d.competitors,
    reason: d.reason,
    customFields: d.customFields,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

async function accountDtos(tx: DbOrTx, workspaceId: string, rows: { account: AccountRow; ownerUserName: string | null }[]): Promise<Account[]> {
  const sources = await dealsRepository.accountSources(
    tx,
    workspaceId,
    rows.map((r) => r.account.id),
  );
  return rows.map(({ account: a, ownerUserName }) => ({
    id: a.id,
    name: a.name,
    domain: a.domain,
    segment: a.segment,
    industry: a.industry,
    size: a.size,
    region: a.region,
    owner: owner(a.ownerUserId, ownerUserName, a.ownerName),
    externalIds: sources.filter((s) => s.accountId === a.id).map(({ source, externalId }) => ({ source, externalId })),
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  }));
}

async function baseCurrencyOf(tx: DbOrTx, workspaceId: string) {
  return (await dealsRepository.baseCurrency(tx, workspaceId)) ?? 'USD';
}

// ---- Stage mapping ----------------------------------------------------------

type MappingRow = Awaited<ReturnType<typeof dealsRepository.stageMappings>>[number];

/** The workspace's saved stage mapping as a StageResolver layer (the settings page and imports read it alike). */
function stageTable(rows: MappingRow[]): StageTable {
  return Object.fromEntries(
    rows.map((r) => [r.label, r.probability === null ? { category: r.category } : { category: r.category, probability: r.probability }]),
  );
}

/**
 * What classifies and converts a workspace's deals: its base currency and its saved stage
 * mapping (a StageResolver layer). Imports read it before they resolve a file's stages and amounts.
 */
export async function dealSettingsOf(tx: DbOrTx, workspaceId: string): Promise<{ baseCurrency: string; stages: StageTable }> {
  return { baseCurrency: await baseCurrencyOf(tx, workspaceId), stages: stageTable(await dealsRepository.stageMappings(tx, workspaceId)) };
}

async function stageMappingList(tx: DbOrTx, workspaceId: string): Promise<StageMappingList> {
  const rows = await dealsRepository.stageMappings(tx, workspaceId);
  const saved = new Set(rows.map((r) => r.stageKey));
  const builtIn = [...DEFAULT_STAGES.entries()].filter(([key]) => !saved.has(key));
  const resolver = new StageResolver(stageTable(rows));
  for (const s of await dealsRepository.stageCounts(tx, workspaceId)) {
    for (let i = 0; i < s.live; i++) resolver.resolve(s.stage);
  }
  return {
    items: [
      ...rows.map((r) => ({ stage: r.label, category: r.category, probability: r.probability, builtIn: false })),
      ...builtIn.map(([, m]) => ({ stage: m.label, category: m.category, probability: m.probability ?? null, builtIn: true })),
    ],
    unknownStages: resolver.unknownStages(),
  };
}

/**
 * The base currency changed: the exchange rates are re-expressed in the new base
 * and every deal's base amount recomputed, in the caller's transaction.
 */
export async function rebaseDeals(tx: DbOrTx, workspaceId: string, from: string, to: string) {
  const rates = await dealsRepository.rebaseExchangeRates(tx, workspaceId, from, to);
  const recomputedDeals = await dealsRepository.recomputeAmountBase(tx, workspaceId, to);
  return { exchangeRates: rates, recomputedDeals };
}

/** Deals of the workspace: lists and summaries with filters, accounts, and the settings that classify and convert them. */
export function createDealsService(deps: Deps) {
  const { database, audit } = deps;
  const tenant = <T>(ctx: TenantContext, fn: (tx: DbOrTx) => Promise<T>) => database.withTenant(ctx.workspaceId, fn);
  /** Reads: no transaction (database.readTenant). */
  const read = <T>(ctx: TenantContext, fn: (tx: DbOrTx) => Promise<T>) => database.readTenant(ctx.workspaceId, fn);

  return {
    list(ctx: TenantContext, q: DealListQuery): Promise<DealList> {
      const order = orderOf(q.sort);
      const cursor = decodeDealCursor(q.cursor, q.sort, order);
      return read(ctx, async (tx) => {
        const { rows, total } = await dealsRepository.list(tx, ctx.workspaceId, filterOf(q), order, { after: cursor, limit: q.limit });
        const { items, nextCursor } = page(rows, q.limit, (r) => [q.sort, sortValue(order, r.deal), r.deal.id]);
        return { items: items.map(dealDto), nextCursor, total };
      });
    },

    summary(ctx: TenantContext, q: DealFilters): Promise<DealSummary> {
      return read(ctx, async (tx) => {
        const rows = await dealsRepository.summary(tx, ctx.workspaceId, filterOf(q));
        const cell = (r?: { count: number; amount: string; withoutAmount: number }) => ({
          count: r?.count ?? 0,
          amount: r?.amount ?? '0.0000',
          withoutAmount: r?.withoutAmount ?? 0,
        });
        return {
          baseCurrency: await baseCurrencyOf(tx, ctx.workspaceId),
          total: cell(rows.find((r) => !r.byStatus)),
          byStatus: (['open', 'won', 'lost'] as const).map((status) => ({
            status,
            ...cell(rows.find((r) => r.byStatus && !r.byStage && r.stageCategory === status)),
          })),
          byStage: rows.filter((r) => r.byStage).map((r) => ({ stage: r.stage, stageCategory: r.stageCategory, ...cell(r) })),
        };
      });
    },

    get(ctx: TenantContext, id: string): Promise<DealDetail> {
      return read(ctx, async (tx) => {
        const row = await dealsRepository.byId(tx, ctx.workspaceId, id);
        if (!row) throw E.dealNotFound(id);
        const accountRow = row.deal.accountId ? await dealsRepository.accountById(tx, ctx.workspaceId, row.deal.accountId) : undefined;
        const [account] = accountRow ? await accountDtos(tx, ctx.workspaceId, [accountRow]) : [];
        const history = await dealsRepository.history(tx, ctx.workspaceId, id);
        return {
          ...dealDto(row),
          account: account ?? null,
          history: history.length
            ? history.map((h) => ({
                id: h.id,
                stage: h.stage,
                stageCategory: h.stageCategory,
                amount: h.amount,
                currency: h.currency,
                changedAt: h.changedAt.toISOString(),
              }))
            : [importedState(row.deal)],
        };
      });
    },

    listAccounts(ctx: TenantContext, q: AccountListQuery): Promise<AccountList> {
      const key = decodeCursor(q.cursor, 2);
      return read(ctx, async (tx) => {
        const { rows, total } = await dealsRepository.listAccounts(tx, ctx.workspaceId, {
          q: q.q || undefined,
          segment: q.segment || undefined,
          after: key ? { name: key[0]!, id: key[1]! } : undefined,
          limit: q.limit,
        });
        const { items, nextCursor } = page(rows, q.limit, (r) => [r.account.name, r.account.id]);
        return { items: await accountDtos(tx, ctx.workspaceId, items), nextCursor, total };
      });
    },

    getAccount(ctx: TenantContext, id: string): Promise<AccountDetail> {
      return read(ctx, async (tx) => {
        const row = await dealsRepository.accountById(tx, ctx.workspaceId, id);
        if (!row) throw E.accountNotFound(id);
        const [account] = await accountDtos(tx, ctx.workspaceId, [row]);
        const counts = await dealsRepository.accountDealCounts(tx, ctx.workspaceId, id);
        const n = (s: string) => counts.find((c) => c.status === s)?.count ?? 0;
        return { ...account!, deals: { open: n('open'), won: n('won'), lost: n('lost') } };
      });
    },

    getStageMapping(ctx: TenantContext): Promise<StageMappingList> {
      return read(ctx, (tx) => stageMappingList(tx, ctx.workspaceId));
    },

    /**
     * Replaces the workspace's stage mapping (built-in stages still apply beneath it).
     * Deals whose stage now resolves differently get the new category and the
     * mapping's probability (none when it names none), in the same transaction.
     */
    putStageMapping(ctx: TenantContext, input: PutStageMappingRequest): Promise<PutStageMappingResponse> {
      const { items } = PutStageMappingSchema.parse(input);
      const seen = new Map<string, string>();
      items.forEach((m, i) => {
        const key = stageKey(m.stage);
        if (!key) throw E.stageBlank(i);
        const other = seen.get(key);
        if (other !== undefined) throw E.stageDuplicate(i, m.stage, other);
        seen.set(key, m.stage);
      });
      return tenant(ctx, async (tx) => {
        const before = new StageResolver(stageTable(await dealsRepository.stageMappings(tx, ctx.workspaceId)));
        await dealsRepository.replaceStageMappings(
          tx,
          ctx.workspaceId,
          items.map((m) => ({ stageKey: stageKey(m.stage), label: m.stage, category: m.category, probability: m.probability })),
        );
        const now = new StageResolver(stageTable(await dealsRepository.stageMappings(tx, ctx.workspaceId)));
        let recomputedDeals = 0;
        for (const { stage } of await dealsRepository.stageCounts(tx, ctx.workspaceId)) {
          const was = before.resolve(stage);
          const is = now.resolve(stage);
          if (was.category === is.category && was.probability === is.probability) continue;
          recomputedDeals += await dealsRepository.recategorize(tx, ctx.workspaceId, [stage], is.category, is.probability ?? null);
        }
        await audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'deals.stage_mapping_updated',
          targetType: 'stage_mapping',
          details: { stages: items.length, recomputedDeals },
        });
        return { ...(await stageMappingList(tx, ctx.workspaceId)), recomputedDeals };
      });
    },

    getExchangeRates(ctx: TenantContext): Promise<ExchangeRateList> {
      return tenant(ctx, async (tx) => ({
        baseCurrency: await baseCurrencyOf(tx, ctx.workspaceId),
        items: (await dealsRepository.exchangeRates(tx, ctx.workspaceId)).map(({ currency, effectiveFrom, rate }) => ({ currency, effectiveFrom, rate })),
      }));
    },

    /** Replaces the exchange-rate table and recomputes the base-currency amount of deals in the currencies it touched. */
    putExchangeRates(ctx: TenantContext, input: PutExchangeRatesRequest): Promise<PutExchangeRatesResponse> {
      return tenant(ctx, async (tx) => {
        const baseCurrency = await baseCurrencyOf(tx, ctx.workspaceId);
        const seen = new Set<string>();
        input.items.forEach((r, i) => {
          if (r.currency === baseCurrency) throw E.rateForBase(i, r.currency);
          const key = `${r.currency} ${r.effectiveFrom}`;
          if (seen.has(key)) throw E.rateDuplicate(i, r.currency, r.effectiveFrom);
          seen.add(key);
        });
        const old = await dealsRepository.exchangeRates(tx, ctx.workspaceId);
        await dealsRepository.replaceExchangeRates(tx, ctx.workspaceId, input.items);
        const touched = [...new Set([...old.map((r) => r.currency), ...input.items.map((r) => r.currency)])];
        const recomputedDeals = await dealsRepository.recomputeAmountBase(tx, ctx.workspaceId, baseCurrency, touched);
        await audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'deals.exchange_rates_updated',
          targetType: 'exchange_rates',
          details: { rates: input.items.length, currencies: touched, recomputedDeals },
        });
        return {
          baseCurrency,
          items: (await dealsRepository.exchangeRates(tx, ctx.workspaceId)).map(({ currency, effectiveFrom, rate }) => ({ currency, effectiveFrom, rate })),
          recomputedDeals,
        };
      });
    },
  };
}

export type DealsService = ReturnType<typeof createDealsService>;
