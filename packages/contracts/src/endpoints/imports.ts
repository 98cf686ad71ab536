import { WorkspaceParam, endpoint, workspaceAnd } from '../endpoint.ts';
import { DealUpsertRequest, DealUpsertResponse, ImportDetail, ImportList, ImportListQuery, ImportPreview, ImportStartRequest } from '../imports.ts';

/**
 * The imports module's rows of the endpoint table (see ../endpoint.ts). Imported as a namespace —
 * `import * as importsEndpoints from '@tandem/contracts/endpoints/imports'` — so a web chunk keeps only the rows it calls.
 */

const importAccess = { action: 'deals.import' } as const;
const ImportParam = workspaceAnd('importId');

export const upload = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/imports',
  summary: 'Upload a file to import (multipart: fields, then `file`); `start=true` runs it at once, else it waits with a preview',
  tag: 'imports',
  access: importAccess,
  params: WorkspaceParam,
  body: 'multipart',
  status: 202,
  response: ImportDetail,
});

export const list = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/imports',
  summary: 'Imports, newest first',
  tag: 'imports',
  access: importAccess,
  params: WorkspaceParam,
  query: ImportListQuery,
  response: ImportList,
});

export const get = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/imports/:importId',
  summary: 'An import: status, progress, counts, errors',
  tag: 'imports',
  access: importAccess,
  params: ImportParam,
  response: ImportDetail,
});

export const preview = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/imports/:importId/preview',
  summary: 'Columns, mapping and the first rows with their errors, for a pending upload',
  tag: 'imports',
  access: importAccess,
  params: ImportParam,
  body: ImportStartRequest,
  response: ImportPreview,
});

export const start = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/imports/:importId/start',
  summary: 'Start a pending upload as a background job',
  tag: 'imports',
  access: importAccess,
  params: ImportParam,
  body: ImportStartRequest,
  status: 202,
  response: ImportDetail,
});

export const undo = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/imports/:importId/undo',
  summary: 'Put back what the import changed',
  tag: 'imports',
  access: importAccess,
  params: ImportParam,
  response: ImportDetail,
});

export const discard = endpoint({
  method: 'DELETE',
  path: '/workspaces/:workspace/imports/:importId',
  summary: 'Discard a pending upload',
  tag: 'imports',
  access: importAccess,
  params: ImportParam,
  status: 204,
});

export const rejectedRows = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/imports/:importId/rejected.csv',
  summary: "The rows the import skipped, as the file had them, with each row's errors",
  tag: 'imports',
  access: importAccess,
  params: ImportParam,
  produces: 'text/csv',
});

/** Writes deals, but is recorded as an import (so it can be undone): this table, the deals tag. */
export const upsert = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/deals/upsert',
  summary: 'Create or update up to 1,000 deals by source + external id, atomically; recorded as an undoable import',
  tag: 'deals',
  access: { action: 'deals.write' },
  params: WorkspaceParam,
  body: DealUpsertRequest,
  response: DealUpsertResponse,
});
