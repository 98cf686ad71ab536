import { z } from 'zod';
import { Uuid } from '../common.ts';
import { Decimal } from '../deals.ts';
import { ThemeStatus } from '../feedback.ts';

/**
 * A person's home, the themes of their deals: every theme with feedback on one of their open deals (by anyone; an
 * item naming only the deal's account counts for each of that account's deals) or feedback they logged themselves,
 * ranked by the open pipeline of their own deals behind it.
 */

export const MyDealThemesQuery = z.object({
  limit: z.coerce.number().int().min(1, 'limit is at least 1').max(50, 'limit is at most 50').default(5).describe('How many themes, the most pipeline first'),
});
export type MyDealThemesQuery = z.infer<typeof MyDealThemesQuery>;

export const MyDealTheme = z.object({
  id: Uuid,
  name: z.string(),
  status: ThemeStatus,
  /** The caller's open deals behind the theme, each once, and the sum of their amounts in the base currency. */
  openDeals: z.number().int(),
  openPipeline: Decimal,
  /** Of those, how many have no amount (counted in openDeals, not in openPipeline). */
  openDealsWithoutAmount: z.number().int(),
  /** Feedback in the theme on the caller's open deals (by anyone) or logged by the caller. */
  items: z.number().int(),
  /** Of those, the items the caller logged. */
  myItems: z.number().int(),
  /** The theme's latest answer, as every submitter reads it. */
  response: z.object({ message: z.string(), at: z.iso.datetime() }).nullable(),
});
export type MyDealTheme = z.infer<typeof MyDealTheme>;

export const MyDealThemes = z.object({
  items: z.array(MyDealTheme),
  /** Every theme that qualifies (items holds the first `limit`). */
  total: z.number().int(),
  /** The caller's open deals, and their feedback not in a theme yet (grouping pending). */
  openDeals: z.number().int(),
  myUntriagedItems: z.number().int(),
});
export type MyDealThemes = z.infer<typeof MyDealThemes>;
