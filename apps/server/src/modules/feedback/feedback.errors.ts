import { AppError, defineError } from '../../lib/app-error.ts';

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

function invalidField(path: string, message: string) {
  return new AppError('VALIDATION_FAILED', 400, 'The request is not valid', `${path}: ${message}`, { errors: [{ path, message }] });
}

/** Every error of the feedback domain. */
export const FeedbackErrors = {
  itemNotFound: defineError('FEEDBACK_NOT_FOUND', 404, 'Feedback not found', (id: string) => `No feedback item ${id} in this workspace.`),
  itemsNotFound: (path: string, ids: string[]) =>
    invalidField(path, `no feedback item ${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ` (and ${ids.length - 3} more)` : ''} in this workspace`),
  notYours: defineError(
    'FEEDBACK_NOT_YOURS',
    403,
    'Not your feedback',
    () => 'Only the person who logged this feedback, or marketing, can change or delete it.',
  ),
  themeNotFound: defineError('FEEDBACK_THEME_NOT_FOUND', 404, 'Theme not found', (id: string) => `No theme ${id} in this workspace.`),
  themeMerged: defineError(
    'FEEDBACK_THEME_MERGED',
    409,
    'Theme was merged',
    (name: string, into: string) => `"${name}" was merged into "${into}"; change that theme instead.`,
  ),
  themeNameTaken: (path: string, name: string) => new AppError('FEEDBACK_THEME_NAME_TAKEN', 409, 'Theme name taken', `${path}: a theme named "${name}" already exists`, {
    errors: [{ path, message: `a theme named "${name}" already exists` }],
  }),
  mergeIntoItself: () => invalidField('body.sourceThemeIds', 'a theme cannot be merged into itself'),
  responseRequired: (status: string) => invalidField('body.message', `a response message is required to mark a theme ${status}: it is what every submitter reads`),
  sameStatus: defineError('FEEDBACK_THEME_STATUS_UNCHANGED', 409, 'Status unchanged', (status: string) => `The theme is already ${status}; send a message with a new status, or edit nothing.`),
  statusChangeNotFound: defineError('FEEDBACK_THEME_STATUS_CHANGE_NOT_FOUND', 404, 'Status change not found', (id: string) => `No status change ${id} on this theme.`),
  undoNotNewest: defineError(
    'FEEDBACK_THEME_UNDO_NOT_NEWEST',
    409,
    'Only the newest change can be undone',
    () => 'The status changed again since; change it once more instead of undoing.',
  ),
  undoTooLate: defineError(
    'FEEDBACK_THEME_UNDO_TOO_LATE',
    409,
    'Too late to undo',
    () => 'The people following this theme have already been told of this change; change the status again to correct it.',
  ),
  mergeNotFound: defineError('FEEDBACK_THEME_MERGE_NOT_FOUND', 404, 'Merge not found', (id: string) => `No merge ${id} into this theme.`),
  mergeUndone: defineError('FEEDBACK_THEME_MERGE_UNDONE', 409, 'Merge already undone', () => 'This merge was already undone: the merged themes are back on their own.'),
  mergeUndoTooLate: defineError(
    'FEEDBACK_THEME_MERGE_UNDO_TOO_LATE',
    409,
    'Too late to undo',
    (seconds: number) =>
      `${seconds > 0 ? `A merge can be undone for ${seconds} seconds only` : 'Undoing a merge is switched off here (TANDEM_UNDO_SECONDS=0)'}; split the items out into a new theme instead.`,
  ),
  mergeChanged: defineError(
    'FEEDBACK_THEME_MERGE_CHANGED',
    409,
    'Changed since the merge',
    (why: string) => `${why} Undoing the merge now would lose that change; move or split the items instead.`,
  ),
  linkNotFound: defineError('FEEDBACK_THEME_LINK_NOT_FOUND', 404, 'Link not found', (id: string) => `No link ${id} on this theme.`),
  splitAll: () => invalidField('body.itemIds', 'splitting every item out leaves an empty theme: rename the theme instead'),
  notInTheme: (ids: string[]) => invalidField('body.itemIds', `${ids.length} item(s) are not in this theme: ${ids.slice(0, 3).join(', ')}`),
  dealNotFound: (path: string, id: string) => invalidField(path, `no deal ${id} in this workspace`),
  accountNotFound: (path: string, id: string) => invalidField(path, `no account ${id} in this workspace`),
  dealAccountMismatch: () => invalidField('body.accountId', "the deal belongs to another account; leave the account empty to use the deal's"),
  ownerNotMarketing: (id: string) => invalidField('body.ownerUserId', `${id} is not an active admin or marketing member of this workspace`),
  suggestionNotFound: defineError('FEEDBACK_SUGGESTION_NOT_FOUND', 404, 'Suggestion not found', (id: string) => `No suggested theme ${id} in this workspace.`),
  suggestionNotAccepted: defineError('FEEDBACK_SUGGESTION_NOT_ACCEPTED', 409, 'Suggestion not accepted', (status: string) => `This suggestion is ${status}, not accepted: there is nothing to undo.`),
  acceptUndoTooLate: defineError(
    'FEEDBACK_SUGGESTION_UNDO_TOO_LATE',
    409,
    'Too late to undo',
    (name: string) => `"${name}" changed since it was accepted (a status, a link, other items or a merge); move its items instead.`,
  ),
  suggestionDecided: defineError('FEEDBACK_SUGGESTION_DECIDED', 409, 'Suggestion already decided', (status: string) => `This suggestion was already ${status}. Find themes again for fresh suggestions.`),
  /** Accepting a suggestion as named, when the list calls its name weak: the PMM names the theme first. */
  suggestionNameNeeded: (label: string, why: string) =>
    new AppError('FEEDBACK_SUGGESTION_NAME_NEEDED', 400, 'Name the theme first', `body.name: the suggested name "${label}" is weak: ${why} Send a name to accept it.`, {
      errors: [{ path: 'body.name', message: why }],
    }),
  suggestionEmpty: defineError(
    'FEEDBACK_SUGGESTION_EMPTY',
    409,
    'Nothing left to accept',
    () => 'Every item of this suggestion has been put in a theme since it was suggested. Find themes again.',
  ),
  suggestionsTimedOut: defineError(
    'FEEDBACK_SUGGESTIONS_TIMED_OUT',
    503,
    'Finding themes took too long',
    (seconds: number, items: number) =>
      `Grouping ${items} untriaged items took longer than ${seconds} s and was stopped; the suggestions from the last run are still there. Try again later, or triage some items first.`,
  ),
  importNotFound: defineError('FEEDBACK_IMPORT_NOT_FOUND', 404, 'Import not found', (id: string) => `No feedback import ${id} in this workspace.`),
  importNotYours: defineError(
    'FEEDBACK_IMPORT_NOT_YOURS',
    403,
    'Not your import',
    () => 'Only the person who ran this import, or marketing, can undo it: it deletes items others may have triaged since.',
  ),
  importUndone: defineError('FEEDBACK_IMPORT_UNDONE', 409, 'Import already undone', (id: string) => `Feedback import ${id} was already undone.`),
  importNoFile: defineError('FEEDBACK_IMPORT_NO_FILE', 400, 'No file', () => 'The upload has no file part; send the CSV file as multipart/form-data field "file", after the other fields.'),
  importUnknownColumns: defineError(
    'FEEDBACK_IMPORT_UNKNOWN_COLUMNS',
    400,
    'Mapped columns missing',
    (unknown: string[], found: readonly string[]) =>
      `The mapping names ${unknown.length === 1 ? 'a column' : 'columns'} this file does not have: ${quoted(unknown)}. The file's columns are: ${quoted(found)}.`,
  ),
  importTextColumn: defineError('FEEDBACK_IMPORT_TEXT_COLUMN', 400, 'Map one column to the text', (mapped: string[]) =>
    mapped.length
      ? `The mapping maps ${quoted(mapped)} to text; map exactly one column to text, the feedback itself.`
      : 'The mapping maps no column to text; map exactly one column to text, the feedback itself.',
  ),
  importDuplicateField: defineError(
    'FEEDBACK_IMPORT_DUPLICATE_FIELD',
    400,
    'One column per field',
    (field: string, columns: string[]) => `The mapping maps ${quoted(columns)} to ${field}; map one column per field.`,
  ),
  importTooManyRows: defineError(
    'FEEDBACK_IMPORT_TOO_MANY_ROWS',
    400,
    'Too many rows',
    (max: number) => `The file has more than ${max.toLocaleString('en-US')} rows, the most one import takes; split it into smaller files.`,
  ),
  importTooLarge: defineError(
    'FEEDBACK_IMPORT_FILE_TOO_LARGE',
    413,
    'File too large',
    (limit: number) =>
      `The file is larger than ${limit >= 1_048_576 ? `${Math.round(limit / 1_048_576)} MB` : `${limit.toLocaleString('en-US')} bytes`}, the upload limit (TANDEM_IMPORT_MAX_BYTES); nothing was imported.`,
  ),
  /** A problem with the file as a whole, found by the shared CSV reader (its DEALS_IMPORT_* codes renamed for this import). */
  importFile: (e: AppError) => new AppError(e.code.replace(/^DEALS_IMPORT_/, 'FEEDBACK_IMPORT_'), e.status, e.title, e.detail),
  invalidField,
};
