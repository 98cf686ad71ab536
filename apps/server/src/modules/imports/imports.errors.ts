import { defineError } from '../../lib/app-error.ts';
import { ImportFileError } from '../../lib/tabular/tabular.errors.ts';

const list = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/**
 * Every error of imports. File-level problems are ImportFileErrors (400, the CLI's `--json`
 * shape); their DEALS_IMPORT_ codes are published and stay as they are. The errors of reading
 * a table at all (empty file, broken CSV, …) are lib/tabular's `tabularErrors`.
 */
export const ImportsErrors = {
  // ---- An import as a record: upload, start, undo ----------------------------------
  notFound: defineError('IMPORT_NOT_FOUND', 404, 'Import not found', (id: string) => `No import ${id} in this workspace.`),
  notPending: defineError(
    'IMPORT_NOT_PENDING',
    409,
    'Import already started',
    (id: string, status: string) => `Import ${id} is ${status}; only a pending upload can be previewed or started.`,
  ),
  uploadGone: defineError(
    'IMPORT_UPLOAD_GONE',
    410,
    'Upload no longer available',
    (id: string) => `The file of import ${id} is no longer on the server (it expires after a day, or the server was moved); upload it again.`,
  ),
  nothingToImport: defineError(
    'IMPORT_NOTHING_TO_IMPORT',
    422,
    'No row can be imported',
    (rows: number, wholeFile: boolean, reasons: readonly { column: string; message: string; count: number }[]) =>
      `None of the ${wholeFile ? '' : 'first '}${rows.toLocaleString('en-US')} row${rows === 1 ? '' : 's'} can be imported, so the import was not started. ` +
      reasons.map((r) => `${r.count.toLocaleString('en-US')} × column "${r.column}": ${r.message}`).join('; ') +
      '. Fix the file or its mapping and upload it again.',
  ),
  undoForbidden: defineError(
    'IMPORT_UNDO_FORBIDDEN',
    403,
    'Not allowed to undo this import',
    (role: string, origin: 'file' | 'upsert') =>
      origin === 'upsert'
        ? `This import came through the deals API (an integration's sync, which only admins may run); undoing it would delete the deals it created, so only an admin may undo it. Your role is ${role}.`
        : `Your role (${role}) may not run file imports, so it may not undo one either.`,
  ),
  notUndoable: defineError('IMPORT_NOT_UNDOABLE', 409, 'Import cannot be undone', (why: string) => why),
  notLatest: defineError(
    'IMPORT_UNDO_NOT_LATEST',
    409,
    'A later import exists',
    (source: string, laterId: string) =>
      `A later import of "${source}" (${laterId}) changed the same deals; undo that one first, so each undo puts back exactly what it found.`,
  ),
  tooLarge: defineError(
    'IMPORT_FILE_TOO_LARGE',
    413,
    'File too large',
    (limit: number) => `The file is larger than ${Math.round(limit / 1048576)} MB, the upload limit (TANDEM_IMPORT_MAX_BYTES).`,
  ),
  noFile: defineError('IMPORT_NO_FILE', 400, 'No file', () => 'The upload has no file part; send the file as multipart/form-data field "file".'),
  badField: defineError('VALIDATION_FAILED', 400, 'The request is not valid', (field: string, message: string) => `${field}: ${message}`),

  // ---- The file: columns and mapping files ----------------------------------------
  localFileMissing: (filePath: string) => new ImportFileError('DEALS_IMPORT_NO_FILE', 'File not found', `${filePath}: no such file.`),
  missingColumns: (format: string, missing: readonly string[], found: readonly string[]) =>
    new ImportFileError(
      'DEALS_IMPORT_MISSING_COLUMNS',
      'Required columns missing',
      `This is not a ${format} file, or it lacks required columns: ${list(missing)} not found. ` + `The file's columns are: ${list(found)}.`,
    ),
  mappedColumnsMissing: (missing: readonly string[], found: readonly string[]) =>
    new ImportFileError(
      'DEALS_IMPORT_MISSING_COLUMNS',
      'Mapped columns missing',
      `The mapping file names columns this file does not have: ${list(missing)}. The file's columns are: ${list(found)}.`,
    ),
  badMapping: (detail: string) => new ImportFileError('DEALS_IMPORT_BAD_MAPPING', 'Invalid mapping file', detail),
  mappingFileMissing: (file: string) => new ImportFileError('DEALS_IMPORT_BAD_MAPPING', 'Mapping file not found', `${file}: no such file.`),
  formatUnknown: (what: string, headers: readonly string[]) =>
    new ImportFileError(
      'DEALS_IMPORT_FORMAT_UNKNOWN',
      'Format not recognized',
      `The columns are not those of ${what}; map them (--format csv --map mapping.json). The file's columns are: ${list(headers)}.`,
    ),

  // ---- The run ---------------------------------------------------------------------
  fileChanged: (before: number, after: number) =>
    new ImportFileError(
      'DEALS_IMPORT_FILE_CHANGED',
      'The file changed',
      `The file changed while it was imported (${before} rows, then ${after}); nothing was imported. Import it again.`,
    ),
  strict: (invalid: number, first: { line: number; column: string; message: string }) =>
    new ImportFileError(
      'DEALS_IMPORT_STRICT',
      'Invalid rows (strict)',
      `${invalid.toLocaleString('en-US')} row${invalid === 1 ? ' is' : 's are'} invalid, and --strict imports nothing then. ` +
        `The first: line ${first.line}, column "${first.column}": ${first.message}.`,
      first.line,
    ),
};
