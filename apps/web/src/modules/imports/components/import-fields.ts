import type { FieldCatalogue } from '../../../app/kit/index.ts';
import type { DEAL_IMPORT_FIELDS, DateFormat, ImportCounts, ImportFormat, ImportPreview, ImportStatus } from '@tandem/contracts';

export type DealField = (typeof DEAL_IMPORT_FIELDS)[number];
export const REQUIRED_FIELDS: readonly DealField[] = ['externalId', 'stage'];

export const FIELD_LABELS: Record<DealField, string> = {
  externalId: 'Deal ID',
  name: 'Deal name',
  account: 'Account',
  amount: 'Amount',
  currency: 'Currency',
  stage: 'Stage',
  closeDate: 'Close date',
  createdDate: 'Created date',
  owner: 'Owner',
  product: 'Products',
  type: 'Deal type',
  leadSource: 'Lead source',
  competitor: 'Competitors',
  reason: 'Win/loss reason',
  probability: 'Probability (%)',
};

export const FIELD_HINTS: Record<DealField, string> = {
  externalId: "The deal's unique ID in your CRM; the next import updates the deal with the same ID",
  name: 'Default: the account and products, else the ID',
  account: 'Account name; a new account is created when none has it',
  amount: 'A number; a currency symbol or code in the cell is understood',
  currency: 'A three-letter code such as USD or EUR',
  stage: 'Mapped to open, won or lost',
  closeDate: 'Expected or actual close date',
  createdDate: 'When the deal was created in the CRM',
  owner: 'Email or full name of a member, else kept as text',
  product: 'Several can be separated by ; or ,',
  type: 'New business, expansion or renewal',
  leadSource: 'Where the deal came from',
  competitor: 'Several can be separated by ; or ,',
  reason: 'Why the deal was won or lost',
  probability: 'A percentage from 0 to 100',
};

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  salesforce: 'Salesforce',
  hubspot: 'HubSpot',
  csv: 'Other CSV',
};

// The lists as values come from the label records (typed by the contracts), so these
// pages need no zod schema at run time.
/** Every field a column can fill, in the contract's order. */
export const DEAL_FIELDS = Object.keys(FIELD_LABELS) as DealField[];
/** What a column of a deals file can fill, for the column mapping; a column that fills none is kept as a custom field. */
export const DEAL_CATALOGUE: FieldCatalogue<DealField> = {
  fields: DEAL_FIELDS.map((f) => ({ value: f, label: FIELD_LABELS[f], hint: FIELD_HINTS[f], required: REQUIRED_FIELDS.includes(f) })),
  group: 'Deal fields',
  customFields: true,
};
export const IMPORT_FORMATS = Object.keys(FORMAT_LABELS) as ImportFormat[];

export const FORMAT_DESCRIPTIONS: Record<ImportFormat, string> = {
  salesforce: 'Salesforce report export',
  hubspot: 'HubSpot deals export',
  csv: 'CSV with your own column mapping',
};

export const DATE_FORMAT_LABELS: Record<DateFormat, string> = {
  MDY: 'Month/day/year (12/31/2026)',
  DMY: 'Day/month/year (31/12/2026)',
  YMD: 'Year-month-day (2026-12-31)',
};

export const STATUS_LABELS: Record<ImportStatus, string> = {
  pending: 'Not started',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  undone: 'Undone',
};

export const STATUS_COLORS: Record<ImportStatus, string> = {
  pending: 'gray',
  running: 'blue',
  completed: 'teal',
  failed: 'red',
  undone: 'orange',
};

/** A completed import that read rows and rejected every one of them: nothing was imported, which is no success. */
export const importedNothing = (r: { status: ImportStatus; dryRun: boolean; counts: ImportCounts | null }) =>
  r.status === 'completed' && !!r.counts && r.counts.rows > 0 && r.counts.invalid === r.counts.rows;

/** The preview's check when no checked row can be imported (the server refuses to start it then), else null. */
export function nothingToImport(preview: ImportPreview): NonNullable<ImportPreview['check']> | null {
  const c = preview.check;
  return c && c.rows > 0 && c.invalid === c.rows ? c : null;
}

/** "Salesforce" for a source named after its format, else "Pipedrive · Other CSV". */
export function sourceLabel(source: string | null, format: ImportFormat | null): string {
  if (!format) return source ?? '—';
  if (!source || source === format) return FORMAT_LABELS[format];
  return `${source} · ${FORMAT_LABELS[format]}`;
}

export const fieldLabel = (field: string) => FIELD_LABELS[field as DealField] ?? field;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

const counter = new Intl.NumberFormat();
export const formatCount = (n: number) => counter.format(n);
export const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

/**
 * The server's file-level sentences are written for the command line and name its
 * flags; on these pages the same choice is a control, which `dateHint` names.
 */
export function problemForTheWeb(problem: string, dateHint: string): string {
  return problem
    .replace(/Give the format with --date-format MDY or DMY \(or "dateFormat" in the mapping file\)\./, dateHint)
    .replace(/;? ?map them \(--format csv --map mapping\.json\)/, '; choose Other CSV and map them')
    .replace(/\s*\(--map mapping\.json\)/, '')
    .replace(/the mapping file/gi, 'the mapping');
}
