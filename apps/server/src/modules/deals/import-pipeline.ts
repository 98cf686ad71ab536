/**
 * One deals import from file to database: open the file (CSV or XLSX), resolve
 * its columns, decide the file-wide questions from a sample, normalize each row
 * and COPY it into a staging table as it is read (again, if the whole file
 * decides otherwise than its sample), and the set-based merge — all of the writing in one transaction, so an import commits whole or
 * not at all (a killed process leaves the database as it was).
 */
import type { Database, Tx } from '../../db/database.ts';
import { FileScanner } from './import/file-decisions.ts';
import { IMPORT_FORMATS, type ColumnMap, type ImportFormat, resolveColumns } from './import/formats.ts';
import { openCsv } from '../../lib/tabular/csv-source.ts';
import { type RowError, ImportFileError } from '../../lib/tabular/tabular.errors.ts';
import type { DealInput } from './import/deal-input.ts';
import type { MappingFile } from './import/mapping-file.ts';
import { normalizeRecord, type FileDecisions } from './import/normalize.ts';
import type { RawRecord, RecordSource } from '../../lib/tabular/record.ts';
import { normalizeSalesforceId } from '../../lib/tabular/salesforce-id.ts';
import type { StageTable } from './import/stages.ts';
import type { DateFormat } from '../../lib/tabular/dates.ts';
import { DEAL_STAGING_COLUMNS, copyLines, encodeDeal, encodeRejected } from './import-staging.ts';
import { importsRepository, type MergeContext } from './imports.repository.ts';

export const MAX_LISTED_ERRORS = 1000;

/** A file to read, as many times as the import needs. */
export interface ImportFile {
  name: string;
  size: number;
  open(): AsyncIterable<Buffer>;
}

export interface ImportProgressReport {
  phase: 'scanning' | 'reading' | 'writing' | 'done';
  rows: number;
  totalRows: number | null;
}

export interface DealImportParams {
  workspaceId: string;
  importId: string;
  file: ImportFile;
  format?: ImportFormat;
  source?: string;
  mapping?: MappingFile;
  dateFormat?: DateFormat;
  full: boolean;
  dryRun: boolean;
  strict: boolean;
  baseCurrency: string;
  workspaceStages?: StageTable;
  onProgress?: (p: ImportProgressReport) => void;
  /** Runs inside the import's transaction after the merge, before commit (e.g. recording the outcome). */
  beforeCommit?: (tx: Tx, outcome: DealImportOutcome) => Promise<void>;
}

export interface DealImportOutcome {
  format: ImportFormat;
  source: string;
  /** The file's columns in order: the rejected-rows CSV repeats them. */
  headers: string[];
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
  invalid: number;
  warnings: number;
  unknownStages: { stage: string; count: number }[];
  errors: RowError[];
  errorsTruncated: boolean;
  warningList: RowError[];
}

/** Signals a dry run's rollback, carrying its outcome out of the transaction. */
class DryRunRollback extends Error {
  constructor(readonly outcome: DealImportOutcome) {
    super('dry run');
  }
}

const ZIP_MAGIC = Buffer.from('PK\u0003\u0004', 'latin1');

/** Opens the file as records: a workbook by its name or its ZIP signature, else CSV. */
export async function openRecords(file: ImportFile): Promise<RecordSource> {
  const it = file.open()[Symbol.asyncIterator]();
  const first = await it.next();
  const head = first.done ? Buffer.alloc(0) : first.value;
  const rest = (async function* () {
    try {
      if (!first.done) yield head;
      for (let n = await it.next(); !n.done; n = await it.next()) yield n.value;
    } finally {
      await it.return?.();
    }
  })();
  const looksXlsx = /\.xlsx$/i.test(file.name) || head.subarray(0, 4).equals(ZIP_MAGIC);
  if (!looksXlsx) return openCsv(rest);
  // exceljs is large: loaded only when a workbook arrives, not by every CLI command and server start.
  const { openXlsx } = await import('../../lib/tabular/xlsx-source.ts');
  return openXlsx(rest);
}

/** Which export the headers look like, when the caller named no format. */
export function detectFormat(headers: readonly string[]): ImportFormat | null {
  for (const format of ['salesforce', 'hubspot'] as const) {
    try {
      resolveColumns(format, headers);
      return format;
    } catch {
      // not this one
    }
  }
  return null;
}

