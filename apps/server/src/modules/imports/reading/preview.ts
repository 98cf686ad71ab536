/**
 * What the Import page shows before an import starts: the detected format, each
 * column and the field it fills, and the first rows with their validation
 * errors — decided from the first rows only, so it stays quick on large files.
 */
import type { ImportMapping, ImportPreview } from '@tandem/contracts';
import { AppError } from '../../../lib/app-error.ts';
import type { DateFormat } from '../../../lib/tabular/dates.ts';
import type { RawRecord } from '../../../lib/tabular/record.ts';
import type { StageTable } from '../../deals/index.ts';
import { FileScanner } from './file-decisions.ts';
import type { ImportFormat } from './formats.ts';
import type { MappingFile } from './mapping-file.ts';
import { normalizeRecord } from './normalize.ts';
import { columnsFor, detectFormat, openRecords, type ImportFile } from './open-records.ts';

const SAMPLE_ROWS = 5000;
const SHOWN_ROWS = 20;
const REASONS = 5;

export interface PreviewParams {
  file: ImportFile;
  format?: ImportFormat;
  source?: string;
  mapping?: MappingFile;
  /** The mapping as edited, shown even when it is not complete yet. */
  draft?: ImportMapping;
  /** Why the draft is not a valid mapping. */
  problem?: string;
  dateFormat?: DateFormat;
  baseCurrency: string;
  workspaceStages?: StageTable;
}

const problemOf = (e: unknown) => (e instanceof AppError ? (e.detail ?? e.title) : String(e));

export async function previewDeals(p: PreviewParams): Promise<ImportPreview> {
  const source = await openRecords(p.file);
  const sample: RawRecord[] = [];
  let wholeFile = true;
  try {
    for await (const r of source.records) {
      if (sample.length >= SAMPLE_ROWS) {
        wholeFile = false;
        break;
      }
      sample.push(r);
    }
  } catch (e) {
    // A file-level problem after the header (no rows, a broken quote): shown, with what could be read.
    // A file refused for what it unpacks to (413, 422) is refused whatever was read before.
    if (!sample.length || (e instanceof AppError && e.status !== 400)) throw e;
  } finally {
    await source.close();
  }
  const detectedFormat = detectFormat(source.headers);
  const format = p.format ?? (p.mapping || p.draft ? 'csv' : (detectedFormat ?? 'csv'));
  const base = {
    format,
    detectedFormat,
    source: p.source ?? format,
    headers: [...source.headers],
    mapping: p.mapping ?? p.draft ?? null,
    dateFormat: null,
    check: null,
  };
  const shown = (errorsOf: (r: RawRecord) => { errors: ImportPreview['rows'][number]['errors']; warnings: ImportPreview['rows'][number]['warnings'] }) =>
    sample.slice(0, SHOWN_ROWS).map((r) => ({ line: r.line, cells: { ...r.values }, ...errorsOf(r) }));

  let columns;
  try {
    columns = columnsFor(source.headers, format, format === 'csv' ? p.mapping : undefined);
  } catch (e) {
    const fields: Record<string, string | undefined> = { ...(p.draft?.fields ?? p.mapping?.fields) };
    const fieldFor = (header: string) => Object.entries(fields).find(([, h]) => h === header)?.[0] ?? null;
    return {
      ...base,
      columns: source.headers.map((header) => ({ header, field: fieldFor(header) })),
      missingFields: format === 'csv' ? ['externalId', 'stage'].filter((f) => !fields[f]) : [],
      rows: shown(() => ({ errors: [], warnings: [] })),
      problem: p.problem ?? problemOf(e),
    };
  }
  const fieldOf = new Map<string, string>();
  for (const [field, headers] of Object.entries(columns.fields)) for (const h of headers ?? []) if (!fieldOf.has(h)) fieldOf.set(h, field);
  const scanner = new FileScanner(columns, { dateFormat: p.dateFormat, mapping: p.mapping, baseCurrency: p.baseCurrency, workspaceStages: p.workspaceStages });
  for (const r of sample) scanner.add(r);
  let decisions;
  try {
    decisions = scanner.decide();
  } catch (e) {
    return {
      ...base,
      columns: source.headers.map((header) => ({ header, field: fieldOf.get(header) ?? null })),
      missingFields: [],
      rows: shown(() => ({ errors: [], warnings: [] })),
      problem: problemOf(e),
    };
  }
  return {
    ...base,
    columns: source.headers.map((header) => ({ header, field: fieldOf.get(header) ?? null })),
    missingFields: [],
    dateFormat: decisions.dateFormat,
    rows: shown((r) => {
      const n = normalizeRecord(r, decisions);
      return { errors: n.ok ? [] : n.errors, warnings: n.warnings };
    }),
    problem: null,
    check: {
      wholeFile,
      ...checkRows(sample, (r) => {
        const n = normalizeRecord(r, decisions);
        return n.ok ? [] : n.errors;
      }),
    },
  };
}

type RowErrors = ImportPreview['rows'][number]['errors'];

/**
 * Every sampled row checked as the import would: how many it would skip, and why, grouped by
 * column and kind of problem (the message without its values), most frequent first.
 */
function checkRows(sample: readonly RawRecord[], errorsOf: (r: RawRecord) => RowErrors) {
  let invalid = 0;
  const reasons = new Map<string, { column: string; message: string; count: number }>();
  for (const r of sample) {
    const errors = errorsOf(r);
    if (!errors.length) continue;
    invalid++;
    const seen = new Set<string>();
    for (const e of errors) {
      const key = `${e.column}\u0000${e.message.replace(/"[^"]*"/g, '""').replace(/\d+/g, '#')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const reason = reasons.get(key);
      if (reason) reason.count++;
      else reasons.set(key, { column: e.column, message: e.message, count: 1 });
    }
  }
  const top = [...reasons.values()].sort((a, b) => b.count - a.count).slice(0, REASONS);
  return { rows: sample.length, invalid, reasons: top };
}
