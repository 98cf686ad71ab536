/**
 * The database-free half of a feedback import: which column feeds which field, and each
 * row's own cells read (text, kind, quote, competitor, source, date) with the errors a
 * user can fix in the file. Deals, accounts and submitters are resolved by the service.
 */
import {
  FEEDBACK_KIND_LABELS,
  FEEDBACK_KINDS,
  FEEDBACK_SOURCE_LABELS,
  FEEDBACK_SOURCES,
  type FeedbackImportField,
  type FeedbackImportMapping,
  type FeedbackKind,
  type FeedbackSource,
} from '@tandem/contracts';
import { openCsv } from '../../../lib/tabular/csv-source.ts';
import { DateFormatDetector, parseDate, type DateResult } from '../../../lib/tabular/dates.ts';
import { headerWords } from '../../../lib/tabular/record.ts';
import { ImportFileError } from '../../../lib/tabular/tabular.errors.ts';
import { FeedbackErrors as E } from '../feedback.errors.ts';

export const IMPORT_MAX_ROWS = 50_000;
export const PREVIEW_ROWS = 10;
const MAX_TEXT = 4000;
const MAX_COMPETITOR = 120;
/** A date further ahead than this is a typo (or the other day/month order), not when a customer said something. */
const FUTURE_SLACK_MS = 86_400_000;

const words = headerWords;
/** Also without spaces, so "PainPoint" and "pain point" meet. */
const squash = (s: string) => words(s).replace(/ /g, '');

const HEADER_HINTS: [FeedbackImportField, string[]][] = [
  ['text', ['text', 'note', 'notes', 'body', 'comment', 'comments', 'summary', 'feedback', 'call notes', 'description']],
  ['kind', ['kind', 'type', 'category', 'feedback type']],
  ['quote', ['quote', 'verbatim', 'customer quote']],
  ['dealId', ['deal id', 'opportunity id', 'deal', 'opportunity']],
  ['account', ['account', 'company', 'account name', 'company name', 'customer', 'account id']],
  ['competitor', ['competitor', 'competitors']],
  ['date', ['date', 'created', 'created at', 'created date', 'call date', 'timestamp']],
  ['submitter', ['submitter', 'rep', 'owner', 'email', 'author', 'submitted by']],
  ['source', ['source', 'channel']],
];
const HEADER_FIELD = new Map(HEADER_HINTS.flatMap(([field, names]) => names.map((n) => [n, field] as const)));

/** Header → field for the headers a call-note export commonly has; each field goes to its first column. */
export function suggestMapping(headers: readonly string[]): FeedbackImportMapping {
  const taken = new Set<FeedbackImportField>();
  const mapping: FeedbackImportMapping = {};
  for (const h of headers) {
    const field = HEADER_FIELD.get(words(h));
    if (!field || taken.has(field)) continue;
    taken.add(field);
    mapping[h] = field;
  }
  return mapping;
}

export type Columns = Partial<Record<FeedbackImportField, string>>;

/** The file's column for each mapped field: every key a real column, one column per field, exactly one for text. */
export function resolveMapping(mapping: FeedbackImportMapping, headers: readonly string[]): Columns {
  const byLower = new Map(headers.map((h) => [h.toLowerCase(), h]));
  const unknown: string[] = [];
  const byField = new Map<FeedbackImportField, string[]>();
  for (const [key, field] of Object.entries(mapping)) {
    const header = headers.includes(key) ? key : byLower.get(key.trim().toLowerCase());
    if (!header) unknown.push(key);
    else byField.set(field, [...(byField.get(field) ?? []), header]);
  }
  if (unknown.length) throw E.importUnknownColumns(unknown, headers);
  const text = byField.get('text') ?? [];
  if (text.length !== 1) throw E.importTextColumn(text);
  const columns: Columns = {};
  for (const [field, cols] of byField) {
    if (cols.length > 1) throw E.importDuplicateField(field, cols);
    columns[field] = cols[0];
  }
  return columns;
}

const KIND_WORDS = new Map<string, FeedbackKind>();
for (const k of FEEDBACK_KINDS) KIND_WORDS.set(squash(k), k).set(squash(FEEDBACK_KIND_LABELS[k]), k);
for (const [word, k] of [
  ['pain', 'pain_point'],
  ['problem', 'pain_point'],
  ['feature', 'feature_request'],
  ['request', 'feature_request'],
  ['enhancement', 'feature_request'],
  ['product gap', 'feature_request'],
  ['competitor', 'competitor_intel'],
  ['competition', 'competitor_intel'],
  ['competitive', 'competitor_intel'],
  ['competitive intel', 'competitor_intel'],
  ['win', 'win_reason'],
  ['won', 'win_reason'],
  ['why we won', 'win_reason'],
  ['loss', 'loss_reason'],
  ['lost', 'loss_reason'],
  ['lost reason', 'loss_reason'],
  ['why we lost', 'loss_reason'],
  ['compliment', 'praise'],
] as const) {
  KIND_WORDS.set(squash(word), k);
}
const KIND_LIST = FEEDBACK_KINDS.map((k) => FEEDBACK_KIND_LABELS[k].toLowerCase()).join(', ');

/** A kind from its key, its label or a common word for it, in any case, singular or plural. */
export function parseKind(raw: string): FeedbackKind | undefined {
  const s = squash(raw);
  return KIND_WORDS.get(s) ?? (s.endsWith('s') ? KIND_WORDS.get(s.slice(0, -1)) : undefined);
}

const SOURCE_WORDS = new Map<string, FeedbackSource>(FEEDBACK_SOURCES.flatMap((s) => [[squash(s), s] as const, [squash(FEEDBACK_SOURCE_LABELS[s]), s] as const]));
export const parseSource = (raw: string): FeedbackSource | undefined => SOURCE_WORDS.get(squash(raw));

