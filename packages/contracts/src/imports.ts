import { z } from 'zod';
import { IsoDate, IsoDateTime, Uuid, listEnvelope } from './common.ts';

/**
 * Imports: a file of deals or accounts (Salesforce report, HubSpot export, or any
 * CSV with a mapping) taken in as one atomic, undoable change.
 *
 * Flow in the web app: upload (`POST /imports` with `start=false`) → the import is
 * `pending` with a preview → adjust the mapping (`POST /imports/:id/preview`) →
 * `POST /imports/:id/start` → poll `GET /imports/:id` until `completed` or `failed`
 * → `POST /imports/:id/undo` if needed. The CLI uploads with `start=true`.
 */

export const ImportKind = z.enum(['deals', 'accounts']);
export type ImportKind = z.infer<typeof ImportKind>;
export const ImportFormat = z.enum(['salesforce', 'hubspot', 'csv']);
export type ImportFormat = z.infer<typeof ImportFormat>;
export const DateFormat = z.enum(['MDY', 'DMY', 'YMD']);
export type DateFormat = z.infer<typeof DateFormat>;

export const ImportStatus = z.enum(['pending', 'running', 'completed', 'failed', 'undone']);
export type ImportStatus = z.infer<typeof ImportStatus>;

/** Fields a column can be mapped to, per kind. */
export const DEAL_IMPORT_FIELDS = [
  'externalId',
  'name',
  'account',
  'amount',
  'currency',
  'stage',
  'closeDate',
  'createdDate',
  'owner',
  'product',
  'type',
  'leadSource',
  'competitor',
  'reason',
  'probability',
] as const;
export const ACCOUNT_IMPORT_FIELDS = ['externalId', 'name', 'domain', 'segment', 'industry', 'size', 'region', 'owner'] as const;

/** The generic-CSV mapping file (`--map mapping.json`), also what the web app edits. Unknown keys are refused. */
export const ImportMapping = z.strictObject({
  fields: z.record(z.string(), z.string().trim().min(1)).describe('Field → column header, e.g. {"externalId": "Deal Id", "stage": "Status"}'),
  stages: z.record(z.string(), z.enum(['open', 'won', 'lost'])).optional().describe('Stage in the file → status'),
  dateFormat: DateFormat.optional(),
  currency: z.string().regex(/^[A-Z]{3}$/).optional().describe('For amounts that name no currency'),
});
export type ImportMapping = z.infer<typeof ImportMapping>;

/** What an import is asked to do; the multipart upload carries these as fields beside `file`. */
export const ImportOptions = z.object({
  kind: ImportKind.default('deals'),
  format: ImportFormat.optional().describe('Omitted: detected from the headers (Salesforce, HubSpot, else a mapping is needed)'),
  source: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, 'letters, digits, spaces, dots, dashes and underscores')
    .optional()
    .describe("Names the system the rows come from; default: the format's name. Upserts are keyed by (source, external id)"),
  mapping: ImportMapping.optional(),
  dateFormat: DateFormat.optional(),
  full: z.boolean().default(false).describe("Full sync: the source's deals missing from the file are marked removed"),
  dryRun: z.boolean().default(false).describe('Count what would happen; write nothing'),
  strict: z.boolean().default(false).describe('Import nothing if any row is invalid'),
});
export type ImportOptions = z.input<typeof ImportOptions>;

