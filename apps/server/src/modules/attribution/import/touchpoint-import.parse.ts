/**
 * The database-free half of a touchpoint import: which preset the headers look like (Salesforce Campaign Member,
 * Salesforce Campaign Influence, HubSpot activity with UTM fields, else a hand mapping), which column feeds which
 * field, and each row's own cells read. Deals are matched by the service. The file is read by the CSV reader the
 * deals and feedback imports use (lib/tabular): BOM, `,` `;` or tab, physical line numbers, Salesforce report footers.
 */
import {
  TOUCHPOINT_IMPORT_FIELD_LABELS,
  TOUCHPOINT_IMPORT_REQUIRED,
  type TouchpointImportField,
  type TouchpointImportMapping,
  type TouchpointImportPreset,
  type TouchpointKind,
  type TouchpointTeam,
} from '@tandem/contracts';
import { openCsv } from '../../../lib/tabular/csv-source.ts';
import { DateFormatDetector, parseDate } from '../../../lib/tabular/dates.ts';
import { headerWords, type RawRecord } from '../../../lib/tabular/record.ts';
import { AttributionErrors as E } from '../attribution.errors.ts';

export const IMPORT_MAX_ROWS = 100_000;
export const PREVIEW_ROWS = 10;
const MAX_ID = 200;
const MAX_CAMPAIGN = 300;

const words = headerWords;

interface PresetDef {
  source: string;
  /** Headers (in `words` form) that tell this export apart; all must be present. */
  marks: string[];
  /** Field → header variants, most specific first; `externalId` lists every column of a composite id. */
  fields: Partial<Record<TouchpointImportField, string[]>>;
  /** Columns joined into the touchpoint id, in order (each present one). */
  idParts?: string[];
}

/**
 * Headers as the products export them: a Salesforce report keeps field labels ("Campaign Member ID",
 * "First Responded Date", "Opportunity ID"); a Campaign Influence report has no row id, so campaign, opportunity
 * and contact make one; a HubSpot export keeps property labels, and UTM properties usually keep their API names.
 */
const PRESETS: Record<Exclude<TouchpointImportPreset, 'csv'>, PresetDef> = {
  salesforce_campaign_influence: {
    source: 'salesforce',
    marks: ['campaign name', 'opportunity name', 'influence'],
    fields: {
      deal: ['opportunity id', 'opportunity name'],
      occurredAt: ['campaign member first responded date', 'first responded date', 'campaign member created date', 'touchpoint date', 'created date'],
      kind: ['campaign type', 'type'],
      campaign: ['campaign name'],
    },
    // With the deal's cell added (a composite id always carries it): one campaign's influence on one opportunity through one contact.
    idParts: ['campaign id', 'contact id'],
  },
  salesforce_campaign_member: {
    source: 'salesforce',
    marks: ['campaign member id', 'campaign name'],
    fields: {
      externalId: ['campaign member id'],
      deal: ['opportunity id', 'opportunity name'],
      occurredAt: ['first responded date', 'member first responded date', 'created date'],
      kind: ['campaign type', 'type'],
      campaign: ['campaign name'],
    },
  },
  hubspot_utm: {
    source: 'hubspot',
    marks: ['utm source', 'utm medium'],
    fields: {
      externalId: ['activity id', 'engagement id'],
      deal: ['associated deal ids', 'associated deal id', 'deal id', 'associated deal', 'associated deals', 'deal name'],
      occurredAt: ['activity date', 'timestamp', 'create date', 'created at'],
      utmSource: ['utm source'],
      utmMedium: ['utm medium'],
      utmCampaign: ['utm campaign'],
      kind: ['activity type'],
    },
  },
};

/** Hints for a file of no known shape. */
const GENERIC: Partial<Record<TouchpointImportField, string[]>> = {
  externalId: ['touchpoint id', 'external id', 'id'],
  deal: ['deal id', 'opportunity id', 'deal', 'opportunity', 'deal name', 'opportunity name'],
  occurredAt: ['occurred at', 'date', 'timestamp', 'touch date', 'activity date'],
  team: ['team'],
  kind: ['kind', 'type', 'touchpoint type'],
  campaign: ['campaign', 'campaign name'],
  utmSource: ['utm source'],
  utmMedium: ['utm medium'],
  utmCampaign: ['utm campaign'],
};

/** The preset the headers look like; `csv` when none fits. */
export function detectPreset(headers: readonly string[]): TouchpointImportPreset {
  const have = new Set(headers.map(words));
  for (const [name, def] of Object.entries(PRESETS)) if (def.marks.every((m) => have.has(m))) return name as TouchpointImportPreset;
  return 'csv';
}

export const sourceOf = (preset: TouchpointImportPreset) => (preset === 'csv' ? 'csv' : PRESETS[preset].source);

