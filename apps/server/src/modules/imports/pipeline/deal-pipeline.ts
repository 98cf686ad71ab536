/**
 * One deals import from file to database: open the file (CSV or XLSX), resolve its columns,
 * decide the file-wide questions from a sample, normalize each row and COPY it into the staging
 * table as it is read (again, if the whole file decides otherwise than its sample), then the
 * one-transaction merge (merge.ts).
 */
import type { Database, Tx } from '../../../db/database.ts';
import type { DateFormat } from '../../../lib/tabular/dates.ts';
import type { RawRecord } from '../../../lib/tabular/record.ts';
import { normalizeSalesforceId } from '../../../lib/tabular/salesforce-id.ts';
import type { StageTable } from '../../deals/index.ts';
import { ImportsErrors as E } from '../imports.errors.ts';
import type { DealInput } from '../reading/deal-input.ts';
import { FileScanner } from '../reading/file-decisions.ts';
import type { ColumnMap, ImportFormat } from '../reading/formats.ts';
import type { MappingFile } from '../reading/mapping-file.ts';
import { normalizeRecord, type FileDecisions } from '../reading/normalize.ts';
import { columnsFor, openRecords, type ImportFile } from '../reading/open-records.ts';
import { dealMergeRepository } from './deal-merge.repository.ts';
import { MAX_LISTED_ERRORS, mergeInTransaction, throttle, type DealImportOutcome, type MergeOps, type MergeParams, type StageStats } from './merge.ts';
import { DEAL_STAGING_COLUMNS, copyLines, encodeDeal, encodeRejected } from './staging-copy.ts';
import { stagingRepository } from './staging.repository.ts';

export interface DealImportParams extends MergeParams {
  file: ImportFile;
  format?: ImportFormat;
  source?: string;
  mapping?: MappingFile;
  dateFormat?: DateFormat;
  workspaceStages?: StageTable;
}

const DEAL_OPS: MergeOps = {
  kind: 'deals',
  createStaging: (tx) => dealMergeRepository.createDealStaging(tx),
  classify: (tx, m) => dealMergeRepository.classifyDeals(tx, m),
  countMissing: (tx, m) => dealMergeRepository.countMissingDeals(tx, m),
  apply: (tx, m, full) => dealMergeRepository.applyDeals(tx, m, full),
  writes: ['deals', 'accounts', 'deal_stage_history'],
};

/** The id of a rejected row when it can still be read: so --full does not remove the deal it names. */
function rejectedId(record: RawRecord, columns: ColumnMap): string | undefined {
  const raw = columns.fields.externalId?.map((h) => record.values[h]?.trim()).find(Boolean);
  if (!raw || columns.format !== 'salesforce') return raw;
  const id = normalizeSalesforceId(raw);
  return id.ok ? id.id : raw;
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
      await stagingRepository.clearStaging(tx);
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
    if (stats.rows !== totalRows) throw E.fileChanged(totalRows, stats.rows);
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
      ops: DEAL_OPS,
    });
  } finally {
    await source.close(); // when the transaction failed before reading on
  }
}

/** Rows already in hand (the upsert API): staged and merged exactly like a file's. */
export async function runDealInputs(
  database: Database,
  params: MergeParams & { source: string },
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
    ops: DEAL_OPS,
  });
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
