import { z } from 'zod';
import { ROLES } from './roles.ts';

export { ROLES, ROLE_LABELS } from './roles.ts';

export const Uuid = z.uuid();

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
