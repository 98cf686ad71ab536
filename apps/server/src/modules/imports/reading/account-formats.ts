/**
 * Which column holds which account field, per format: Salesforce account reports
 * and HubSpot company exports by their header labels (matched like deal headers,
 * see formats.ts), any other CSV by its accounts mapping file. Columns no field
 * claims become custom fields.
 */
import type { AccountField, AccountMappingFile } from './account-mapping-file.ts';
import { type ImportFormat, indexHeaders, matchMapping, matchVariants, unclaimed } from './formats.ts';
import { ImportsErrors } from '../imports.errors.ts';

export interface AccountColumnMap {
  format: ImportFormat;
  /** For each field, the headers that may hold it, most specific first: the first non-empty cell wins. */
  fields: Partial<Record<AccountField, readonly string[]>>;
  /** Headers kept as custom fields, in file order. */
  custom: readonly string[];
}

type Variants = Partial<Record<AccountField, readonly string[]>>;

const FORMAT_NAMES = { salesforce: 'Salesforce account report export', hubspot: 'HubSpot companies export' } as const;

/**
 * Report labels, then Data Loader's API names, then spellings seen in the wild.
 * Region: a sales region column if the org has one, else the billing country,
 * else the billing state. "Type" (Customer, Partner, Prospect…) is not a segment
 * and stays custom, as does "Annual Revenue".
 */
const SALESFORCE: Variants = {
  externalId: ['Account ID', 'Account 18 Digit ID', 'Account ID (18)', 'Id'],
  name: ['Account Name', 'Name'],
  domain: ['Website', 'Account Website', 'Domain'],
  segment: ['Segment', 'Segment__c', 'Customer Segment', 'Account Segment'],
  industry: ['Industry'],
  size: ['Employees', 'NumberOfEmployees', 'Employee Range'],
  region: ['Region', 'Region__c', 'Sales Region', 'Billing Country/Region', 'Billing Country', 'Billing State/Province', 'BillingState'],
  owner: ['Account Owner', 'Account Owner: Full Name', 'Owner', 'Owner Name', 'Owner Full Name'],
};

/** HubSpot labels vary by portal; internal property names are accepted too. "Lifecycle Stage" stays custom. */
const HUBSPOT: Variants = {
  externalId: ['Record ID', 'Company ID', 'hs_object_id'],
  name: ['Company name', 'Name'],
  domain: ['Company Domain Name', 'Domain', 'Website URL', 'Website'],
  segment: ['Segment', 'Customer Segment', 'Company Segment'],
  industry: ['Industry'],
  size: ['Number of Employees', 'Employees', 'Company Size'],
  region: ['Region', 'Sales Region', 'Country/Region', 'Country', 'State/Region', 'State'],
  owner: ['Company owner', 'Owner', 'HubSpot Owner'],
};

const REQUIRED: readonly AccountField[] = ['externalId', 'name'];

function byVariants(format: 'salesforce' | 'hubspot', headers: readonly string[]): AccountColumnMap {
  const variants = format === 'salesforce' ? SALESFORCE : HUBSPOT;
  const fields = matchVariants(variants, indexHeaders(headers));
  const missing = REQUIRED.filter((f) => !fields[f]).map((f) => variants[f]![0]!);
  if (missing.length) throw ImportsErrors.missingColumns(FORMAT_NAMES[format], missing, headers);
  return { format, fields, custom: unclaimed(headers, fields) };
}

/**
 * The column map for an accounts file's headers. A file that lacks the id or
 * name column (or a column its mapping names) is refused with the missing names
 * and the headers that were found, which is also how a HubSpot file given as
 * `--format salesforce` is caught.
 */
export function resolveAccountColumns(format: ImportFormat, headers: readonly string[], mapping?: AccountMappingFile): AccountColumnMap {
  switch (format) {
    case 'salesforce':
    case 'hubspot':
      return byVariants(format, headers);
    case 'csv': {
      if (!mapping) throw ImportsErrors.badMapping('The csv format needs a mapping file (--map mapping.json) naming at least the externalId and name columns.');
      const fields = matchMapping<AccountField>(mapping.fields, headers, indexHeaders(headers));
      return { format, fields, custom: unclaimed(headers, fields) };
    }
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}
