import { WorkspaceParam, endpoint, workspaceAnd } from '../../endpoint.ts';
import {
  AssetUsage,
  AttachDealRequest,
  AttachedDealList,
  LibraryReport,
  RecordUsageRequest,
  RecordUsageResponse,
  UsageQuery,
  Vote,
  VoteRequest,
} from '../../library/usage.ts';

// The library's usage rows of the endpoint table (see ../library.ts).
const AssetParam = workspaceAnd('assetId');
const use = { action: 'library.use' } as const;

export const usageRecord = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/assets/:assetId/usage',
  summary: 'Record a use of the asset (viewed, downloaded, copied, shared, attached), e.g. from a browser extension',
  tag: 'library',
  access: use,
  params: AssetParam,
  body: RecordUsageRequest,
  status: 201,
  response: RecordUsageResponse,
});

export const usageGet = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/assets/:assetId/usage',
  summary: 'Views and distinct viewers per week, downloads, copies, shares, share opens, deals attached and votes',
  tag: 'library',
  access: { action: 'library.read' },
  params: AssetParam,
  query: UsageQuery,
  response: AssetUsage,
});

export const usageAttachDeal = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/assets/:assetId/deals',
  summary: 'Attach the asset to a deal (idempotent); answers the deals it is attached to',
  tag: 'library',
  access: use,
  params: AssetParam,
  body: AttachDealRequest,
  response: AttachedDealList,
});

export const usageAttachedDeals = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/assets/:assetId/deals',
  summary: 'The deals the asset is attached to',
  tag: 'library',
  access: { action: 'library.read' },
  params: AssetParam,
  response: AttachedDealList,
});

export const usageVote = endpoint({
  method: 'PUT',
  path: '/workspaces/:workspace/assets/:assetId/vote',
  summary: 'Say whether the asset helped, with an optional comment (one vote per person, replaced)',
  tag: 'library',
  access: use,
  params: AssetParam,
  body: VoteRequest,
  response: Vote,
});

export const usageUnvote = endpoint({
  method: 'DELETE',
  path: '/workspaces/:workspace/assets/:assetId/vote',
  summary: 'Take back one’s vote',
  tag: 'library',
  access: use,
  params: AssetParam,
  status: 204,
});

export const usageReport = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/library/report',
  summary: 'Library report: unused in 90 days, most used, most shared, overdue for review',
  tag: 'library',
  access: { action: 'library.write' },
  params: WorkspaceParam,
  response: LibraryReport,
});
