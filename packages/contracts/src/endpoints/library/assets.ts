import { WorkspaceParam, endpoint, workspaceAnd } from '../../endpoint.ts';
import {
  AssetDetail,
  AssetDiff,
  AssetDiffQuery,
  AssetVersionDetail,
  AssetVersionList,
  CreateAssetRequest,
  CreateAssetResponse,
  FollowAssetResponse,
  LibrarySettings,
  PreviewMarkdownRequest,
  PreviewMarkdownResponse,
  PublishAssetRequest,
  PublishAssetResponse,
  UpdateAssetRequest,
  UpdateLibrarySettingsRequest,
  VersionNumber,
} from '../../library/assets.ts';

// The library's assets rows of the endpoint table (see ../library.ts): writing, publishing, versions, the review
// clock, following, and the library settings.
const AssetParam = workspaceAnd('assetId');
const VersionParam = AssetParam.extend({ number: VersionNumber });
const read = { action: 'library.read' } as const;
const use = { action: 'library.use' } as const;
const write = { action: 'library.write' } as const;
const settings = { action: 'library.settings' } as const;

export const assetsCreate = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/assets',
  summary: 'Create an asset (owner: the caller unless named); status "published" publishes version 1 at once',
  tag: 'library',
  access: write,
  params: WorkspaceParam,
  body: CreateAssetRequest,
  status: 201,
  response: CreateAssetResponse,
});

export const assetsPreview = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/assets/preview',
  summary: 'Render Markdown as the asset page will show it (sanitized HTML); nothing is saved',
  tag: 'library',
  access: write,
  params: WorkspaceParam,
  body: PreviewMarkdownRequest,
  response: PreviewMarkdownResponse,
});

export const assetsGet = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/assets/:assetId',
  summary: 'An asset with its body rendered (bodyHtml, sanitized), freshness, versions count and linked themes; readers who cannot edit see the current published version',
  tag: 'library',
  access: read,
  params: AssetParam,
  response: AssetDetail,
});

export const assetsUpdate = endpoint({
  method: 'PATCH',
  path: '/workspaces/:workspace/assets/:assetId',
  summary: 'Edit the working copy (title, type, body, tags, owner); readers keep seeing the published version until the next publish',
  tag: 'library',
  access: write,
  params: AssetParam,
  body: UpdateAssetRequest,
  response: AssetDetail,
});

export const assetsPublish = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/assets/:assetId/publish',
  summary: 'Publish the working copy as a new version with a change note; restarts the review clock; followers are told',
  tag: 'library',
  access: write,
  params: AssetParam,
  body: PublishAssetRequest,
  response: PublishAssetResponse,
});

export const assetsArchive = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/assets/:assetId/archive',
  summary: 'Archive an asset: it leaves search and lists; publishing again brings it back',
  tag: 'library',
  access: write,
  params: AssetParam,
  response: AssetDetail,
});

export const assetsVerify = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/assets/:assetId/verify',
  summary: 'Mark a published asset as checked: the review date moves to today plus its type’s period',
  tag: 'library',
  access: write,
  params: AssetParam,
  response: AssetDetail,
});

export const assetsVersions = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/assets/:assetId/versions',
  summary: 'The published versions, newest first, with change notes',
  tag: 'library',
  access: read,
  params: AssetParam,
  response: AssetVersionList,
});

export const assetsVersion = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/assets/:assetId/versions/:number',
  summary: 'One version with its body (Markdown and sanitized HTML)',
  tag: 'library',
  access: read,
  params: VersionParam,
  response: AssetVersionDetail,
});

export const assetsDiff = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/assets/:assetId/diff',
  summary: 'Line diff of the bodies of two versions (hunks of added, removed and context lines)',
  tag: 'library',
  access: read,
  params: AssetParam,
  query: AssetDiffQuery,
  response: AssetDiff,
});

export const assetsFollow = endpoint({
  method: 'PUT',
  path: '/workspaces/:workspace/assets/:assetId/follow',
  summary: 'Follow an asset: hear of each new version',
  tag: 'library',
  access: use,
  params: AssetParam,
  response: FollowAssetResponse,
});

export const assetsUnfollow = endpoint({
  method: 'DELETE',
  path: '/workspaces/:workspace/assets/:assetId/follow',
  summary: 'Stop following an asset',
  tag: 'library',
  access: use,
  params: AssetParam,
  response: FollowAssetResponse,
});

export const assetsSettings = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/library/settings',
  summary: 'Library settings: the review period of each asset type, in days',
  tag: 'library',
  access: read,
  params: WorkspaceParam,
  response: LibrarySettings,
});

export const assetsUpdateSettings = endpoint({
  method: 'PUT',
  path: '/workspaces/:workspace/library/settings',
  summary: 'Set review periods per asset type (1–730 days); applies at the next publish or verify',
  tag: 'library',
  access: settings,
  params: WorkspaceParam,
  body: UpdateLibrarySettingsRequest,
  response: LibrarySettings,
});
