/**
 * The mapping file that makes any CSV of accounts importable: which column holds
 * which account field. Checked like the deals mapping (mapping-file.ts): unknown
 * keys and bad values are refused with their path, broken JSON with its position.
 */
import { z } from 'zod';
import { column, parseMappingJson } from './mapping-file.ts';

/** Account fields a mapping can name, in the order the docs list them. */
export const ACCOUNT_FIELDS = ['externalId', 'name', 'domain', 'segment', 'industry', 'size', 'region', 'owner'] as const;
export type AccountField = (typeof ACCOUNT_FIELDS)[number];

export const accountMappingFileSchema = z.strictObject({
  fields: z.strictObject({
    externalId: column,
    name: column,
    domain: column.optional(),
    segment: column.optional(),
    industry: column.optional(),
    size: column.optional(),
    region: column.optional(),
    owner: column.optional(),
  }),
});

export type AccountMappingFile = z.infer<typeof accountMappingFileSchema>;

/** Parses and checks an accounts mapping file's text; a bad file is an error that names the path of each problem. */
export function parseAccountMappingFile(text: string, fileName = 'the mapping file'): AccountMappingFile {
  return parseMappingJson(accountMappingFileSchema, text, fileName);
}
