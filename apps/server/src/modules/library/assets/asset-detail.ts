/**
 * What every assets use case shares: who may see an asset (readers who cannot edit see published material only,
 * so drafts and archived assets answer 404 to them), its review period, and the asset page's answer (AssetDetail).
 */
import { ASSET_TYPES, REVIEW_DAYS_DEFAULT, can, type AssetDetail, type AssetType, type LibrarySettings } from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';
import type { TenantContext } from '../../../lib/context.ts';
import { loadAssetSummaries } from '../asset-summaries.ts';
import { LibraryErrors as E } from '../library.errors.ts';
import { renderMarkdown } from '../markdown.ts';
import { assetsRepository as repo, type AssetRow } from './assets.repository.ts';

export const canWrite = (ctx: TenantContext) => can(ctx.role, 'library.write');

/** The asset as the caller may see it, or 404 (another workspace's, a missing one, or unpublished for a reader). */
export async function visibleAsset(db: DbOrTx, ctx: TenantContext, assetId: string, lock = false): Promise<AssetRow> {
  const row = lock ? await repo.lockAsset(db, ctx.workspaceId, assetId) : await repo.assetById(db, ctx.workspaceId, assetId);
  if (!row || (!canWrite(ctx) && row.status !== 'published')) throw E.assetNotFound(assetId);
  return row;
}

/** Every type's review period, the workspace's choice or the default. */
export async function reviewDaysByType(db: DbOrTx, workspaceId: string): Promise<LibrarySettings> {
  const row = await repo.settings(db, workspaceId);
  const reviewDays = Object.fromEntries(ASSET_TYPES.map((t) => [t, row?.reviewDays[t] ?? REVIEW_DAYS_DEFAULT])) as Record<AssetType, number>;
  return { reviewDays, updatedAt: row?.updatedAt.toISOString() ?? null };
}

export async function assetDetail(db: DbOrTx, ctx: TenantContext, asset: AssetRow): Promise<AssetDetail> {
  const writer = canWrite(ctx);
  // One after the other: `db` is one connection (a transaction), which runs one statement at a time anyway.
  const [summary] = await loadAssetSummaries(db, ctx.workspaceId, [asset.id], { publishedView: !writer });
  const current = asset.currentVersion ? await repo.version(db, ctx.workspaceId, asset.id, asset.currentVersion) : undefined;
  const versions = await repo.versionCount(db, ctx.workspaceId, asset.id);
  const followerIds = await repo.followerIds(db, ctx.workspaceId, asset.id);
  const themes = await repo.linkedThemes(db, ctx.workspaceId, asset.id);
  const settings = await reviewDaysByType(db, ctx.workspaceId);
  const shown = !writer && current ? current : null;
  const body = shown ? shown.body : asset.body;
  return {
    ...summary!,
    body,
    bodyHtml: renderMarkdown(body),
    shownVersion: shown?.number ?? null,
    unpublishedChanges: !current || current.title !== asset.title || current.body !== asset.body,
    versions,
    followers: followerIds.length,
    following: !!ctx.actor.userId && followerIds.includes(ctx.actor.userId),
    reviewDays: settings.reviewDays[asset.type],
    themes,
    permissions: {
      edit: writer,
      publish: writer,
      archive: writer && asset.status !== 'archived',
      verify: writer && asset.status === 'published',
      follow: can(ctx.role, 'library.use') && !!ctx.actor.userId,
    },
    createdAt: asset.createdAt.toISOString(),
  };
}
