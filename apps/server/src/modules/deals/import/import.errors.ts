import { ImportFileError } from '../../../lib/tabular/tabular.errors.ts';

const list = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/** The import's own file-level errors: columns and mapping files. */
export const importErrors = {
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
};
