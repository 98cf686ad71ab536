/**
 * One deal as a file row says it, cleaned: what the import upserts by
 * (workspace, source, externalId). Amounts are exact decimal strings.
 */
import { z } from 'zod';
import { STAGE_CATEGORIES } from '../../deals/index.ts';

export const DEAL_TYPES = ['new_business', 'expansion', 'renewal'] as const;
export type DealType = (typeof DEAL_TYPES)[number];

const text = z.string().trim().min(1);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date, YYYY-MM-DD');
const isoDateOrTimestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/, 'an ISO date or timestamp');

export const dealInputSchema = z
  .object({
    externalId: text,
    name: text,
    account: text.optional(),
    /** A decimal string such as "1234567.00" or "-1200": never a float. */
    amount: z
      .string()
      .regex(/^-?\d+(\.\d+)?$/, 'a decimal number')
      .optional(),
    /** ISO 4217; present whenever `amount` is. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    stage: text,
    stageCategory: z.enum(STAGE_CATEGORIES as ['open', 'won', 'lost']),
    /** Percent, 0–100. */
    probability: z.number().min(0).max(100).optional(),
    closeDate: isoDate.optional(),
    /** A date, or a timestamp when the file gave a time (wall-clock unless it named a zone). */
    createdDate: isoDateOrTimestamp.optional(),
    /** The owner as the file names them; matching to a Tandem user happens later. */
    owner: text.optional(),
    type: z.enum(DEAL_TYPES).optional(),
    leadSource: text.optional(),
    products: z.array(text),
    competitors: z.array(text),
    reason: text.optional(),
    /** Columns no field claimed, by header name; empty cells are left out. */
    customFields: z.record(z.string(), z.string()),
  })
  .refine((d) => d.amount === undefined || d.currency !== undefined, { path: ['currency'], message: 'an amount needs a currency' });

export type DealInput = z.infer<typeof dealInputSchema>;