export function columnsFor(headers: readonly string[], format: ImportFormat | undefined, mapping?: MappingFile): ColumnMap {
  const chosen = format ?? (mapping ? 'csv' : detectFormat(headers));
  if (!chosen) {
    throw new ImportFileError(
      'DEALS_IMPORT_FORMAT_UNKNOWN',
      'Format not recognized',
      `The columns are not those of a Salesforce report or a HubSpot deals export; map them (--format csv --map mapping.json). The file's columns are: ${headers.map((h) => `"${h}"`).join(', ')}.`,
    );
  }
  if (!IMPORT_FORMATS.includes(chosen)) throw new Error(`unknown format ${chosen}`);
  return resolveColumns(chosen, headers, mapping);
}

/** The id of a rejected row when it can still be read: so --full does not remove the deal it names. */
function rejectedId(record: RawRecord, columns: ColumnMap): string | undefined {
  const raw = columns.fields.externalId?.map((h) => record.values[h]?.trim()).find(Boolean);
  if (!raw || columns.format !== 'salesforce') return raw;
  const id = normalizeSalesforceId(raw);
  return id.ok ? id.id : raw;
}

/** Reports progress at most every 250 ms (and always at a phase's end). */
export function throttle(report?: (p: ImportProgressReport) => void) {
  let last = 0;
  return (p: ImportProgressReport, force = false) => {
    if (!report) return;
    const now = Date.now();
    if (force || now - last >= 250) {
      last = now;
      report(p);
    }
  };
}

/**
 * Records read before the file-wide decisions are first taken. On nearly every file they
 * already decide as the whole file does, and the import reads the file once.
 */
export const SAMPLE_ROWS = 2_000;

const sameDecisions = (a: FileDecisions, b: FileDecisions) =>
  a.dateFormat === b.dateFormat && a.decimal.kind === b.decimal.kind && a.decimal.separator === b.decimal.separator;

/** The file, counting the bytes read: with the file's size, how far a single read has got. */
function counted(file: ImportFile, onBytes: (n: number) => void): ImportFile {
  return {
    ...file,
    open: () =>
      (async function* () {
        for await (const chunk of file.open()) {
          onBytes(chunk.length);
          yield chunk;
        }
      })(),
  };
}

/**
 * A deals file: its rows normalized with decisions (date order, decimal separator) that only
 * the whole file can make. The first SAMPLE_ROWS rows make them provisionally; the rows are
 * then normalized and staged as they are read, while every row still counts towards the
 * decisions. If the whole file decides otherwise than its sample, or the sample cannot decide,
 * the file is read a second time with the final decisions — so every row is always read
 * under the decisions of the whole file, as a separate first pass would have it.
 */
