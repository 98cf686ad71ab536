import { AppError, defineError } from '../../lib/app-error.ts';

function invalidField(path: string, message: string) {
  return new AppError('VALIDATION_FAILED', 400, 'The request is not valid', `${path}: ${message}`, { errors: [{ path, message }] });
}

/**
 * Every error of the library domain: stable `LIBRARY_*` / `COMPETITOR_*` codes, a status, a detail naming what and where.
 * One catalogue, in sections by feature.
 */
export const LibraryErrors = {
  invalidField,
  // — assets (versions, freshness, follow) —
  assetNotFound: defineError('LIBRARY_ASSET_NOT_FOUND', 404, 'Asset not found', (id: string) => `No asset ${id} in this workspace.`),
  versionNotFound: defineError('LIBRARY_VERSION_NOT_FOUND', 404, 'Version not found', (n: number) => `This asset has no version ${n}.`),
  nothingToPublish: defineError(
    'LIBRARY_NOTHING_TO_PUBLISH',
    409,
    'Nothing to publish',
    (version: number) => `The title and body are the same as version ${version}: edit the asset first, or verify it to restart its review clock.`,
  ),
  verifyNotPublished: defineError(
    'LIBRARY_VERIFY_NOT_PUBLISHED',
    409,
    'Only published material can be verified',
    (status: string) => `The asset is ${status}; publish it first — publishing starts its review clock.`,
  ),
  alreadyArchived: defineError('LIBRARY_ALREADY_ARCHIVED', 409, 'Already archived', () => 'The asset is already archived; publish it again to bring it back.'),
  ownerNotWriter: (path: string, userId: string) => invalidField(path, `${userId} is not a member who can write the library (admin or marketing)`),
  competitorTagsNotFound: (ids: { index: number; id: string }[]) =>
    new AppError(
      'VALIDATION_FAILED',
      400,
      'The request is not valid',
      ids.map((x) => `body.tags.competitors.${x.index}: no competitor ${x.id} in this workspace`).join('; '),
      { errors: ids.map((x) => ({ path: `body.tags.competitors.${x.index}`, message: `no competitor ${x.id} in this workspace` })) },
    ),
  // — search —
  searchDealNotFound: defineError('LIBRARY_DEAL_NOT_FOUND', 404, 'Deal not found', (id: string) => `No deal ${id} in this workspace.`),
  // — files —
  fileNotFound: defineError('LIBRARY_FILE_NOT_FOUND', 404, 'File not found', (id: string) => `No file ${id} on this asset.`),
  noThumbnail: defineError('LIBRARY_FILE_NO_THUMBNAIL', 404, 'No thumbnail', (name: string) => `No thumbnail could be made of "${name}"; download the file to see it.`),
  fileContentMissing: defineError(
    'LIBRARY_FILE_CONTENT_MISSING',
    410,
    'File content missing',
    (name: string) => `The content of "${name}" is no longer in the file store; upload it again.`,
  ),
  noFile: defineError('LIBRARY_FILE_MISSING_PART', 400, 'No file', () => 'The upload has no file part; send the file as multipart/form-data field "file".'),
  fileTooLarge: defineError(
    'LIBRARY_FILE_TOO_LARGE',
    413,
    'File too large',
    (name: string, limitMb: number) => `"${name}" is larger than ${limitMb} MB, the largest file an asset takes (TANDEM_ASSET_FILE_MAX_MB).`,
  ),
  fileEmpty: defineError('LIBRARY_FILE_EMPTY', 400, 'Empty file', (name: string) => `"${name}" is empty.`),
  fileTypeRefused: defineError('LIBRARY_FILE_TYPE_REFUSED', 415, 'File type not accepted', (detail: string) => detail),
  // — shares —
  shareNotPublished: (title: string) =>
    new AppError('LIBRARY_SHARE_NOT_PUBLISHED', 409, 'Only published material can be shared', `“${title}” has no published version yet: publish it, then share it.`),
  shareLinkNotFound: (id: string) => new AppError('LIBRARY_SHARE_LINK_NOT_FOUND', 404, 'Share link not found', `No share link ${id} on this asset.`),
  shareRevokeForbidden: () =>
    new AppError('LIBRARY_SHARE_REVOKE_FORBIDDEN', 403, 'Not your link', 'Only the person who made this link, or someone who manages the library, can turn it off.'),
  // — usage and votes —
  usageDealNotFound: (path: string, id: string) => invalidField(path, `no deal ${id} in this workspace`),
  usageDealRequired: () => invalidField('body.dealId', 'attaching names the deal it is attached to'),
  usageInFuture: () => invalidField('body.occurredAt', 'must not be in the future'),
  // — competitors —
  competitorNotFound: defineError('COMPETITOR_NOT_FOUND', 404, 'Competitor not found', (id: string) => `No competitor ${id} in this workspace.`),
  competitorNameTaken: (path: string, text: string, owner: string) =>
    new AppError('COMPETITOR_NAME_TAKEN', 409, 'Name already belongs to another competitor', `${path}: "${text}" already means ${owner}; add it there, or pick another name`, {
      errors: [{ path, message: `"${text}" already means ${owner}` }],
    }),
  competitorNameBlank: (path: string) => invalidField(path, 'needs at least one letter or digit (legal forms such as "Inc." alone name nothing)'),
  competitorInUse: defineError(
    'COMPETITOR_IN_USE',
    409,
    'Competitor still tagged on assets',
    (name: string, assets: number) => `${assets} asset${assets === 1 ? ' is' : 's are'} tagged with ${name}; untag ${assets === 1 ? 'it' : 'them'} before deleting the competitor.`,
  ),
  // — influence —
};
