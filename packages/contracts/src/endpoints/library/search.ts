import { WorkspaceParam, endpoint, workspaceAnd } from '../../endpoint.ts';
import { AssetSearchQuery, AssetSearchResult, DealAssets, DealAssetsQuery } from '../../library/search.ts';

// The library's search rows of the endpoint table (see ../library.ts).
const read = { action: 'library.read' } as const;

export const searchAssets = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/assets',
  summary: 'Assets ranked best first (title above tags above body, stemming, prefixes, typos forgiven), with facet counts',
  tag: 'library',
  access: read,
  params: WorkspaceParam,
  query: AssetSearchQuery,
  response: AssetSearchResult,
});

export const searchForDeal = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/deals/:dealId/assets',
  summary: "Published assets whose tags fit a deal's competitors, stage, products, segment and region, with why",
  tag: 'library',
  access: read,
  params: workspaceAnd('dealId'),
  query: DealAssetsQuery,
  response: DealAssets,
});
