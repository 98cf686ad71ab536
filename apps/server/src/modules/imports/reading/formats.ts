/**
 * Which column holds which deal field, per format: Salesforce report exports and
 * HubSpot deal exports by their header labels (case, spacing and punctuation
 * ignored, known variants tolerated), any other CSV by its mapping file. Columns
 * no field claims become custom fields.
 */
import { ImportsErrors } from '../imports.errors.ts';
import type { MappableField, MappingFile } from './mapping-file.ts';

export type ImportFormat = 'salesforce' | 'hubspot' | 'csv';
export const IMPORT_FORMATS: readonly ImportFormat[] = ['salesforce', 'hubspot', 'csv'];

const FORMAT_NAMES = { salesforce: 'Salesforce report export', hubspot: 'HubSpot deals export' } as const;

export interface ColumnMap {
  format: ImportFormat;
  /** For each field, the headers that may hold it, most specific first: the first non-empty cell wins. */
  fields: Partial<Record<MappableField, readonly string[]>>;
  /** Headers kept as custom fields, in file order. */
  custom: readonly string[];
  /** "X Currency" columns beside an "X" column: value header → currency header. */
  currencyColumns: Readonly<Record<string, string>>;
}

/** Header lookup key: "Probability (%)", "probability" and "PROBABILITY" are the same column. */
export function headerKey(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

type Variants = Partial<Record<MappableField, readonly string[]>>;

/** Labels as Salesforce reports write them, then Data Loader's API names, then other spellings seen in the wild. */
const SALESFORCE: Variants = {
  externalId: ['Opportunity ID', 'Opportunity 18 Digit ID', 'Opportunity ID (18)', 'Id'],
  name: ['Opportunity Name', 'Name'],
  account: ['Account Name', 'Account'],
  amount: ['Amount'],
  currency: ['Amount Currency', 'Opportunity Currency', 'Currency', 'CurrencyIsoCode'],
  stage: ['Stage', 'Stage Name'],
  closeDate: ['Close Date'],
  createdDate: ['Created Date'],
  probability: ['Probability (%)'],
  owner: ['Opportunity Owner', 'Opportunity Owner: Full Name', 'Owner', 'Owner Name', 'Owner Full Name'],
  type: ['Type', 'Opportunity Type'],
  leadSource: ['Lead Source'],
  product: ['Product Name', 'Product', 'Products', 'Primary Product'],
  competitor: ['Main Competitor(s)', 'Competitor', 'Competitors', 'Primary Competitor'],
  reason: ['Loss Reason', 'Closed Lost Reason', 'Win/Loss Reason', 'Reason Lost', 'Reason'],
};

/** HubSpot labels vary by portal and export path; internal property names are accepted too. */
const HUBSPOT: Variants = {
  externalId: ['Record ID', 'Deal ID', 'hs_object_id'],
  name: ['Deal Name'],
  account: ['Associated Company', 'Associated Company (Primary)', 'Associated Companies', 'Company Name', 'Company'],
  amount: ['Amount'],
  currency: ['Currency', 'Deal Currency Code'],
  stage: ['Deal Stage', 'Stage'],
  closeDate: ['Close Date'],
  createdDate: ['Create Date', 'Created Date', 'Created At'],
  owner: ['Deal owner', 'Owner', 'HubSpot Owner'],
  type: ['Deal Type', 'Type'],
  leadSource: ['Lead Source', 'Original Source'],
  product: ['Product', 'Products'],
  competitor: ['Competitor', 'Competitors'],
  reason: ['Closed Lost Reason', 'Closed Won Reason', 'Reason'],
};

const REQUIRED: readonly MappableField[] = ['externalId', 'stage'];

/** Headers by `headerKey`; when two headers share a key, the first one. */
export function indexHeaders(headers: readonly string[]): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const h of headers) if (!byKey.has(headerKey(h))) byKey.set(headerKey(h), h);
  return byKey;
}

