/**
 * The mapping file that makes any CSV importable: which column holds which deal
 * field, what the file's stages mean, its date order and default currency.
 * Unknown keys are refused (a typo such as "stag" would otherwise be silently ignored).
 */
import sjson from 'secure-json-parse';
import { z } from 'zod';
import { DEAL_IMPORT_FIELDS } from '@tandem/contracts';
import { jsonErrorOffset } from '../../../lib/json-error-offset.ts';
import { isCurrencyCode } from '../../../lib/tabular/currency.ts';
import { DATE_FORMATS } from '../../../lib/tabular/dates.ts';
import { ImportsErrors } from '../imports.errors.ts';
import { STAGE_CATEGORIES } from '../../deals/index.ts';

/** A column a mapping names; the accounts mapping (account-mapping-file.ts) names its columns the same way. */
export const column = z.string().trim().min(1, 'name a column of the file');

/** Deal fields a mapping can name, in the order the docs list them. */
export const MAPPABLE_FIELDS = DEAL_IMPORT_FIELDS;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

export const mappingFileSchema = z.strictObject({
  fields: z.strictObject({
    externalId: column,
    name: column.optional(),
    account: column.optional(),
    amount: column.optional(),
    currency: column.optional(),
    stage: column,
    closeDate: column.optional(),
    createdDate: column.optional(),
    owner: column.optional(),
    product: column.optional(),
    type: column.optional(),
    leadSource: column.optional(),
    competitor: column.optional(),
    reason: column.optional(),
    probability: column.optional(),
  }),
  stages: z.record(z.string().trim().min(1, 'name a stage'), z.enum(STAGE_CATEGORIES as ['open', 'won', 'lost'])).optional(),
  dateFormat: z.enum(DATE_FORMATS as ['YMD', 'MDY', 'DMY']).optional(),
  currency: z
    .string()
    .refine(isCurrencyCode, 'use an ISO 4217 currency code such as "USD" or "EUR"')
    .optional(),
});

export type MappingFile = z.infer<typeof mappingFileSchema>;

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/** `fields.stage`, `stages["Closed - Won"]`. */
function pathText(path: readonly PropertyKey[]): string {
  return path
    .map(String)
    .map((k, i) => (/^[A-Za-z_]\w*$/.test(k) ? (i ? `.${k}` : k) : `[${JSON.stringify(k)}]`))
    .join('');
}

function describe(issue: z.core.$ZodIssue): string {
  const path = pathText(issue.path) || '(top level)';
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => `${pathText([...issue.path, k])}: unknown key`).join('; ');
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${path}: required`;
  return `${path}: ${issue.message}`;
}

/** Parses and checks a mapping file's text; a bad file is an error that names the path of each problem. */
export function parseMappingFile(text: string, fileName = 'the mapping file'): MappingFile {
  return parseMappingJson(mappingFileSchema, text, fileName);
}

/** A mapping file's text checked against `schema`: broken JSON is refused with its line and column, bad values with their path. */
export function parseMappingJson<S extends z.ZodType>(schema: S, text: string, fileName: string): z.output<S> {
  let json: unknown;
  try {
    json = sjson.parse(text.replace(/^\uFEFF/, ''), undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (e) {
    const offset = jsonErrorOffset(text.replace(/^\uFEFF/, ''));
    const where = offset === undefined ? (e as Error).message : `it is not valid JSON at ${lineColumn(text, offset)}`;
    throw ImportsErrors.badMapping(`In ${fileName}: ${where}.`);
  }
  // reportInput: without it zod leaves `input` out of every issue, and a wrong type would read as missing.
  const result = schema.safeParse(json, { reportInput: true });
  if (!result.success) throw ImportsErrors.badMapping(`In ${fileName}: ${result.error.issues.map(describe).join('; ')}.`);
  return result.data;
}
