import { defineError, invalidField, invalidFields } from '../../lib/app-error.ts';

/**
 * Every error of the requests domain: stable `REQUESTS_*` codes, a status, a detail naming what and where.
 * One catalogue, in sections by feature.
 */
export const RequestsErrors = {
  invalidField,
  invalidFields,
  // — items —
  notFound: defineError('REQUESTS_NOT_FOUND', 404, 'Request not found', (id: string) => `No request ${id} in this workspace.`),
  wrongStatus: defineError('REQUESTS_WRONG_STATUS', 409, 'Not possible in this status', (what: string, status: string, allowed: string) =>
    `Cannot ${what} a request that is ${status.replace('_', ' ')}; only when ${allowed}.`,
  ),
  notRequester: defineError('REQUESTS_NOT_A_REQUESTER', 403, 'Only the requesters may do this', (what: string) =>
    `Only the people who filed or joined this request (or an admin) may ${what} it.`,
  ),
  notEditor: defineError('REQUESTS_NOT_AN_EDITOR', 403, 'Only the requesters or product marketing may edit this', () =>
    'Only the people who filed or joined this request, product marketing or an admin may edit it.',
  ),
  alreadyRequester: defineError('REQUESTS_ALREADY_A_REQUESTER', 409, 'Already a requester', () => 'You already asked for this request; add deals by editing it.'),
  mergeIntoSelf: () => invalidField('body.intoRequestId', 'a request cannot be merged into itself'),
  mergeTargetNotFound: (id: string) => invalidField('body.intoRequestId', `no open request ${id} in this workspace`),
  // — comments and attachments —
  attachmentNotFound: defineError('REQUESTS_ATTACHMENT_NOT_FOUND', 404, 'Attachment not found', (id: string) => `No attachment ${id} on this request.`),
  notUploader: defineError('REQUESTS_NOT_THE_UPLOADER', 403, 'Only who attached it may remove it', () =>
    'Only the person who attached this file, product marketing or an admin may remove it.',
  ),
  noFile: defineError('REQUESTS_FILE_MISSING_PART', 400, 'No file', () => 'The upload has no file part; send the file as multipart/form-data field "file".'),
  fileTooLarge: defineError('REQUESTS_FILE_TOO_LARGE', 413, 'File too large', (name: string, limitMb: number) =>
    `"${name}" is larger than ${limitMb} MB, the largest file a request takes (TANDEM_ASSET_FILE_MAX_MB).`,
  ),
  fileEmpty: defineError('REQUESTS_FILE_EMPTY', 400, 'Empty file', (name: string) => `"${name}" is empty.`),
  fileTypeRefused: defineError('REQUESTS_FILE_TYPE_REFUSED', 415, 'File type not accepted', (detail: string) => detail),
  fileContentMissing: defineError('REQUESTS_FILE_CONTENT_MISSING', 410, 'File content missing', (name: string) =>
    `The content of "${name}" is no longer in the file store; attach it again.`,
  ),
};
