import { AppError, defineError } from '../../lib/app-error.ts';

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
  linkNotFound: defineError('FEEDBACK_THEME_LINK_NOT_FOUND', 404, 'Link not found', (id: string) => `No link ${id} on this theme.`),
  splitAll: () => invalidField('body.itemIds', 'splitting every item out leaves an empty theme: rename the theme instead'),
  notInTheme: (ids: string[]) => invalidField('body.itemIds', `${ids.length} item(s) are not in this theme: ${ids.slice(0, 3).join(', ')}`),
  dealNotFound: (path: string, id: string) => invalidField(path, `no deal ${id} in this workspace`),
  accountNotFound: (path: string, id: string) => invalidField(path, `no account ${id} in this workspace`),
  dealAccountMismatch: () => invalidField('body.accountId', "the deal belongs to another account; leave the account empty to use the deal's"),
  ownerNotMarketing: (id: string) => invalidField('body.ownerUserId', `${id} is not an active admin or marketing member of this workspace`),
  suggestionNotFound: defineError('FEEDBACK_SUGGESTION_NOT_FOUND', 404, 'Suggestion not found', (id: string) => `No suggested theme ${id} in this workspace.`),
  suggestionDecided: defineError('FEEDBACK_SUGGESTION_DECIDED', 409, 'Suggestion already decided', (status: string) => `This suggestion was already ${status}. Find themes again for fresh suggestions.`),
  suggestionEmpty: defineError(
    'FEEDBACK_SUGGESTION_EMPTY',
    409,
    'Nothing left to accept',
    () => 'Every item of this suggestion has been put in a theme since it was suggested. Find themes again.',
  ),
  importNotFound: defineError('FEEDBACK_IMPORT_NOT_FOUND', 404, 'Import not found', (id: string) => `No feedback import ${id} in this workspace.`),
  importUndone: defineError('FEEDBACK_IMPORT_UNDONE', 409, 'Import already undone', (id: string) => `Feedback import ${id} was already undone.`),
  invalidField,
};
