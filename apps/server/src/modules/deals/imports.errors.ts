import { defineError } from '../../lib/app-error.ts';

/** Errors of imports as a whole (file-level problems are in import/import.errors.ts). */
export const ImportsErrors = {
  notFound: defineError('IMPORT_NOT_FOUND', 404, 'Import not found', (id: string) => `No import ${id} in this workspace.`),
  notPending: defineError('IMPORT_NOT_PENDING', 409, 'Import already started', (id: string, status: string) => `Import ${id} is ${status}; only a pending upload can be previewed or started.`),
  uploadGone: defineError('IMPORT_UPLOAD_GONE', 410, 'Upload no longer available', (id: string) => `The file of import ${id} is no longer on the server (it expires after a day, or the server was moved); upload it again.`),
  notUndoable: defineError('IMPORT_NOT_UNDOABLE', 409, 'Import cannot be undone', (why: string) => why),
  notLatest: defineError(
    'IMPORT_UNDO_NOT_LATEST',
    409,
    'A later import exists',
    (source: string, laterId: string) => `A later import of "${source}" (${laterId}) changed the same deals; undo that one first, so each undo puts back exactly what it found.`,
  ),
  tooLarge: defineError('IMPORT_FILE_TOO_LARGE', 413, 'File too large', (limit: number) => `The file is larger than ${Math.round(limit / 1048576)} MB, the upload limit (TANDEM_IMPORT_MAX_BYTES).`),
  noFile: defineError('IMPORT_NO_FILE', 400, 'No file', () => 'The upload has no file part; send the file as multipart/form-data field "file".'),
  badField: defineError('VALIDATION_FAILED', 400, 'The request is not valid', (field: string, message: string) => `${field}: ${message}`),
};
