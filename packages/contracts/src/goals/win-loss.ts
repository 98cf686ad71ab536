import { z } from 'zod';
import { Uuid } from '../common.ts';
import { Decimal } from '../deals.ts';
import { MetricValue, metricFilterShape } from './metrics.ts';

/** Win/loss: won and lost revenue by stated reason, competitor and segment over time, and the feedback behind each reason. */

export const LOSS_REASON_CATEGORIES = ['price', 'product_gap', 'competitor', 'timing', 'no_decision', 'other'] as const;
export const LossReasonCategory = z.enum(LOSS_REASON_CATEGORIES);
export type LossReasonCategory = z.infer<typeof LossReasonCategory>;
export const LOSS_REASON_LABELS: Record<LossReasonCategory, string> = {
  price: 'Price',
  product_gap: 'Product gap',
  competitor: 'Competitor',
  timing: 'Timing',
  no_decision: 'No decision',
  other: 'Other',
};

export const WinLossQuery = z
  .object({ ...metricFilterShape })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'to is before from' });
export type WinLossQuery = z.infer<typeof WinLossQuery>;

export const WinLossCell = z.object({
  count: z.number().int(),
  amount: Decimal.describe('Σ base-currency amount'),
  withoutAmount: z.number().int(),
});
export type WinLossCell = z.infer<typeof WinLossCell>;

export const WinLossReasonTheme = z.object({ id: Uuid, name: z.string(), items: z.number().int(), deals: z.number().int() });

export const WinLossReason = z.object({
  /** `unstated` for lost deals without a reason. */
  category: z.union([LossReasonCategory, z.literal('unstated')]),
  label: z.string(),
  lost: WinLossCell,
  /** Share of lost deals (by count) with this reason, with its Wilson 95 % interval. */
  share: MetricValue,
  /** Themes of the win/loss-reason feedback logged on these lost deals, most items first. */
  themes: z.array(WinLossReasonTheme),
});

export const WinLossGroup = z.object({ key: z.string(), label: z.string(), won: WinLossCell, lost: WinLossCell, winRate: MetricValue });

export const WinLossPeriod = z.object({
  label: z.string(),
  start: z.string(),
  end: z.string(),
  won: WinLossCell,
  lost: WinLossCell,
  lostByReason: z.record(z.string(), WinLossCell),
});

export const WinLoss = z.object({
  from: z.string(),
  to: z.string(),
  baseCurrency: z.string(),
  won: WinLossCell,
  lost: WinLossCell,
  byReason: z.array(WinLossReason),
  byCompetitor: z.array(WinLossGroup),
  bySegment: z.array(WinLossGroup),
  /** Fiscal quarters from `from` to `to`, oldest first. */
  overTime: z.array(WinLossPeriod),
  /** Of lost deals with a stated reason: the share where price was the reason against the share where a product gap was. */
  priceVsProductGap: z.object({ statedLosses: z.number().int(), price: MetricValue, productGap: MetricValue }),
});
export type WinLoss = z.infer<typeof WinLoss>;
