import { z } from 'zod';
import { ROLES } from './roles.ts';

export { ROLES, ROLE_LABELS } from './roles.ts';

export const Uuid = z.uuid();

const YEARS = 'a year from 1000 to 9999';
/** The year an ISO string starts with is 1000–9999 and the instant it names is no later than 9999 (UTC). */
function fourDigitYear(s: string): boolean {
  const t = Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s);
  return Number(s.slice(0, 4)) >= 1000 && Number.isFinite(t) && new Date(t).getUTCFullYear() <= 9999;
}

/**
 * A calendar day in a request, YYYY-MM-DD: "2024-02-30", "2024-13-01" and year 0000 are refused (400 naming the
 * field), not rolled over or left for the database to reject. Years 1000–9999: PostgreSQL has no year 0 and
 * JavaScript writes years past 9999 with a sign, which no response could carry back.
 */
export const IsoDate = z.iso.date('an ISO date, YYYY-MM-DD, that exists in the calendar').refine(fourDigitYear, YEARS);

/** An instant in a request (ISO 8601 date-time), calendar-checked like IsoDate; `offset`/`local` as z.iso.datetime. */
export function IsoDateTime(opts: { offset?: boolean; local?: boolean } = {}) {
  return z.iso.datetime({ ...opts, message: 'an ISO date-time, YYYY-MM-DDTHH:MM:SS with Z or an offset, that exists in the calendar' }).refine(fourDigitYear, YEARS);
}

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** RFC 9457 problem details, as every error response carries them. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .optional()
    .describe('One entry per invalid field, for validation errors'),
  retryAfterSeconds: z.number().int().optional(),
});
export type Problem = z.infer<typeof Problem>;

/** Every list endpoint answers with this envelope. */
export function listEnvelope<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
    total: z.number().int(),
  });
}
export type ListEnvelope<T> = { items: T[]; nextCursor: string | null; total: number };

export const ListQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const Slug = z
  .string()
  .min(2)
  .max(48)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens (e.g. "acme-sales")');

export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email('Enter a valid email address'))
  .transform((e) => e.toLowerCase());

export const Password = z
  .string()
  .min(10, 'Use at least 10 characters')
  .max(200, 'Use at most 200 characters');

export const PersonName = z.string().trim().min(1, 'Enter a name').max(120);

export const Ok = z.object({ ok: z.literal(true) });