export async function runDealImport(database: Database, params: DealImportParams): Promise<DealImportOutcome> {
  const progress = throttle(params.onProgress);
  let bytes = 0;
  const file = counted(params.file, (n) => (bytes += n));
  const source = await openRecords(file);
  const records = source.records[Symbol.asyncIterator]();
  const sample: RawRecord[] = [];
  let columns: ColumnMap;
  let scanner: FileScanner;
  let ended = false;
  try {
    columns = columnsFor(source.headers, params.format, params.mapping);
    scanner = new FileScanner(columns, {
      dateFormat: params.dateFormat,
      mapping: params.mapping,
      baseCurrency: params.baseCurrency,
      workspaceStages: params.workspaceStages,
    });
    while (sample.length < SAMPLE_ROWS) {
      const next = await records.next();
      if ((ended = Boolean(next.done))) break;
      scanner.add(next.value);
      sample.push(next.value);
      progress({ phase: 'scanning', rows: scanner.rows, totalRows: null });
    }
  } catch (e) {
    await source.close();
    throw e;
  }
  // A file within the sample is decided now, before anything is written (an ambiguous one is refused here).
  let decisions: FileDecisions | undefined;
  try {
    decisions = scanner.decide();
  } catch (e) {
    if (ended) throw e;
  }
  if (!decisions) progress({ phase: 'scanning', rows: scanner.rows, totalRows: null }, true);

  /** What the scanner has seen, then the rest of the file, still counted towards the decisions. */
  async function* readOn(): AsyncGenerator<RawRecord> {
    try {
      yield* sample.splice(0);
      for (let next = await records.next(); !next.done; next = await records.next()) {
        scanner.add(next.value);
        yield next.value;
      }
    } finally {
      await source.close();
    }
  }
  /** Rows so far and, while the file is read once, its total estimated from the bytes read. */
  const estimate = (rows: number) => (bytes > 0 && !ended ? Math.max(rows, Math.round((rows * params.file.size) / bytes)) : null);

  const stage = async (tx: Tx): Promise<StageStats> => {
    if (decisions) {
      const provisional = decisions;
      const stats = await stageRecords(tx, readOn(), provisional, (rows) => progress({ phase: 'reading', rows, totalRows: ended ? scanner.rows : estimate(rows) }));
      ended = true;
      decisions = scanner.decide();
      if (sameDecisions(decisions, provisional)) {
        decisions = provisional;
        return stats;
      }
      await importsRepository.clearStaging(tx);
    } else {
      for await (const _record of readOn()) progress({ phase: 'scanning', rows: scanner.rows, totalRows: null });
      decisions = scanner.decide();
    }
    // The second read, with the decisions of the whole file.
    const totalRows = scanner.rows;
    const again = await openRecords(params.file);
    progress({ phase: 'reading', rows: 0, totalRows }, true);
    const stats = await stageRecords(tx, again.records, decisions, (rows) => progress({ phase: 'reading', rows, totalRows }));
    // The file changed between the reads (it is being written to?): the decisions may not hold.
    if (stats.rows !== totalRows) {
      throw new ImportFileError(
        'DEALS_IMPORT_FILE_CHANGED',
        'The file changed',
        `The file changed while it was imported (${totalRows} rows, then ${stats.rows}); nothing was imported. Import it again.`,
      );
    }
    return stats;
  };

  try {
    return await mergeInTransaction(database, params, {
      format: columns.format,
      source: params.source ?? columns.format,
      idColumn: columns.fields.externalId![0]!,
      headers: source.headers,
      stage,
      unknownStages: () => decisions!.stages.unknownStages(),
      progress,
    });
  } finally {
    await source.close(); // when the transaction failed before reading on
  }
}

/** Rows already in hand (the upsert API): staged and merged exactly like a file's. */
export async function runDealInputs(
  database: Database,
  params: Omit<DealImportParams, 'file' | 'format' | 'mapping' | 'dateFormat' | 'source'> & { source: string },
  deals: DealInput[],
  unknownStages: () => { stage: string; count: number }[],
): Promise<DealImportOutcome> {
  return mergeInTransaction(database, params, {
    format: 'csv',
    source: params.source,
    idColumn: 'externalId',
    headers: [],
    stage: async (tx) => {
      await copyLines(tx, 'import_rows', DEAL_STAGING_COLUMNS, (async function* () {
        for (let i = 0; i < deals.length; i++) yield encodeDeal(i + 1, deals[i]!);
      })());
      return { rows: deals.length, invalid: 0, errorCount: 0, warningCount: 0, errors: [], warnings: [] };
    },
    unknownStages,
    progress: throttle(params.onProgress),
  });
}

export interface StageStats {
  rows: number;
  invalid: number;
  errorCount: number;
  warningCount: number;
  errors: RowError[];
  warnings: RowError[];
}

/** The writing half: staging, dedupe, classify, apply, outcome — one transaction, rolled back for a dry run. */
export interface MergeOps {
  kind: 'deals' | 'accounts';
  createStaging(tx: Tx): Promise<void>;
  classify(tx: Tx, m: MergeContext): Promise<{ created: number; updated: number; unchanged: number }>;
  countMissing(tx: Tx, m: MergeContext): Promise<number>;
  apply(tx: Tx, m: MergeContext, full: boolean): Promise<{ removed: number }>;
}

const DEAL_OPS: MergeOps = {
  kind: 'deals',
  createStaging: (tx) => importsRepository.createDealStaging(tx),
  classify: (tx, m) => importsRepository.classifyDeals(tx, m),
  countMissing: (tx, m) => importsRepository.countMissingDeals(tx, m),
  apply: (tx, m, full) => importsRepository.applyDeals(tx, m, full),
};

