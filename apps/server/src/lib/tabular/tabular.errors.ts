import { AppError } from '../app-error.ts';

/**
 * Errors of reading tabular files (CSV, XLSX), shared by every import. The codes keep the
 * DEALS_IMPORT_ prefix they were published with (the first import read deals).
 */

/**
 * A bad cell or row: the shape the CLI's `--json` lists under `errors` and the
 * rejected-rows CSV carries. `line` is the physical line where the record starts
 * (the header is line 1), `column` the header name as written in the file.
 */
export interface RowError {
  line: number;
  column: string;
  value: string;
  message: string;
}

/** Something wrong with the file as a whole: nothing can be imported from it. */
export class ImportFileError extends AppError {
  constructor(
    code: string,
    title: string,
    detail: string,
    /** The physical line the problem was found on, when there is one. */
    readonly line?: number,
    /** 400 for a file that is wrong; 413 and 422 for one refused for what it would unpack to. */
    status = 400,
  ) {
    super(code, status, title, detail);
    this.name = 'ImportFileError';
  }
}

/** File-level errors of reading a table: nothing can be read from such a file. */
export const tabularErrors = {
  emptyFile: () => new ImportFileError('DEALS_IMPORT_EMPTY_FILE', 'The file is empty', 'The file is empty: there is no header line and no data.'),
  noRows: (headerLine: number) =>
    new ImportFileError('DEALS_IMPORT_NO_ROWS', 'No rows', `The file has a header (line ${headerLine}) but no data rows.`, headerLine),
  notText: (why: string) => new ImportFileError('DEALS_IMPORT_NOT_TEXT', 'Not a CSV file', why),
  notXlsx: (why: string) => new ImportFileError('DEALS_IMPORT_NOT_XLSX', 'Not an XLSX workbook', why),
  malformedCsv: (line: number, reason: string) =>
    new ImportFileError('DEALS_IMPORT_MALFORMED_CSV', 'Malformed CSV', `Line ${line}: ${reason}`, line),
  recordTooLarge: (line: number, limit: number) =>
    new ImportFileError(
      'DEALS_IMPORT_RECORD_TOO_LARGE',
      'Record too large',
      `Line ${line}: the record is larger than ${limit.toLocaleString('en-US')} characters, the limit for one row. ` +
        'The file may use another delimiter or line ending, or a quote may be left open.',
      line,
    ),
  duplicateColumn: (line: number, name: string, first: number, second: number) =>
    new ImportFileError(
      'DEALS_IMPORT_DUPLICATE_COLUMN',
      'Duplicate column',
      `Line ${line}: the column "${name}" appears twice (columns ${first} and ${second}); rename one of them.`,
      line,
    ),
  unpackedTooLarge: (file: string, why: string) =>
    new ImportFileError(
      'DEALS_IMPORT_UNPACKED_TOO_LARGE',
      'File too large once unpacked',
      `"${file}" is too large once unpacked: ${why}, the limit. Nothing was read from it; split it into smaller files, or export it as CSV.`,
      undefined,
      413,
    ),
  suspiciousZip: (file: string, why: string) =>
    new ImportFileError(
      'DEALS_IMPORT_SUSPICIOUS_ZIP',
      'Workbook refused',
      `"${file}" is refused: ${why}, which no spreadsheet needs (a decompression bomb?). Nothing was read from it; export it again from the CRM, or as CSV.`,
      undefined,
      422,
    ),
  ambiguousDates: (detail: string) => new ImportFileError('DEALS_IMPORT_AMBIGUOUS_DATES', 'Date format cannot be told', detail),
};
