import { z } from 'zod';
import { Uuid } from '../common.ts';
import { Decimal } from '../deals.ts';

/**
 * Influence: the closed deals an asset touched before they closed, against closed deals it did not touch from the
 * same segments and close quarters (docs/decisions/0009-influence.md). Every rate carries its sample and a Wilson
 * 95 % interval, and is withheld under MIN_CLOSED_FOR_RATE closed deals. What it shows is an association, never a cause.
 */

/** Fewer closed deals than this in a group: no rate, "not enough data". */
export const MIN_CLOSED_FOR_RATE = 10;

/**
 * A win rate with its sample: `rate`, `low` and `high` (Wilson 95 %) are null under MIN_CLOSED_FOR_RATE closed
 * deals, and `reason` says why in plain words.
 */
export const WinRate = z.object({
  won: z.number().int(),
  closed: z.number().int(),
  rate: z.number().nullable(),
  low: z.number().nullable().describe('Wilson 95 % interval, lower bound'),
  high: z.number().nullable().describe('Wilson 95 % interval, upper bound'),
  reason: z.string().nullable().describe('Why there is no rate ("not enough data"), null when there is one'),
});
export type WinRate = z.infer<typeof WinRate>;

const Money = z.object({ deals: z.number().int(), amount: Decimal.describe('Sum of base-currency amounts') });

/** One side of the comparison. */
export const InfluenceGroup = z.object({
  winRate: WinRate,
  lost: z.number().int(),
  /** Won deals' base-currency amount. */
  revenue: Decimal,
  /** Closed deals' base-currency amount (won and lost). */
  closedAmount: Decimal,
  withoutAmount: z.number().int().describe('Closed deals of the group with no base-currency amount (left out of the sums)'),
});
export type InfluenceGroup = z.infer<typeof InfluenceGroup>;

export const Influence = z.object({
  assetId: Uuid,
  baseCurrency: z.string(),
  /** How the comparison group was chosen: same (segment, close quarter) cells as the touched deals. */
  method: z.literal('same_segment_and_close_quarter'),
  /** Closed deals the asset touched before their close date. */
  touched: InfluenceGroup,
  /** Closed deals it did not touch before they closed, from the touched deals' (segment, close quarter) cells. */
  comparison: InfluenceGroup,
  /** The cells both groups come from: segment (null: deals without one) and close quarter ("2026-Q1"). */
  cells: z.array(z.object({ segment: z.string().nullable(), quarter: z.string(), touched: z.number().int(), comparison: z.number().int() })),
  /** Every deal the asset touched — closed ones touched before they closed, and open ones — with their amounts. */
  influencedPipeline: Money.extend({ open: Money }),
  /** Won deals it touched before they closed. */
  influencedRevenue: Money,
  /** The sentence the page shows: association, not cause. */
  caveat: z.string(),
});
export type Influence = z.infer<typeof Influence>;