export const ImportRowError = z.object({
  line: z.number().int().describe('Physical line where the record starts; the header is line 1'),
  column: z.string().describe('The header of the cell'),
  value: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportCounts = z.object({
  rows: z.number().int().describe('Data rows read'),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  removed: z.number().int(),
  invalid: z.number().int(),
  warnings: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

/** The result object the CLI prints with `--json` (and `GET /imports/:id` nests). */
export const ImportResult = ImportCounts.omit({ rows: true }).extend({
  importId: Uuid,
  unknownStages: z.array(z.object({ stage: z.string(), count: z.number().int() })),
  errors: z.array(ImportRowError).describe('At most 1,000; all of them are in the rejected-rows CSV'),
  errorsTruncated: z.boolean(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ImportProgress = z.object({
  phase: z.enum(['queued', 'scanning', 'reading', 'writing', 'done']),
  rows: z.number().int().describe('Rows read so far in this phase'),
  totalRows: z.number().int().nullable().describe('Known once the file is read; while it is read once, estimated from the bytes read'),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

/** A column of the file and what it maps to. */
export const ImportColumn = z.object({
  header: z.string(),
  field: z.string().nullable().describe('The field it fills; null: kept as a custom field'),
});

export const ImportPreview = z.object({
  format: ImportFormat,
  detectedFormat: ImportFormat.nullable().describe('What the headers look like; null when neither Salesforce nor HubSpot'),
  source: z.string(),
  headers: z.array(z.string()),
  columns: z.array(ImportColumn),
  mapping: ImportMapping.nullable().describe('The mapping used (remembered per source), for generic CSV'),
  missingFields: z.array(z.string()).describe('Required fields no column fills; the import cannot start until mapped'),
  dateFormat: DateFormat.nullable(),
  rows: z
    .array(
      z.object({
        line: z.number().int(),
        cells: z.record(z.string(), z.string()),
        errors: z.array(ImportRowError),
        warnings: z.array(ImportRowError),
      }),
    )
    .describe('The first rows of the file with their validation errors'),
  problem: z.string().nullable().describe('Why the file cannot be imported as mapped, in one sentence'),
  check: z
    .object({
      rows: z.number().int().describe('Rows checked: the first 5,000 of the file, or all of it'),
      wholeFile: z.boolean().describe('The checked rows are the whole file'),
      invalid: z.number().int().describe('Checked rows the import would skip'),
      reasons: z
        .array(z.object({ column: z.string(), message: z.string().describe("The first such row's problem"), count: z.number().int() }))
        .describe('Why rows would be skipped, by column and kind of problem, most frequent first (at most 5)'),
    })
    .nullable()
    .describe('The checked rows, or null while they cannot be checked (a required column unmapped, a problem with the file)'),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportRecord = z.object({
  id: Uuid,
  kind: ImportKind,
  status: ImportStatus,
  format: ImportFormat.nullable(),
  source: z.string().nullable(),
  fileName: z.string(),
  fileSize: z.number().int(),
  full: z.boolean(),
  dryRun: z.boolean(),
  createdBy: z.object({ userId: Uuid.nullable(), name: z.string() }),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  undoneAt: z.iso.datetime().nullable(),
  counts: ImportCounts.nullable(),
  progress: ImportProgress.nullable(),
  error: z.string().nullable().describe('Why a failed import failed'),
  canUndo: z.boolean().describe('Completed, not a dry run, and the latest completed import of its source'),
});
export type ImportRecord = z.infer<typeof ImportRecord>;

export const ImportDetail = ImportRecord.extend({
  result: ImportResult.nullable(),
  warningList: z.array(ImportRowError).describe('At most 1,000 warnings: repeated ids, values kept as custom fields'),
});
export type ImportDetail = z.infer<typeof ImportDetail>;

export const ImportList = listEnvelope(ImportRecord);
export type ImportList = z.infer<typeof ImportList>;
export const ImportListQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  kind: ImportKind.optional(),
});
export type ImportListQuery = z.infer<typeof ImportListQuery>;

/** Body of `POST /imports/:id/preview` and `POST /imports/:id/start`. */
export const ImportStartRequest = ImportOptions.omit({ kind: true });
export type ImportStartRequest = z.input<typeof ImportStartRequest>;

// ---- Upsert API -----------------------------------------------------------------

const text = z.string().trim().min(1);
export const DealUpsertItem = z.object({
  externalId: text.max(200),
  name: text.max(500).optional().describe('Default: account + product, else the external id'),
  account: text.max(300).optional().describe('Account name; created if no account has it'),
  amount: z
    .union([
      z.string().regex(/^-?\d{1,16}(\.\d{1,4})?$/, 'a decimal with at most 16 digits before the point and 4 after'),
      // The column is numeric(20,4): 16 digits before the point.
      z.number().gt(-1e16, 'must be greater than -10^16').lt(1e16, 'must be less than 10^16'),
    ])
    .optional()
    .describe('A decimal below 10^16 in absolute value; a string keeps it exact'),
  currency: z.string().regex(/^[A-Z]{3}$/).optional().describe("Default: the workspace's base currency"),
  stage: text.max(200),
  probability: z.number().min(0).max(100).optional(),
  closeDate: IsoDate.optional(),
  createdDate: z.union([IsoDate, IsoDateTime({ local: true, offset: true })]).optional(),
  owner: text.max(200).optional().describe('Email or full name of a member, else kept as text'),
  type: z.enum(['new_business', 'expansion', 'renewal']).optional(),
  leadSource: text.max(200).optional(),
  products: z.array(text.max(200)).max(50).optional(),
  competitors: z.array(text.max(200)).max(50).optional(),
  reason: text.max(2000).optional(),
  customFields: z.record(z.string().max(200), z.string().max(5000)).optional(),
});
export type DealUpsertItem = z.infer<typeof DealUpsertItem>;

export const DealUpsertRequest = z.object({
  source: text.max(60).describe('The system the deals come from, e.g. "salesforce" or "crm-webhook"'),
  deals: z.array(DealUpsertItem).min(1).max(1000),
});
export type DealUpsertRequest = z.infer<typeof DealUpsertRequest>;

export const DealUpsertResponse = z.object({
  importId: Uuid.describe('The batch is recorded as an import, so it can be undone'),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  results: z.array(
    z.object({
      externalId: z.string(),
      status: z.enum(['created', 'updated', 'unchanged']),
      dealId: Uuid,
    }),
  ),
});
export type DealUpsertResponse = z.infer<typeof DealUpsertResponse>;