/** For each field, the file's headers among its known labels, in label order; a header goes to the first field that names it. */
export function matchVariants<F extends string>(
  variants: Partial<Record<F, readonly string[]>>,
  byKey: ReadonlyMap<string, string>,
): Partial<Record<F, readonly string[]>> {
  const fields: Partial<Record<F, readonly string[]>> = {};
  const taken = new Set<string>();
  for (const [field, names] of Object.entries(variants) as [F, readonly string[]][]) {
    const found = names.map((n) => byKey.get(headerKey(n))).filter((h): h is string => h !== undefined && !taken.has(h));
    if (found.length) fields[field] = found;
    for (const h of found) taken.add(h);
  }
  return fields;
}

/** The header a mapping file names for each field; names the file lacks are refused all together. */
export function matchMapping<F extends string>(
  mapped: Partial<Record<F, string>>,
  headers: readonly string[],
  byKey: ReadonlyMap<string, string>,
): Partial<Record<F, readonly string[]>> {
  const fields: Partial<Record<F, readonly string[]>> = {};
  const missing: string[] = [];
  for (const [field, name] of Object.entries(mapped) as [F, string | undefined][]) {
    if (name === undefined) continue;
    const header = byKey.get(headerKey(name));
    if (header) fields[field] = [header];
    else missing.push(name);
  }
  if (missing.length) throw ImportsErrors.mappedColumnsMissing(missing, headers);
  return fields;
}

/** Headers no field claims, in file order: the custom fields. */
export function unclaimed(headers: readonly string[], fields: Partial<Record<string, readonly string[]>>): string[] {
  const used = new Set(Object.values(fields).flat());
  return headers.filter((h) => !used.has(h));
}

/** "Amount Currency" beside "Amount": both keys match up to the "currency" suffix. */
function findCurrencyColumns(headers: readonly string[], byKey: Map<string, string>): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const h of headers) {
    const key = headerKey(h);
    if (!key.endsWith('currency') || key === 'currency') continue;
    const value = byKey.get(key.slice(0, -'currency'.length));
    if (value) pairs[value] = h;
  }
  return pairs;
}

function finish(format: ImportFormat, headers: readonly string[], fields: Variants, currencyColumns: Record<string, string>): ColumnMap {
  const amount = fields.amount?.[0];
  const pairedCurrency = amount ? currencyColumns[amount] : undefined;
  if (pairedCurrency) fields.currency = [pairedCurrency, ...(fields.currency ?? []).filter((h) => h !== pairedCurrency)];
  return { format, fields, custom: unclaimed(headers, fields), currencyColumns };
}

function byVariants(format: 'salesforce' | 'hubspot', headers: readonly string[]): ColumnMap {
  const variants = format === 'salesforce' ? SALESFORCE : HUBSPOT;
  const byKey = indexHeaders(headers);
  const fields = matchVariants(variants, byKey);
  const missing = REQUIRED.filter((f) => !fields[f]).map((f) => variants[f]![0]!);
  if (missing.length) throw ImportsErrors.missingColumns(FORMAT_NAMES[format], missing, headers);
  return finish(format, headers, fields, findCurrencyColumns(headers, byKey));
}

function byMapping(headers: readonly string[], mapping: MappingFile): ColumnMap {
  const byKey = indexHeaders(headers);
  const fields: Variants = matchMapping<MappableField>(mapping.fields, headers, byKey);
  const currencyColumns = findCurrencyColumns(headers, byKey);
  // The mapping's own currency column wins over an "Amount Currency" found beside the amount.
  if (mapping.fields.currency && fields.amount?.[0]) delete currencyColumns[fields.amount[0]];
  return finish('csv', headers, fields, currencyColumns);
}

/**
 * The column map for a file's headers. A file that lacks a required column
 * (or a column its mapping names) is refused with the missing names and the
 * headers that were found, which is also how a HubSpot file given as
 * `--format salesforce` is caught.
 */
export function resolveColumns(format: ImportFormat, headers: readonly string[], mapping?: MappingFile): ColumnMap {
  switch (format) {
    case 'salesforce':
    case 'hubspot':
      return byVariants(format, headers);
    case 'csv':
      if (!mapping) throw ImportsErrors.badMapping('The csv format needs a mapping file (--map mapping.json) naming at least the externalId and stage columns.');
      return byMapping(headers, mapping);
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}
