import { z } from 'zod';
import { IsoDate, Uuid, listEnvelope } from './common.ts';
import { Currency } from './workspaces.ts';

/** Amounts leave the API as exact decimal strings, never floats. */
export const Decimal = z.string().regex(/^-?\d+(\.\d+)?$/).describe('An exact decimal number, e.g. "1234.5000"');
/** A day in a response, as stored (requests use the calendar-checked IsoDate). */
const DateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date, YYYY-MM-DD');

export const StageCategory = z.enum(['open', 'won', 'lost']);
export type StageCategory = z.infer<typeof StageCategory>;
export const DealType = z.enum(['new_business', 'expansion', 'renewal']);
export type DealType = z.infer<typeof DealType>;

/** A Tandem member (userId set), or a name from the source that matched nobody (userId null). */
export const DealOwner = z.object({ userId: Uuid.nullable(), name: z.string().nullable() });

// ---- Accounts ----------------------------------------------------------------

export const Account = z.object({
  id: Uuid,
  name: z.string(),
  domain: z.string().nullable(),
  segment: z.string().nullable(),
  industry: z.string().nullable(),
  size: z.string().nullable(),
  region: z.string().nullable(),
  owner: DealOwner.nullable(),
  externalIds: z.array(z.object({ source: z.string(), externalId: z.string() })),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Account = z.infer<typeof Account>;
export const AccountList = listEnvelope(Account);
export type AccountList = z.infer<typeof AccountList>;

export const AccountListQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  q: z.string().trim().max(120).optional().describe('Matches the name or domain'),
  segment: z.string().trim().max(120).optional(),
});
export type AccountListQuery = z.infer<typeof AccountListQuery>;

export const AccountDetail = Account.extend({
  deals: z.object({ open: z.number().int(), won: z.number().int(), lost: z.number().int() }),
});
export type AccountDetail = z.infer<typeof AccountDetail>;

// ---- Deals -------------------------------------------------------------------