/** The suggested mapping for a preset: each field's first present header (and every part of a composite id). */
export function suggestMapping(preset: TouchpointImportPreset, headers: readonly string[]): TouchpointImportMapping {
  const byWords = new Map(headers.map((h) => [words(h), h]));
  const fields = preset === 'csv' ? GENERIC : PRESETS[preset].fields;
  const mapping: TouchpointImportMapping = {};
  for (const [field, variants] of Object.entries(fields) as [TouchpointImportField, string[]][]) {
    const header = variants.map((v) => byWords.get(v)).find((h) => h !== undefined && !(h in mapping));
    if (header) mapping[header] = field;
  }
  for (const p of preset === 'csv' ? [] : (PRESETS[preset].idParts ?? [])) {
    const header = byWords.get(p);
    if (header && !(header in mapping)) mapping[header] = 'externalId';
  }
  return mapping;
}

/** Field → column(s): every key a real column, the required fields present, one column per field but the id. */
export type Columns = { externalId: string[] } & Partial<Record<Exclude<TouchpointImportField, 'externalId'>, string>>;

export function resolveMapping(mapping: TouchpointImportMapping, headers: readonly string[]): Columns {
  const byLower = new Map(headers.map((h) => [h.toLowerCase(), h]));
  const unknown: string[] = [];
  const byField = new Map<TouchpointImportField, string[]>();
  for (const [key, field] of Object.entries(mapping)) {
    const header = headers.includes(key) ? key : byLower.get(key.trim().toLowerCase());
    if (!header) unknown.push(key);
    else byField.set(field, [...(byField.get(field) ?? []), header]);
  }
  if (unknown.length) throw E.invalidField('mapping', `no column ${unknown.map((u) => `"${u}"`).join(', ')} in the file (its columns: ${headers.join(', ')})`);
  const missing = TOUCHPOINT_IMPORT_REQUIRED.filter((f) => !byField.has(f));
  if (missing.length) throw E.invalidField('mapping', `choose a column for ${missing.map((f) => TOUCHPOINT_IMPORT_FIELD_LABELS[f]).join(', ')}`);
  const columns: Columns = { externalId: byField.get('externalId')! };
  for (const [field, cols] of byField) {
    if (field === 'externalId') continue;
    if (cols.length > 1) throw E.invalidField(`mapping`, `${TOUCHPOINT_IMPORT_FIELD_LABELS[field]} is chosen for ${cols.length} columns (${cols.join(', ')}); keep one`);
    columns[field] = cols[0];
  }
  return columns;
}

const TEAM_WORDS = new Map<string, TouchpointTeam>([
  ['marketing', 'marketing'],
  ['mktg', 'marketing'],
  ['demand gen', 'marketing'],
  ['sales', 'sales'],
  ['sdr', 'sales'],
  ['bdr', 'sales'],
  ['partner', 'partner'],
  ['partners', 'partner'],
  ['channel', 'partner'],
]);

/** Campaign types (Salesforce's picklist), HubSpot activity types and UTM media → kinds; anything else is "other". */
const KIND_WORDS = new Map<string, TouchpointKind>([
  ['webinar', 'webinar'],
  ['webinars', 'webinar'],
  ['demo', 'demo'],
  ['meeting', 'meeting'],
  ['meetings', 'meeting'],
  ['call', 'meeting'],
  ['proposal', 'proposal'],
  ['email', 'campaign_response'],
  ['marketing email', 'campaign_response'],
  ['advertisement', 'campaign_response'],
  ['banner ads', 'campaign_response'],
  ['direct mail', 'campaign_response'],
  ['telemarketing', 'campaign_response'],
  ['conference', 'campaign_response'],
  ['trade show', 'campaign_response'],
  ['seminar', 'campaign_response'],
  ['event', 'campaign_response'],
  ['form submission', 'campaign_response'],
  ['cpc', 'campaign_response'],
  ['paid', 'campaign_response'],
  ['paid social', 'campaign_response'],
  ['social', 'campaign_response'],
  ['organic', 'campaign_response'],
  ['referral', 'campaign_response'],
  ['campaign response', 'campaign_response'],
  ['content', 'content_shared'],
  ['content shared', 'content_shared'],
  ['other', 'other'],
]);
for (const k of ['campaign_response', 'webinar', 'content_shared', 'pmm_deal_support', 'demo', 'meeting', 'proposal', 'other'] as const) KIND_WORDS.set(words(k), k);

/** One data row after its own cells were read; `errors` empty when they are fine. */
export interface Candidate {
  line: number;
  errors: RowProblem[];
  externalId: string;
  dealRef: string;
  date: string;
  team: TouchpointTeam;
  kind: TouchpointKind;
  campaign: string | null;
}

export interface RowProblem {
  column: string | null;
  value: string | null;
  message: string;
}