export async function mergeInTransaction(
  database: Database,
  params: Pick<DealImportParams, 'workspaceId' | 'importId' | 'baseCurrency' | 'strict' | 'dryRun' | 'full' | 'beforeCommit'>,
  how: {
    format: ImportFormat;
    source: string;
    idColumn: string;
    headers: readonly string[];
    stage: (tx: Tx) => Promise<StageStats>;
    unknownStages: () => { stage: string; count: number }[];
    progress: ReturnType<typeof throttle>;
    ops?: MergeOps;
  },
): Promise<DealImportOutcome> {
  const { source, progress } = how;
  const ops = how.ops ?? DEAL_OPS;
  try {
    return await database.withTenant(params.workspaceId, async (tx) => {
      const m = { workspaceId: params.workspaceId, importId: params.importId, source, baseCurrency: params.baseCurrency };
      await importsRepository.lockSource(tx, params.workspaceId, ops.kind, source);
      await ops.createStaging(tx);
      const stats = await how.stage(tx);
      if (params.strict && stats.invalid > 0) throw strictError(stats.invalid, stats.errors[0]!);
      progress({ phase: 'writing', rows: stats.rows, totalRows: stats.rows }, true);
      const { duplicates, dropped } = await importsRepository.dedupeStaged(tx);
      const dupWarnings: RowError[] = duplicates.flatMap((d) =>
        d.lines.slice(0, -1).map((line) => ({
          line,
          column: how.idColumn,
          value: d.externalId,
          message: `The id ${d.externalId} is on lines ${d.lines.join(', ')}; the last one (line ${d.lines.at(-1)}) is imported`,
        })),
      );
      const counts = await ops.classify(tx, m);
      let removed = 0;
      if (params.dryRun) removed = params.full ? await ops.countMissing(tx, m) : 0;
      else removed = (await ops.apply(tx, m, params.full)).removed;
      const outcome: DealImportOutcome = {
        format: how.format,
        source,
        headers: [...how.headers],
        rows: stats.rows,
        ...counts,
        removed,
        invalid: stats.invalid,
        warnings: stats.warningCount + dropped,
        unknownStages: how.unknownStages(),
        errors: stats.errors,
        errorsTruncated: stats.errorCount > stats.errors.length,
        warningList: [...dupWarnings, ...stats.warnings].slice(0, MAX_LISTED_ERRORS),
      };
      if (params.dryRun) throw new DryRunRollback(outcome);
      await importsRepository.saveRejects(tx, params.workspaceId, params.importId);
      await params.beforeCommit?.(tx, outcome);
      progress({ phase: 'done', rows: stats.rows, totalRows: stats.rows }, true);
      return outcome;
    });
  } catch (e) {
    if (e instanceof DryRunRollback) return e.outcome;
    throw e;
  }
}

function strictError(invalid: number, first: RowError) {
  return new ImportFileError(
    'DEALS_IMPORT_STRICT',
    'Invalid rows (strict)',
    `${invalid.toLocaleString('en-US')} row${invalid === 1 ? ' is' : 's are'} invalid, and --strict imports nothing then. ` +
      `The first: line ${first.line}, column "${first.column}": ${first.message}.`,
    first.line,
  );
}

/** Every row normalized and COPYed into the staging table, rejected rows included (with their cells and errors). */
async function stageRecords(tx: Tx, records: AsyncIterable<RawRecord>, decisions: FileDecisions, onRow: (rows: number) => void) {
  const stats: StageStats = { rows: 0, invalid: 0, errorCount: 0, warningCount: 0, errors: [], warnings: [] };
  async function* lines() {
    for await (const record of records) {
      stats.rows++;
      const result = normalizeRecord(record, decisions);
      if (result.warnings.length) {
        stats.warningCount += result.warnings.length;
        for (const w of result.warnings) if (stats.warnings.length < MAX_LISTED_ERRORS) stats.warnings.push(w);
      }
      if (result.ok) {
        yield encodeDeal(record.line, result.deal);
      } else {
        stats.invalid++;
        stats.errorCount += result.errors.length;
        for (const err of result.errors) if (stats.errors.length < MAX_LISTED_ERRORS) stats.errors.push(err);
        yield encodeRejected(record.line, rejectedId(record, decisions.columns), record.values, result.errors);
      }
      onRow(stats.rows);
    }
  }
  await copyLines(tx, 'import_rows', DEAL_STAGING_COLUMNS, lines());
  return stats;
}