export const Deal = z.object({
  id: Uuid,
  source: z.string(),
  externalId: z.string(),
  name: z.string(),
  account: z.object({ id: Uuid, name: z.string(), segment: z.string().nullable() }).nullable(),
  amount: Decimal.nullable(),
  currency: z.string().nullable(),
  amountBase: Decimal.nullable().describe('The amount in the workspace base currency; null without an amount or a rate'),
  stage: z.string(),
  stageCategory: StageCategory,
  probability: z.number().int().nullable(),
  closeDate: DateString.nullable(),
  createdDate: z.string().nullable().describe('Wall-clock, as the source gave it: YYYY-MM-DDTHH:MM:SS(.sss)'),
  owner: DealOwner.nullable(),
  type: DealType.nullable(),
  leadSource: z.string().nullable(),
  products: z.array(z.string()),
  competitors: z.array(z.string()),
  reason: z.string().nullable(),
  customFields: z.record(z.string(), z.string()),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Deal = z.infer<typeof Deal>;
export const DealList = listEnvelope(Deal);
export type DealList = z.infer<typeof DealList>;

export const StageHistoryEntry = z.object({
  id: Uuid,
  stage: z.string(),
  stageCategory: StageCategory,
  amount: Decimal.nullable(),
  currency: z.string().nullable(),
  changedAt: z.iso.datetime(),
});
export type StageHistoryEntry = z.infer<typeof StageHistoryEntry>;

export const DealDetail = Deal.extend({
  account: Account.nullable(),
  history: z.array(StageHistoryEntry).describe('Oldest first'),
});
export type DealDetail = z.infer<typeof DealDetail>;

export const DEAL_SORTS = ['closeDate', 'amount', 'name', 'updatedAt'] as const;
export type DealSortKey = (typeof DEAL_SORTS)[number];
export const DealSort = z
  .enum([...DEAL_SORTS, ...DEAL_SORTS.map((s) => `-${s}` as const)])
  .describe('`-` prefix for descending; `amount` sorts by the base-currency amount');

/** The filters a deal list and its summary share. */
const dealFilterShape = {
  status: z
    .union([StageCategory, z.array(StageCategory).max(3)])
    .optional()
    .describe('Repeatable: `?status=won&status=lost`'),
  stage: z.string().trim().min(1).max(200).optional(),
  owner: z.string().trim().min(1).max(200).optional().describe('A member user id, or an owner name as the source gave it'),
  segment: z.string().trim().min(1).max(120).optional().describe("The account's segment"),
  accountId: Uuid.optional().describe("The account's deals"),
  q: z.string().trim().min(1).max(120).optional().describe("Words in the deal's or its account's name"),
  closeFrom: IsoDate.optional().describe('Close date on or after (inclusive)'),
  closeTo: IsoDate.optional().describe('Close date on or before (inclusive)'),
};
const closeRange = (q: { closeFrom?: string; closeTo?: string }) => !q.closeFrom || !q.closeTo || q.closeFrom <= q.closeTo;
const closeRangeError = { path: ['closeTo'], message: 'closeTo is before closeFrom' };

export const DealFilters = z.object(dealFilterShape).refine(closeRange, closeRangeError);
export type DealFilters = z.infer<typeof DealFilters>;

export const DealListQuery = z
  .object({
    ...dealFilterShape,
    sort: DealSort.default('-closeDate'),
    cursor: z.string().max(300).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine(closeRange, closeRangeError);
export type DealListQuery = z.infer<typeof DealListQuery>;

const SummaryCell = z.object({
  count: z.number().int(),
  amount: Decimal.describe('Sum of base-currency amounts'),
  withoutAmount: z.number().int().describe('Deals counted here that have no base-currency amount'),
});

export const DealSummary = z.object({
  baseCurrency: z.string(),
  total: SummaryCell,
  byStatus: z.array(SummaryCell.extend({ status: StageCategory })).describe('Always open, won and lost, in that order'),
  byStage: z.array(SummaryCell.extend({ stage: z.string(), stageCategory: StageCategory })),
});
export type DealSummary = z.infer<typeof DealSummary>;

// ---- Settings: stage mapping and exchange rates -------------------------------

export const StageMapping = z.object({
  stage: z.string().trim().min(1).max(200),
  category: StageCategory,
  probability: z.number().int().min(0).max(100).nullable().default(null),
});
export type StageMapping = z.infer<typeof StageMapping>;

export const StageMappingList = z.object({
  items: z.array(
    StageMapping.extend({
      builtIn: z.boolean().describe('A built-in Salesforce or HubSpot stage the workspace has not overridden'),
    }),
  ),
  unknownStages: z.array(z.object({ stage: z.string(), count: z.number().int() })).describe('Deal stages no mapping knows (taken as open)'),
});
export type StageMappingList = z.infer<typeof StageMappingList>;

export const PutStageMappingRequest = z.object({ items: z.array(StageMapping).max(500) });
export type PutStageMappingRequest = z.input<typeof PutStageMappingRequest>;
export const PutStageMappingResponse = StageMappingList.extend({
  recomputedDeals: z.number().int().describe('Deals whose category or probability changed'),
});
export type PutStageMappingResponse = z.infer<typeof PutStageMappingResponse>;

export const ExchangeRate = z.object({
  currency: Currency,
  effectiveFrom: IsoDate,
  rate: z
    .string()
    .regex(/^\d{1,10}(\.\d{1,10})?$/, 'a positive decimal with at most 10 digits before and after the point')
    .refine((r) => Number(r) > 0, 'must be positive')
    .describe('Base-currency units per one unit of `currency`'),
});
export type ExchangeRate = z.infer<typeof ExchangeRate>;

export const ExchangeRateList = z.object({ baseCurrency: z.string(), items: z.array(ExchangeRate) });
export type ExchangeRateList = z.infer<typeof ExchangeRateList>;
export const PutExchangeRatesRequest = z.object({ items: z.array(ExchangeRate).max(2000) });
export type PutExchangeRatesRequest = z.infer<typeof PutExchangeRatesRequest>;
export const PutExchangeRatesResponse = ExchangeRateList.extend({
  recomputedDeals: z.number().int().describe('Deals whose base-currency amount changed'),
});
export type PutExchangeRatesResponse = z.infer<typeof PutExchangeRatesResponse>;
