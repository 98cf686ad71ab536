/**
 * A file as records, and which export its columns are: the first steps of every import
 * and of the preview. Database-free, like the rest of this folder.
 */
import { openCsv } from '../../../lib/tabular/csv-source.ts';
import type { RecordSource } from '../../../lib/tabular/record.ts';
import type { XlsxLimits } from '../../../lib/tabular/xlsx-limits.ts';
import { ImportsErrors as E } from '../imports.errors.ts';
import { IMPORT_FORMATS, resolveColumns, type ColumnMap, type ImportFormat } from './formats.ts';
import type { MappingFile } from './mapping-file.ts';

/** A file to read, as many times as the import needs. */
export interface ImportFile {
  /** The name a workbook is told by (`.xlsx`), with its content. */
  name: string;
  /** The name people know the file by (the uploaded file's own), in messages; `name` when absent. */
  label?: string;
  size: number;
  open(): AsyncIterable<Buffer>;
  /** What a workbook may unpack to (the server's configuration; DEFAULT_XLSX_LIMITS when absent). */
  limits?: XlsxLimits;
  /** Where a workbook's worksheet may wait while its shared strings are read (the system's temporary folder when absent). */
  tempDir?: string;
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
  const { openXlsx } = await import('../../../lib/tabular/xlsx-source.ts');
  return openXlsx(rest, { name: file.label ?? file.name, limits: file.limits, tempDir: file.tempDir });
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
  if (!chosen) throw E.formatUnknown('a Salesforce report or a HubSpot deals export', headers);
  if (!IMPORT_FORMATS.includes(chosen)) throw new Error(`unknown format ${chosen}`);
  return resolveColumns(chosen, headers, mapping);
}
