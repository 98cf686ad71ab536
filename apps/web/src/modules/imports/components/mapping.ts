/**
 * The column mapping of a generic CSV as the Import page edits it: one column per
 * field, a column fills at most one field. Names (headers, stages) are compared the way the server
 * compares them (case, spacing and punctuation ignored).
 */
import type { ImportMapping, ImportPreview } from '@tandem/contracts';
import type { MappingShape } from '../../../app/kit/index.ts';
import { DEAL_FIELDS, type DealField } from './import-fields.ts';

export const nameKey = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Column names that plainly mean a field, most specific first. Only exact (normalized) matches count. */
const NAMES: Record<DealField, string[]> = {
  externalId: ['Deal ID', 'Opportunity ID', 'Record ID', 'External ID', 'ID'],
  name: ['Deal Name', 'Opportunity Name', 'Deal', 'Opportunity', 'Name', 'Title'],
  account: ['Account Name', 'Account', 'Company Name', 'Company', 'Customer', 'Client'],
  amount: ['Amount', 'Deal Amount', 'Deal Value', 'Value', 'ACV', 'ARR'],
  currency: ['Currency', 'Currency Code', 'Amount Currency'],
  stage: ['Stage', 'Deal Stage', 'Stage Name', 'Pipeline Stage', 'Phase', 'Status'],
  closeDate: ['Close Date', 'Closed Date', 'Expected Close Date', 'Close'],
  createdDate: ['Created Date', 'Create Date', 'Created', 'Created At'],
  owner: ['Owner', 'Deal Owner', 'Opportunity Owner', 'Sales Rep', 'Rep'],
  product: ['Products', 'Product', 'Product Name'],
  type: ['Type', 'Deal Type', 'Opportunity Type'],
  leadSource: ['Lead Source'],
  competitor: ['Competitors', 'Competitor', 'Main Competitor'],
  reason: ['Win/Loss Reason', 'Loss Reason', 'Closed Lost Reason', 'Reason'],
  probability: ['Probability (%)', 'Probability', 'Win Probability'],
};

/** A first mapping from the column names alone; the person checks it before starting. */
export function suggestMapping(headers: readonly string[]): ImportMapping {
  const byKey = new Map(headers.map((h) => [nameKey(h), h]));
  const taken = new Set<string>();
  const fields: Record<string, string> = {};
  for (const field of DEAL_FIELDS) {
    const header = NAMES[field].map((n) => byKey.get(nameKey(n))).find((h) => h !== undefined && !taken.has(h));
    if (header) {
      fields[field] = header;
      taken.add(header);
    }
  }
  return { fields };
}

/** Switching a recognised file to "Other CSV" starts from what the server recognised. */
export function mappingFromColumns(columns: ImportPreview['columns']): ImportMapping {
  const fields: Record<string, string> = {};
  for (const c of columns) if (c.field && !fields[c.field]) fields[c.field] = c.header;
  return { fields };
}

/** The field a column fills under a mapping, or null (kept as a custom field). */
export function fieldOf(mapping: ImportMapping, header: string): string | null {
  return Object.entries(mapping.fields).find(([, h]) => h === header)?.[0] ?? null;
}

/** Points `field` at `header` (or nothing): a column fills one field, a field has one column. */
export function assignColumn(mapping: ImportMapping, header: string, field: string | null): ImportMapping {
  const fields = Object.fromEntries(Object.entries(mapping.fields).filter(([f, h]) => h !== header && f !== field));
  if (field) fields[field] = header;
  return { ...mapping, fields };
}

/** Other CSV's mapping (field → column) as the column mapping edits it. */
export const dealMappingShape: MappingShape<ImportMapping, DealField> = { fieldOf, assign: assignColumn };

/** A Salesforce or HubSpot file's columns as the server matched them (several may fill one field): shown, not edited. */
export const recognisedColumnsShape: MappingShape<ImportPreview['columns']> = {
  fieldOf: (columns, header) => columns.find((c) => c.header === header)?.field ?? null,
};

/** What this file's mapping says a stage means, if anything (stage names compare like headers). */
export function stageChoice(mapping: ImportMapping, stage: string): 'open' | 'won' | 'lost' | null {
  const key = nameKey(stage);
  return Object.entries(mapping.stages ?? {}).find(([s]) => nameKey(s) === key)?.[1] ?? null;
}

/** Sets what a stage of the file means for this file, or clears it (the workspace's stage mapping applies). */
export function assignStage(mapping: ImportMapping, stage: string, category: 'open' | 'won' | 'lost' | null): ImportMapping {
  const key = nameKey(stage);
  const stages = Object.fromEntries(Object.entries(mapping.stages ?? {}).filter(([s]) => nameKey(s) !== key));
  if (category) stages[stage] = category;
  const { stages: _old, ...rest } = mapping;
  return Object.keys(stages).length ? { ...rest, stages } : rest;
}
