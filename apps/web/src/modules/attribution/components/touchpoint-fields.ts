import { TOUCHPOINT_IMPORT_FIELD_LABELS, TOUCHPOINT_IMPORT_FIELDS, TOUCHPOINT_IMPORT_REQUIRED, type TouchpointImportField } from '@tandem/contracts';
import { fieldPerColumn, type FieldCatalogue } from '../../../app/kit/index.ts';

const HINTS: Record<TouchpointImportField, string> = {
  externalId: 'Its id in the source; choose several columns (campaign and contact) to make one',
  deal: "The deal's CRM ID or its name, in this workspace",
  occurredAt: 'When it happened, e.g. 2026-03-14 or 3/14/2026',
  team: 'Marketing, sales or partner; otherwise marketing',
  kind: 'Campaign type, activity type or UTM medium: webinar, demo, meeting…',
  campaign: 'Otherwise the UTM campaign, or source / medium',
  utmSource: 'utm_source of the visit',
  utmMedium: 'utm_medium of the visit; gives the kind when no column does',
  utmCampaign: 'utm_campaign of the visit; the campaign when no column gives one',
};

/** What a column of a touchpoint file can fill; a column that fills none is not imported. */
export const TOUCHPOINT_CATALOGUE: FieldCatalogue<TouchpointImportField> = {
  fields: TOUCHPOINT_IMPORT_FIELDS.map((f) => ({
    value: f,
    label: TOUCHPOINT_IMPORT_FIELD_LABELS[f],
    hint: HINTS[f],
    required: TOUCHPOINT_IMPORT_REQUIRED.includes(f),
    several: f === 'externalId',
  })),
  group: 'Touchpoint fields',
  customFields: false,
};

/** The touchpoint import's mapping, column → field. */
export const touchpointMappingShape = fieldPerColumn(TOUCHPOINT_CATALOGUE);
