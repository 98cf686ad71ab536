/**
 * A lost deal's stated reason (Salesforce "Loss Reason" / "Closed Lost Reason" / "Reason Lost", HubSpot "Closed lost
 * reason"; the text is kept in `deals.reason`) mapped to a category for win/loss analysis by keywords, first match
 * wins in this order: no decision, price, product gap, timing, competitor; any other stated reason is "other".
 * "Lost to Kestrel on price" is price: the category names the factor, the competitor is in the deal's competitors.
 */
import type { LossReasonCategory } from '@tandem/contracts';

export const LOSS_REASON_KEYWORDS: readonly (readonly [Exclude<LossReasonCategory, 'other'>, readonly string[]])[] = [
  ['no_decision', ['no decision', 'status quo', 'do nothing', 'did nothing', 'went dark', 'unresponsive', 'no response', 'ghosted', 'stalled', 'lost contact']],
  ['price', ['price', 'pricing', 'expensive', 'cost', 'budget', 'discount', 'cheaper', 'afford', 'too high']],
  ['product_gap', ['product gap', 'feature', 'missing', 'functionality', 'capabilit', 'integration', "doesn't support", 'does not support', 'not supported', 'lack', 'requirement', 'product fit', 'roadmap']],
  ['timing', ['timing', 'timeline', 'next year', 'next quarter', 'postpone', 'delay', 'not now', 'on hold', 'freeze', 'reorg', 'later']],
  ['competitor', ['competitor', 'competition', 'went with', 'chose', 'selected', 'lost to', 'incumbent', 'another vendor']],
];

/** The category of a lost deal's reason; null without a reason. */
export function lossReasonCategory(reason: string | null | undefined): LossReasonCategory | null {
  const text = reason?.trim().toLowerCase();
  if (!text) return null;
  for (const [category, words] of LOSS_REASON_KEYWORDS) if (words.some((w) => text.includes(w))) return category;
  return 'other';
}
