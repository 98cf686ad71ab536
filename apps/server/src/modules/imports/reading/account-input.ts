/**
 * One account as a file row says it, cleaned: what the import upserts by
 * (workspace, source, externalId).
 */
import { z } from 'zod';

const text = z.string().trim().min(1);

/** Lowercase host without scheme, port, path or a leading "www.": "acme.com", "shop.acme.co.uk", "münchen.de". */
export const DOMAIN_PATTERN = /^(?!www\.)(?:[\p{Ll}\p{Lo}\p{N}](?:[\p{Ll}\p{Lo}\p{N}\p{M}-]*[\p{Ll}\p{Lo}\p{N}\p{M}])?\.)+[\p{Ll}\p{Lo}][\p{Ll}\p{Lo}\p{N}\p{M}-]*[\p{Ll}\p{Lo}\p{N}\p{M}]$/u;

export const accountInputSchema = z.object({
  externalId: text,
  name: text,
  domain: z.string().regex(DOMAIN_PATTERN, 'a domain such as acme.com').optional(),
  segment: text.optional(),
  industry: text.optional(),
  /** Employees as a count ("250") or a band ("51-200", "10000+"), digits without grouping; other labels as written. */
  size: text.optional(),
  region: text.optional(),
  /** The owner as the file names them; matching to a Tandem user happens later. */
  owner: text.optional(),
  /** Columns no field claimed, by header name; empty cells are left out. */
  customFields: z.record(z.string(), z.string()),
});

export type AccountInput = z.infer<typeof accountInputSchema>;