/** One data row after its own cells were read; `errors` empty when they are fine. */
export interface Candidate {
  line: number;
  errors: string[];
  text: string;
  kind: FeedbackKind;
  quote: string | null;
  competitor: string | null;
  source: FeedbackSource;
  dealRef: string;
  accountRef: string;
  submitterRef: string;
  date: string;
}

const cellError = (column: string, message: string) => `column "${column}": ${message}`;
const n = (x: number) => x.toLocaleString('en-US');

function readCandidate(line: number, values: Readonly<Record<string, string>>, columns: Columns, defaultKind: FeedbackKind): Candidate {
  const errors: string[] = [];
  const cell = (field: FeedbackImportField) => {
    const column = columns[field];
    return column === undefined ? '' : (values[column] ?? '').trim();
  };
  const limited = (field: FeedbackImportField, max: number, required: boolean): string => {
    const value = cell(field);
    if (required && !value) errors.push(cellError(columns[field]!, 'empty; every row needs the feedback text'));
    if (value.length > max) {
      errors.push(cellError(columns[field]!, `${n(value.length)} characters; at most ${n(max)}`));
      return '';
    }
    return value;
  };
  const text = limited('text', MAX_TEXT, true);
  const quote = limited('quote', MAX_TEXT, false);
  const competitor = limited('competitor', MAX_COMPETITOR, false);
  const kindCell = cell('kind');
  let kind = defaultKind;
  if (kindCell) {
    const parsed = parseKind(kindCell);
    if (parsed) kind = parsed;
    else errors.push(cellError(columns.kind!, `"${kindCell}" is not a kind (${KIND_LIST})`));
  }
  return {
    line,
    errors,
    text,
    kind,
    quote: quote || null,
    competitor: competitor || null,
    source: parseSource(cell('source')) ?? 'import',
    dealRef: cell('dealId'),
    accountRef: cell('account'),
    submitterRef: cell('submitter'),
    date: cell('date'),
  };
}

const fileError = (e: unknown) => (e instanceof ImportFileError ? E.importFile(e) : e);

/** The CSV reader shared with the deals import: BOM, `,` `;` or tab delimiters, physical line numbers. */
async function open(stream: AsyncIterable<Buffer>) {
  try {
    return await openCsv(stream);
  } catch (e) {
    throw fileError(e);
  }
}

/** Records of the file, refusing it past the row cap; file-level problems become feedback import errors. */
async function* records(source: Awaited<ReturnType<typeof openCsv>>) {
  let count = 0;
  try {
    for await (const record of source.records) {
      if (++count > IMPORT_MAX_ROWS) throw E.importTooManyRows(IMPORT_MAX_ROWS);
      yield record;
    }
  } catch (e) {
    throw fileError(e);
  } finally {
    await source.close();
  }
}

/** Headers, a suggested mapping, the first rows as they are and how many rows the file has. */
export async function previewFile(stream: AsyncIterable<Buffer>) {
  const source = await open(stream);
  const rows: Record<string, string>[] = [];
  let totalRows = 0;
  for await (const record of records(source)) {
    if (rows.length < PREVIEW_ROWS) rows.push({ ...record.values });
    totalRows++;
  }
  return { columns: [...source.headers], mapping: suggestMapping(source.headers), rows, totalRows };
}

/** Every row of the file read against the mapping, and a reader for their dates that knows the file's day/month order. */
export async function readFile(stream: AsyncIterable<Buffer>, mapping: FeedbackImportMapping, defaultKind: FeedbackKind) {
  const source = await open(stream);
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
    const candidate = readCandidate(record.line, record.values, columns, defaultKind);
    if (record.problem) candidate.errors.unshift(record.problem.message.replace(/^The/, 'the'));
    if (candidate.date) detector.add(candidate.date, record.line, columns.date!);
    candidates.push(candidate);
  }
  return { columns, candidates, dates: dateReader(detector, columns.date ?? 'date') };
}

/**
 * Dates as the deals import reads them (ISO dates and timestamps, "31 Dec 2025", "12/31/2025"), with the file's
 * day/month order decided by all of its dates. A file whose order cannot be told does not stop here: only its
 * dates that read differently both ways are refused, on their rows. A date without a time is taken at noon UTC
 * (the same calendar day in every zone from UTC−11 to UTC+11); a time without a zone as UTC.
 */
function dateReader(detector: DateFormatDetector, column: string) {
  const verdict = detector.verdict();
  const read = (raw: string): DateResult => {
    if (verdict.ok) return parseDate(raw, verdict.format);
    const mdy = parseDate(raw, 'MDY');
    const dmy = parseDate(raw, 'DMY');
    if (mdy.kind === 'date' && dmy.kind === 'date' && mdy.date !== dmy.date) {
      return { kind: 'error', message: `"${raw}" reads as ${mdy.date} or ${dmy.date}, and this file's other dates do not tell which; write it as YYYY-MM-DD` };
    }
    return mdy.kind === 'date' ? mdy : dmy;
  };
  return (raw: string, now: Date): { at: Date } | { error: string } => {
    const r = read(raw);
    if (r.kind !== 'date') return { error: cellError(column, r.kind === 'error' ? r.message : 'empty') };
    const ts = r.timestamp;
    const at = new Date(ts ? (/(Z|[+-]\d{2}:\d{2})$/.test(ts) ? ts : `${ts}Z`) : `${r.date}T12:00:00Z`);
    if (Number.isNaN(at.getTime())) return { error: cellError(column, `"${raw}" is not a date`) };
    if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) return { error: cellError(column, `"${raw}" is in the future`) };
    return { at };
  };
}
export type DateReader = ReturnType<typeof dateReader>;
