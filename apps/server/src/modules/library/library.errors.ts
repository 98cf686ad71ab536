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
  // — search —
  searchDealNotFound: defineError('LIBRARY_DEAL_NOT_FOUND', 404, 'Deal not found', (id: string) => `No deal ${id} in this workspace.`),
  // — files —
  // — shares —
  // — usage and votes —
  // — competitors —
  // — influence —
};