function readCandidate(record: RawRecord, columns: Columns, preset: TouchpointImportPreset): Candidate {
  const errors: RowProblem[] = [];
  if (record.problem) errors.push({ column: record.problem.column, value: record.problem.value, message: record.problem.message });
  const cell = (column: string | undefined) => (column === undefined ? '' : (record.values[column] ?? '').trim());
  const dealRef = cell(columns.deal);
  const parts = columns.externalId.map((c) => cell(c));
  // A composite id (several columns, e.g. campaign and contact) carries the deal's cell too: one member's rows on two deals are two touchpoints.
  if (parts.length > 1 && !columns.externalId.includes(columns.deal!)) parts.push(dealRef);
  const externalId = parts.every(Boolean) ? parts.join(':') : '';
  const idColumn = columns.externalId.join(' + ');
  if (!externalId) errors.push({ column: idColumn, value: '', message: 'empty: every row needs its id in the source, so a second import updates it instead of adding it again' });
  else if (externalId.length > MAX_ID) errors.push({ column: idColumn, value: externalId, message: `${externalId.length} characters; at most ${MAX_ID}` });
  if (!dealRef) errors.push({ column: columns.deal!, value: '', message: 'empty: every row names its deal (id or name)' });
  const date = cell(columns.occurredAt);
  if (!date) errors.push({ column: columns.occurredAt!, value: '', message: 'empty: every touchpoint has a date' });

  let team: TouchpointTeam = 'marketing';
  const teamCell = cell(columns.team);
  if (teamCell) {
    const t = TEAM_WORDS.get(words(teamCell));
    if (t) team = t;
    else errors.push({ column: columns.team!, value: teamCell, message: 'not a team: marketing, sales or partner' });
  }
  const utm = { source: cell(columns.utmSource), medium: cell(columns.utmMedium), campaign: cell(columns.utmCampaign) };
  const kindCell = cell(columns.kind) || utm.medium;
  const kind = (kindCell && KIND_WORDS.get(words(kindCell))) || (preset === 'csv' ? 'other' : 'campaign_response');
  let campaign = cell(columns.campaign) || utm.campaign || [utm.source, utm.medium].filter(Boolean).join(' / ');
  if (campaign.length > MAX_CAMPAIGN) campaign = campaign.slice(0, MAX_CAMPAIGN);
  return { line: record.line, errors, externalId, dealRef, date, team, kind, campaign: campaign || null };
}

type Source = Awaited<ReturnType<typeof openCsv>>;

/** Records of the file, refusing it past the row cap. */
async function* records(source: Source) {
  let count = 0;
  try {
    for await (const record of source.records) {
      if (++count > IMPORT_MAX_ROWS) throw E.importTooManyRows(IMPORT_MAX_ROWS);
      yield record;
    }
  } finally {
    await source.close();
  }
}

/** Headers, the preset they look like with its mapping, the first rows as they are and how many rows the file has. */
export async function previewFile(stream: AsyncIterable<Buffer>) {
  const source = await openCsv(stream);
  const rows: Record<string, string>[] = [];
  let totalRows = 0;
  for await (const record of records(source)) {
    if (rows.length < PREVIEW_ROWS) rows.push({ ...record.values });
    totalRows++;
  }
  const preset = detectPreset(source.headers);
  return { columns: [...source.headers], preset, source: sourceOf(preset), mapping: suggestMapping(preset, source.headers), rows, totalRows };
}

/** Every row read against the mapping, and a reader for their dates that knows the file's day/month order. */
export async function readFile(stream: AsyncIterable<Buffer>, mapping: TouchpointImportMapping, preset: TouchpointImportPreset) {
  const source = await openCsv(stream);
  let columns: Columns;
  try {
    columns = resolveMapping(mapping, source.headers);
  } catch (e) {
    await source.close();
    throw e;
  }
  const detector = new DateFormatDetector();
  const candidates: Candidate[] = [];
  for await (const record of records(source)) {
    const c = readCandidate(record, columns, preset);
    if (c.date) detector.add(c.date, record.line, columns.occurredAt!);
    candidates.push(c);
  }
  return { columns, candidates, readDate: dateReader(detector) };
}

/**
 * Dates read as the deals import reads them, the day/month order decided by all of the file's dates. A file whose
 * order cannot be told refuses only its dates that read differently both ways. A date without a time is taken at
 * noon UTC (the same calendar day from UTC−11 to UTC+11); a time without a zone as UTC.
 */
function dateReader(detector: DateFormatDetector) {
  const verdict = detector.verdict();
  return (raw: string): { at: Date } | { error: string } => {
    let r = verdict.ok ? parseDate(raw, verdict.format) : parseDate(raw, 'MDY');
    if (!verdict.ok) {
      const dmy = parseDate(raw, 'DMY');
      if (r.kind === 'date' && dmy.kind === 'date' && r.date !== dmy.date) return { error: `reads as ${r.date} or ${dmy.date}, and this file's other dates do not tell which; write it as YYYY-MM-DD` };
      if (r.kind !== 'date') r = dmy;
    }
    if (r.kind !== 'date') return { error: r.kind === 'error' ? r.message : 'not a date' };
    const ts = r.timestamp;
    const at = new Date(ts ? (/(Z|[+-]\d{2}:?\d{2})$/.test(ts) ? ts : `${ts}Z`) : `${r.date}T12:00:00Z`);
    if (Number.isNaN(at.getTime())) return { error: 'not a date' };
    return { at };
  };
}
export type DateReader = ReturnType<typeof dateReader>;
