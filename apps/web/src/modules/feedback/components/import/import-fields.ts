import type { FeedbackImportField } from '@tandem/contracts';
import { fieldPerColumn, type FieldCatalogue } from '../../../../app/kit/index.ts';

export const IMPORT_FIELD_LABELS: Record<FeedbackImportField, string> = {
  text: 'Feedback text',
  kind: 'Kind',
  quote: 'Customer quote',
  dealId: 'Deal ID',
  account: 'Account',
  competitor: 'Competitor',
  date: 'Date heard',
  submitter: 'Submitted by',
  source: 'Source',
};

export const IMPORT_FIELD_HINTS: Record<FeedbackImportField, string> = {
  text: 'What the customer said or asked for',
  kind: 'Pain point, objection, feature request, competitor intel, win or loss reason, praise or question',
  quote: 'The customer’s own words',
  dealId: 'The deal’s CRM ID (or its Tandem ID)',
  account: 'An account already in Tandem, by name or CRM ID',
  competitor: 'The competitor it is about',
  date: 'When it was heard, e.g. 2026-03-14 or 3/14/2026; otherwise today',
  submitter: 'Email or name of the member who heard it; otherwise you',
  source: 'Call, email, meeting or CRM note; otherwise “Import”',
};

/** What a column of a feedback file can fill (in the contract's order, from the labels: no schema at run time); other columns are not imported. */
export const FEEDBACK_CATALOGUE: FieldCatalogue<FeedbackImportField> = {
  fields: (Object.keys(IMPORT_FIELD_LABELS) as FeedbackImportField[]).map((f) => ({
    value: f,
    label: IMPORT_FIELD_LABELS[f],
    hint: IMPORT_FIELD_HINTS[f],
    required: f === 'text',
  })),
  group: 'Feedback fields',
  customFields: false,
};

/** The feedback import's mapping, column → field: each field takes one column. */
export const feedbackMappingShape = fieldPerColumn(FEEDBACK_CATALOGUE);
