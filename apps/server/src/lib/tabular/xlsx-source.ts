/**
 * Streams the first worksheet of an XLSX workbook (HubSpot's other export
 * format) as the same records the CSV reader yields: the first non-empty row is
 * the header, `line` is the row number. Date cells become ISO dates (or
 * timestamps when they carry a time); number cells become plain decimals and are
 * marked numeric, so no locale rule is applied to them.
 */
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { ImportFileError, tabularErrors } from './tabular.errors.ts';
import { type RawRecord, type RecordSource, cleanHeaders, toRecord } from './record.ts';
import { CellBudget, DEFAULT_XLSX_LIMITS, type XlsxLimits } from './xlsx-limits.ts';
import { WorkbookReader } from './xlsx-workbook-reader.ts';

export interface XlsxReadOptions {
  /** The file's name, as refusals give it. */
  name?: string;
  /** What the workbook may unpack to (DEFAULT_XLSX_LIMITS). */
  limits?: XlsxLimits;
  /** Where a worksheet stored before the shared strings waits while they are read (the system's temporary folder). */
  tempDir?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Excel dates are wall-clock times; exceljs hands them over as UTC instants of that wall clock. */
export function excelDateText(date: Date): string {
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
  const day = `${rounded.getUTCFullYear()}-${pad(rounded.getUTCMonth() + 1)}-${pad(rounded.getUTCDate())}`;
  const h = rounded.getUTCHours();
  const m = rounded.getUTCMinutes();
  const s = rounded.getUTCSeconds();
  return h || m || s ? `${day}T${pad(h)}:${pad(m)}:${pad(s)}` : day;
}

interface Cell {
  text: string;
  numeric: boolean;
}

function cellText(value: unknown): Cell {
  if (value === null || value === undefined) return { text: '', numeric: false };
  if (typeof value === 'string') return { text: value, numeric: false };
  if (typeof value === 'number') return { text: String(value), numeric: true };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', numeric: false };
  if (value instanceof Date) return { text: excelDateText(value), numeric: false };
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (v.richText) return { text: v.richText.map((r) => r.text).join(''), numeric: false };
    if ('result' in v) return cellText(v.result); // a formula: its last computed value
    if (v.text !== undefined) return cellText(v.text); // a hyperlink
    if (v.error) return { text: v.error, numeric: false };
  }
  return { text: String(value as string), numeric: false };
}

/** A row's cells in column order, with the columns that held numbers. */
function rowCells(row: ExcelJS.Row): { cells: string[]; numeric: number[] } {
  const cells: string[] = [];
  const numeric: number[] = [];
  const values = row.values as unknown[];
  for (let col = 1; col < values.length; col++) {
    const cell = cellText(values[col]);
    cells.push(cell.text);
    if (cell.numeric) numeric.push(col - 1);
  }
  return { cells, numeric };
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

function notXlsx(e: unknown): Error {
  if (e instanceof ImportFileError) return e;
  const raw = e instanceof Error ? e.message : String(e);
  const why = raw === 'FILE_ENDED' ? 'it ends early: an incomplete download or upload?' : raw;
  return tabularErrors.notXlsx(`The file could not be read as an XLSX workbook (${why}). Export it again as .xlsx, or as CSV.`);
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Checks the first bytes before exceljs sees them: it waits forever on an empty
 * stream, and a CSV given as XLSX deserves a plainer answer than a ZIP error.
 */
async function checkedStream(input: string | AsyncIterable<Buffer | string>): Promise<Readable> {
  const it = (typeof input === 'string' ? createReadStream(input) : input)[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  while (size < ZIP_MAGIC.length) {
    const next = await it.next();
    if (next.done) break;
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    head.push(chunk);
    size += chunk.length;
  }
  const start = Buffer.concat(head);
  if (!start.subarray(0, 4).equals(ZIP_MAGIC)) {
    await it.return?.();
    if (start.length === 0) throw tabularErrors.emptyFile();
    const text = !start.includes(0);
    throw tabularErrors.notXlsx(`This is not an XLSX workbook${text ? '; it looks like a text file (a CSV?)' : ''}.`);
  }
  return Readable.from(
    (async function* () {
      try {
        yield* head;
        for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
      } finally {
        await it.return?.();
      }
    })(),
  );
}

/**
 * Opens an XLSX file (path or stream) and reads its first worksheet's header row now, the records as they are
 * iterated; refused (413, 422) as soon as it would unpack past the limits.
 */
export async function openXlsx(input: string | AsyncIterable<Buffer | string>, options: XlsxReadOptions = {}): Promise<RecordSource> {
  const limits = options.limits ?? DEFAULT_XLSX_LIMITS;
  const file = options.name ?? (typeof input === 'string' ? basename(input) : 'the workbook');
  const budget = new CellBudget(limits, file);
  const reader = new WorkbookReader(
    await checkedStream(input),
    {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache', // number formats tell date cells from numbers
      hyperlinks: 'ignore',
      entries: 'ignore',
    },
    { limits, file, tempDir: options.tempDir ?? tmpdir() },
  );
  const sheets = reader[Symbol.asyncIterator]();
  let rows: AsyncIterator<ExcelJS.Row>;
  let header: { cells: string[]; line: number } | undefined;
  try {
    const sheet = await sheets.next();
    if (sheet.done) throw tabularErrors.notXlsx('The workbook has no worksheet.');
    rows = sheet.value[Symbol.asyncIterator]();
    for (let r = await rows.next(); !r.done; r = await rows.next()) {
      const { cells } = rowCells(r.value);
      budget.row(cells);
      if (!isBlank(cells)) {
        header = { cells, line: r.value.number };
        break;
      }
    }
  } catch (e) {
    await sheets.return?.(undefined);
    throw notXlsx(e);
  }
  if (!header) throw tabularErrors.emptyFile();
  const headerLine = header.line;
  const headers = cleanHeaders(header.cells, (name, a, b) => tabularErrors.duplicateColumn(headerLine, name, a, b));

  const close = async () => {
    await rows.return?.(undefined);
    await sheets.return?.(undefined);
  };

  async function* records(): AsyncGenerator<RawRecord> {
    let yielded = 0;
    try {
      for (let r = await rows.next(); !r.done; r = await rows.next()) {
        const { cells, numeric } = rowCells(r.value);
        budget.row(cells);
        if (isBlank(cells)) continue;
        // A workbook row simply ends at its last non-empty cell: that is not a short row.
        while (cells.length < headers.length) cells.push('');
        const record = toRecord(headers, cells, r.value.number);
        const numericHeaders = numeric.map((i) => headers[i]).filter((h): h is string => h !== undefined);
        yield numericHeaders.length ? { ...record, numeric: new Set(numericHeaders) } : record;
        yielded++;
      }
    } catch (e) {
      throw notXlsx(e);
    } finally {
      await close();
    }
    if (yielded === 0) throw tabularErrors.noRows(headerLine);
  }
  return { headers, headerLine, records: records(), close };
}
