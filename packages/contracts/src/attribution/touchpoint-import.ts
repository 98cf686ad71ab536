import { z } from 'zod';

/**
 * Touchpoints imported from a CSV with a column mapping: presets recognise a Salesforce Campaign Member report,
 * a Salesforce Campaign Influence report and a HubSpot contact-activity export with UTM fields; any other file is
 * mapped by hand. Rows are matched to deals of the workspace and upserted by source + external id.
 */

export const TOUCHPOINT_IMPORT_FIELDS = ['externalId', 'deal', 'occurredAt', 'team', 'kind', 'campaign', 'utmSource', 'utmMedium', 'utmCampaign'] as const;
export const TouchpointImportField = z.enum(TOUCHPOINT_IMPORT_FIELDS);
export type TouchpointImportField = z.infer<typeof TouchpointImportField>;
export const TOUCHPOINT_IMPORT_FIELD_LABELS: Record<TouchpointImportField, string> = {
  externalId: 'Touchpoint id',
  deal: 'Deal (id or name)',
  occurredAt: 'Date',
  team: 'Team',
  kind: 'Kind',
  campaign: 'Campaign',
  utmSource: 'UTM source',
  utmMedium: 'UTM medium',
  utmCampaign: 'UTM campaign',
};
export const TOUCHPOINT_IMPORT_REQUIRED: readonly TouchpointImportField[] = ['externalId', 'deal', 'occurredAt'];

export const TOUCHPOINT_IMPORT_PRESETS = ['salesforce_campaign_member', 'salesforce_campaign_influence', 'hubspot_utm', 'csv'] as const;
export const TouchpointImportPreset = z.enum(TOUCHPOINT_IMPORT_PRESETS);
export type TouchpointImportPreset = z.infer<typeof TouchpointImportPreset>;
export const TOUCHPOINT_IMPORT_PRESET_LABELS: Record<TouchpointImportPreset, string> = {
  salesforce_campaign_member: 'Salesforce Campaign Member report',
  salesforce_campaign_influence: 'Salesforce Campaign Influence report',
  hubspot_utm: 'HubSpot contact activity with UTM fields',
  csv: 'Other CSV',
};

/**
 * Column header → field. Several columns may make up the touchpoint id (joined with ":", e.g. campaign, opportunity
 * and contact for a Campaign Influence row); every other field takes one column. Unmapped columns are ignored.
 */
export const TouchpointImportMapping = z.record(z.string(), TouchpointImportField);
export type TouchpointImportMapping = z.infer<typeof TouchpointImportMapping>;

export const TouchpointImportPreview = z.object({
  columns: z.array(z.string()),
  preset: TouchpointImportPreset,
  /** The source the touchpoints are kept under (idempotency is by source + touchpoint id). */
  source: z.string(),
  mapping: TouchpointImportMapping,
  rows: z.array(z.record(z.string(), z.string())),
  totalRows: z.number().int(),
});
export type TouchpointImportPreview = z.infer<typeof TouchpointImportPreview>;

/** A refused line: its physical line number in the file, the column and value at fault, and why. */
export const RefusedLine = z.object({ line: z.number().int(), column: z.string().nullable(), value: z.string().nullable(), message: z.string() });
export type RefusedLine = z.infer<typeof RefusedLine>;

export const TouchpointImportResult = z.object({
  fileName: z.string(),
  preset: TouchpointImportPreset,
  source: z.string(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  refused: z.array(RefusedLine),
  /** Deals whose touchpoints changed, marked for the next recompute of the ledger. */
  dealsMarked: z.number().int(),
});
export type TouchpointImportResult = z.infer<typeof TouchpointImportResult>;
