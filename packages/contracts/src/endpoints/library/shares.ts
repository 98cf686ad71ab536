import { endpoint, workspaceAnd } from '../../endpoint.ts';
import { CreateShareLinkRequest, CreateShareLinkResponse, ShareLink, ShareLinkList } from '../../library/shares.ts';

// The library's shares rows of the endpoint table (see ../library.ts). The public page itself (`GET /s/:token`) is
// server-rendered HTML outside /api/v1, not a row.
const AssetParam = workspaceAnd('assetId');
const LinkParam = workspaceAnd('assetId', 'shareLinkId');

export const sharesCreate = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/assets/:assetId/share-links',
  summary: 'Make a public link to the asset’s current published version, usually for one deal (the address is shown once)',
  tag: 'library',
  access: { action: 'library.use' },
  params: AssetParam,
  body: CreateShareLinkRequest,
  status: 201,
  response: CreateShareLinkResponse,
});

export const sharesList = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/assets/:assetId/share-links',
  summary: 'The asset’s share links: who made each, for which deal, opens, expired or revoked',
  tag: 'library',
  access: { action: 'library.read' },
  params: AssetParam,
  response: ShareLinkList,
});

export const sharesRevoke = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/assets/:assetId/share-links/:shareLinkId/revoke',
  summary: 'Turn a share link off at once (its maker, or whoever manages the library)',
  tag: 'library',
  access: { action: 'library.use' },
  params: LinkParam,
  response: ShareLink,
});
