import { endpoint, workspaceAnd } from '../../endpoint.ts';
import { Influence } from '../../library/influence.ts';

// The library's influence rows of the endpoint table (see ../library.ts).

export const influenceGet = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/assets/:assetId/influence',
  summary: 'Closed deals the asset touched before they closed against untouched ones of the same segments and quarters (associated with, not caused by)',
  tag: 'library',
  access: { action: 'library.read' },
  params: workspaceAnd('assetId'),
  response: Influence,
});
