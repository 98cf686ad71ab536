/**
 * What the import use cases share: the request an import runs from, the file it reads, and how
 * an outcome is recorded (the counts, the result the CLI prints, the reason a failure gives).
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { ImportMapping, ImportResult } from '@tandem/contracts';
import { connectionLost } from '../../db/errors.ts';
import type { Config } from '../../config.ts';
import { AppError } from '../../lib/app-error.ts';
import { xlsxLimitsFrom } from '../../lib/tabular/xlsx-limits.ts';
import { ImportsErrors as E } from './imports.errors.ts';
import type { DealImportOutcome } from './pipeline/merge.ts';
import { mappingFileSchema, type MappingFile } from './reading/mapping-file.ts';
import type { ImportFile } from './reading/open-records.ts';

export interface ImportRequest {
  kind: 'deals' | 'accounts';
  format?: 'salesforce' | 'hubspot' | 'csv';
  source?: string;
  /** A mapping file's content: checked here (the contract's shape is looser than the file's schema). */
  mapping?: MappingFile | ImportMapping;
  dateFormat?: 'MDY' | 'DMY' | 'YMD';
  full?: boolean;
  dryRun?: boolean;
  strict?: boolean;
}

/** What a file the server reads may unpack to (the configuration), and where a workbook's sheet may wait (the data folder's tmp/). */
export const readingLimits = (config: Config): Pick<ImportFile, 'limits' | 'tempDir'> => ({
  limits: xlsxLimitsFrom(config),
  tempDir: path.join(config.dataDir, 'tmp'),
});

export const localFile = (filePath: string, size: number): ImportFile => ({
  name: path.basename(filePath),
  size,
  open: () => createReadStream(filePath, { highWaterMark: 1 << 20 }),
});

export function resultOf(id: string, o: DealImportOutcome): ImportResult {
  return {
    importId: id,
    created: o.created,
    updated: o.updated,
    unchanged: o.unchanged,
    removed: o.removed,
    invalid: o.invalid,
    warnings: o.warnings,
    unknownStages: o.unknownStages,
    errors: o.errors,
    errorsTruncated: o.errorsTruncated,
  };
}

export const countsOf = (o: DealImportOutcome) => ({
  rows: o.rows,
  created: o.created,
  updated: o.updated,
  unchanged: o.unchanged,
  removed: o.removed,
  invalid: o.invalid,
  warnings: o.warnings,
});

/** What a finished import's record says: counts, the result the CLI prints, warnings and the file's columns. */
export const completedState = (id: string, o: DealImportOutcome) => ({
  status: 'completed' as const,
  format: o.format,
  source: o.source,
  finishedAt: new Date(),
  counts: countsOf(o),
  progress: { phase: 'done', rows: o.rows, totalRows: o.rows },
  result: { ...resultOf(id, o), warningList: o.warningList, headers: o.headers },
  uploadKey: null,
});

export const messageOf = (e: unknown) =>
  e instanceof AppError
    ? (e.detail ?? e.title)
    : connectionLost(e)
      ? 'The database connection was lost during the import; nothing was imported. Run it again.'
      : 'The import failed unexpectedly; nothing was imported. The server log has the details.';

export function parseMapping(m: unknown): MappingFile {
  const r = mappingFileSchema.safeParse(m);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw E.badField(`mapping.${issue.path.join('.')}`, issue.message);
  }
  return r.data;
}
