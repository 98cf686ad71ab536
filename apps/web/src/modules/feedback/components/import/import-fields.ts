import type { FeedbackImportField, FeedbackImportMapping } from '@tandem/contracts';

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
  text: 'Required: what the customer said or asked for',
  kind: 'Pain point, objection, feature request, competitor intel, win or loss reason, praise or question',
  quote: 'The customer’s own words',
  dealId: 'The deal’s CRM ID (or its Tandem ID)',
  account: 'An account already in Tandem, by name or CRM ID',
  competitor: 'The competitor it is about',
  date: 'When it was heard, e.g. 2026-03-14 or 3/14/2026; otherwise today',
  submitter: 'Email or name of the member who heard it; otherwise you',
  source: 'Call, email, meeting or CRM note; otherwise “Import”',
};

/** Each field takes one column: giving it to a column takes it from any other. */
export function assign(mapping: FeedbackImportMapping, column: string, field: FeedbackImportField | null): FeedbackImportMapping {
  const next: FeedbackImportMapping = {};
  for (const [c, f] of Object.entries(mapping)) if (c !== column && f !== field) next[c] = f;
  if (field) next[column] = field;
  return next;
}

