/**
 * The writing half of every import, in one transaction: staging, dedupe, classify, apply and
 * the outcome — so an import commits whole or not at all (a killed process leaves the database
 * as it was), and a dry run is the same transaction rolled back.
 */
import type { Database, Tx } from '../../../db/database.ts';
import type { RowError } from '../../../lib/tabular/tabular.errors.ts';
import { ImportsErrors as E } from '../imports.errors.ts';
import { importsRepository } from '../imports.repository.ts';
import type { ImportFormat } from '../reading/formats.ts';
import { stagingRepository, type MergeContext } from './staging.repository.ts';

export const MAX_LISTED_ERRORS = 1000;
/**
 * After an import commits, the planner's statistics of the tables it wrote are refreshed when it created, changed or
 * removed at least `ANALYZE_AFTER_ROWS` rows and at least a tenth of the first table's estimated rows (autovacuum's
 * own rule, applied at once; a table never analysed always qualifies). Autovacuum would too, but only after its next
 * pass (and never where it is turned off): until then the first reports after a large first import are planned as if
 * the tables were empty. The share keeps a stream of upsert batches from analysing a large table after every batch.
 */
export const ANALYZE_AFTER_ROWS = 1000;
export const ANALYZE_AFTER_SHARE = 0.1;

export function statisticsStale(changed: number, estimatedRows: number): boolean {
  return changed >= ANALYZE_AFTER_ROWS && (estimatedRows < 0 || changed >= estimatedRows * ANALYZE_AFTER_SHARE);
}

export interface ImportProgressReport {
  phase: 'scanning' | 'reading' | 'writing' | 'done';
  rows: number;
  totalRows: number | null;
}

/** What every merge is given, whatever the rows came from. */
export interface MergeParams {
  workspaceId: string;
  importId: string;
  full: boolean;
  dryRun: boolean;
  strict: boolean;
  baseCurrency: string;
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

export interface StageStats {
  rows: number;
  invalid: number;
  errorCount: number;
  warningCount: number;
  errors: RowError[];
  warnings: RowError[];
}

/** Signals a dry run's rollback, carrying its outcome out of the transaction. */
class DryRunRollback extends Error {
  constructor(readonly outcome: DealImportOutcome) {
    super('dry run');
  }
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

/** What differs between a deals and an accounts merge: their staging table and their statements. */
export interface MergeOps {
  kind: 'deals' | 'accounts';
  createStaging(tx: Tx): Promise<void>;
  classify(tx: Tx, m: MergeContext): Promise<{ created: number; updated: number; unchanged: number }>;
  countMissing(tx: Tx, m: MergeContext): Promise<number>;
  apply(tx: Tx, m: MergeContext, full: boolean): Promise<{ removed: number }>;
  /** The tables `apply` writes, the largest first: their statistics are refreshed after a large import. */
  writes: readonly string[];
}

/** Staging, dedupe, classify, apply, outcome — one transaction, rolled back for a dry run. */
export async function mergeInTransaction(
  database: Database,
  params: MergeParams,
  how: {
    format: ImportFormat;
    source: string;
    idColumn: string;
    headers: readonly string[];
    stage: (tx: Tx) => Promise<StageStats>;
    unknownStages: () => { stage: string; count: number }[];
    progress: ReturnType<typeof throttle>;
    ops: MergeOps;
  },
): Promise<DealImportOutcome> {
  const { source, progress, ops } = how;
  let outcome: DealImportOutcome;
  try {
    outcome = await database.withTenant(params.workspaceId, async (tx) => {
      const m = { workspaceId: params.workspaceId, importId: params.importId, source, baseCurrency: params.baseCurrency };
      await importsRepository.lockSource(tx, params.workspaceId, ops.kind, source);
      await ops.createStaging(tx);
      const stats = await how.stage(tx);
      if (params.strict && stats.invalid > 0) throw E.strict(stats.invalid, stats.errors[0]!);
      progress({ phase: 'writing', rows: stats.rows, totalRows: stats.rows }, true);
      const { duplicates, dropped } = await stagingRepository.dedupeStaged(tx);
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
      await stagingRepository.saveRejects(tx, params.workspaceId, params.importId);
      await params.beforeCommit?.(tx, outcome);
      progress({ phase: 'done', rows: stats.rows, totalRows: stats.rows }, true);
      return outcome;
    });
  } catch (e) {
    if (e instanceof DryRunRollback) return e.outcome;
    throw e;
  }
  await refreshStatistics(database, ops.writes, outcome.created + outcome.updated + outcome.removed);
  return outcome;
}

/** After commit, as the tables' owner. Statistics that cannot be refreshed now are autovacuum's to refresh: the import is done, not failed. */
async function refreshStatistics(database: Database, tables: readonly string[], changed: number) {
  if (changed < ANALYZE_AFTER_ROWS) return;
  try {
    if (statisticsStale(changed, await stagingRepository.estimatedRows(database.db, tables[0]!))) await stagingRepository.analyze(database.db, tables);
  } catch {
    // left to autovacuum (above)
  }
}
