import { z } from 'zod';
import { IsoDateTime, Uuid } from '../common.ts';
import { AssetSummary } from './common.ts';

/**
 * Usage: what people did with an asset and for which deal (the base of the usage panel, the library report and
 * influence), deals an asset is attached to, and helpful / not helpful votes.
 */

export const USAGE_KINDS = ['viewed', 'downloaded', 'copied', 'shared', 'share_opened', 'attached'] as const;
export const UsageKind = z.enum(USAGE_KINDS);
export type UsageKind = z.infer<typeof UsageKind>;
/** What a client may record; `share_opened` is recorded only by the public share page. */
export const RECORDABLE_USAGE_KINDS = ['viewed', 'downloaded', 'copied', 'shared', 'attached'] as const;

export const RecordUsageRequest = z.object({
  kind: z.enum(RECORDABLE_USAGE_KINDS),
  dealId: Uuid.optional().describe('The deal it was used for (required for `attached`)'),
  occurredAt: IsoDateTime({ offset: true }).optional().describe('When it happened (a client sending later); now if left out'),
});
export type RecordUsageRequest = z.infer<typeof RecordUsageRequest>;

export const RecordUsageResponse = z.object({
  id: Uuid,
  kind: UsageKind,
  occurredAt: z.string(),
  /** False when the deal was already attached: nothing new was recorded. */
  recorded: z.boolean(),
});
export type RecordUsageResponse = z.infer<typeof RecordUsageResponse>;

export const AttachDealRequest = z.object({ dealId: Uuid });
export type AttachDealRequest = z.infer<typeof AttachDealRequest>;

export const AttachedDeal = z.object({
  deal: z.object({ id: Uuid, name: z.string(), stage: z.string(), stageCategory: z.enum(['open', 'won', 'lost']) }),
  attachedAt: z.string(),
  attachedBy: z.object({ userId: Uuid, name: z.string() }).nullable(),
});
export type AttachedDeal = z.infer<typeof AttachedDeal>;
export const AttachedDealList = z.object({ items: z.array(AttachedDeal), total: z.number().int() });
export type AttachedDealList = z.infer<typeof AttachedDealList>;

export const VoteRequest = z.object({
  helpful: z.boolean(),
  comment: z.string().trim().max(1000, 'at most 1,000 characters').optional().describe('Why; shown on the asset with your name'),
});
export type VoteRequest = z.infer<typeof VoteRequest>;

export const Vote = z.object({ helpful: z.boolean(), comment: z.string().nullable(), updatedAt: z.string() });
export type Vote = z.infer<typeof Vote>;

export const UsageQuery = z.object({
  days: z.coerce.number().int('whole days').min(7, 'at least 7 days').max(730, 'at most 730 days').default(365),
});
export type UsageQuery = z.infer<typeof UsageQuery>;

export const UsageWeek = z.object({
  weekStart: z.string().describe('Monday of the week, YYYY-MM-DD (UTC)'),
  views: z.number().int(),
  viewers: z.number().int().describe('Distinct people who viewed it that week'),
});
export type UsageWeek = z.infer<typeof UsageWeek>;

export const AssetUsage = z.object({
  days: z.number().int(),
  from: z.string().describe('First day counted, YYYY-MM-DD (UTC): the Monday on or before today minus `days`'),
  weeks: z.array(UsageWeek),
  /** Counts over the same period; `dealsAttached` counts the deals attached now. */
  totals: z.object({
    views: z.number().int(),
    viewers: z.number().int(),
    downloads: z.number().int(),
    copies: z.number().int(),
    shares: z.number().int(),
    shareOpens: z.number().int(),
    dealsAttached: z.number().int(),
  }),
  votes: z.object({
    helpful: z.number().int(),
    notHelpful: z.number().int(),
    recentComments: z.array(
      z.object({ helpful: z.boolean(), comment: z.string(), by: z.object({ userId: Uuid, name: z.string() }), updatedAt: z.string() }),
    ),
    mine: Vote.nullable(),
  }),
});
export type AssetUsage = z.infer<typeof AssetUsage>;

export const LibraryReportEntry = z.object({
  asset: AssetSummary,
  /** The list's number: days without use, uses, shares or days overdue. */
  value: z.number().int(),
  lastUsedAt: z.string().nullable(),
});
export type LibraryReportEntry = z.infer<typeof LibraryReportEntry>;

export const LibraryReport = z.object({
  windowDays: z.number().int(),
  /** Published, no usage event in the window; longest unused first (never used before used long ago). */
  unused: z.array(LibraryReportEntry),
  unusedTotal: z.number().int(),
  /** Views, downloads, copies, shares and attachments in the window. */
  mostUsed: z.array(LibraryReportEntry),
  /** Times shared in the window (share links made, shares a client recorded); ties broken by share-page opens. */
  mostShared: z.array(LibraryReportEntry),
  /** Published and past their review date; most overdue first; value = days overdue. */
  overdue: z.array(LibraryReportEntry),
  overdueTotal: z.number().int(),
});
export type LibraryReport = z.infer<typeof LibraryReport>;
