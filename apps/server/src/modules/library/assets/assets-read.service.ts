/**
 * Reading assets: the asset page, its versions and the diff between two, following, and the library settings
 * (review days per type).
 */
import type {
  AssetDetail,
  AssetDiff,
  AssetDiffQuery,
  AssetVersionDetail,
  AssetVersionList,
  FollowAssetResponse,
  LibrarySettings,
  PreviewMarkdownResponse,
  UpdateLibrarySettingsRequest,
} from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { LibraryErrors as E } from '../library.errors.ts';
import { renderMarkdown } from '../markdown.ts';
import { diffBodies } from './asset-diff.ts';
import { assetDetail, reviewDaysByType, visibleAsset } from './asset-detail.ts';
import { assetsRepository as repo } from './assets.repository.ts';

async function versionOf(db: DbOrTx, ctx: TenantContext, assetId: string, number: number) {
  const v = await repo.version(db, ctx.workspaceId, assetId, number);
  if (!v) throw E.versionNotFound(number);
  return v;
}

export function createAssetsReadService(deps: Deps) {
  const { database, audit } = deps;

  return {
    /** The editor's preview: the HTML the asset page would show for this Markdown. */
    async preview(body: string): Promise<PreviewMarkdownResponse> {
      return { bodyHtml: renderMarkdown(body) };
    },

    async get(ctx: TenantContext, assetId: string): Promise<AssetDetail> {
      return database.readTenant(ctx.workspaceId, async (db) => assetDetail(db, ctx, await visibleAsset(db, ctx, assetId)));
    },

    async versions(ctx: TenantContext, assetId: string): Promise<AssetVersionList> {
      return database.readTenant(ctx.workspaceId, async (db) => {
        await visibleAsset(db, ctx, assetId);
        return { items: await repo.versions(db, ctx.workspaceId, assetId) };
      });
    },

    async version(ctx: TenantContext, assetId: string, number: number): Promise<AssetVersionDetail> {
      return database.readTenant(ctx.workspaceId, async (db) => {
        await visibleAsset(db, ctx, assetId);
        const v = await versionOf(db, ctx, assetId, number);
        return { ...v.dto, body: v.body, bodyHtml: renderMarkdown(v.body) };
      });
    },

    async diff(ctx: TenantContext, assetId: string, q: AssetDiffQuery): Promise<AssetDiff> {
      return database.readTenant(ctx.workspaceId, async (db) => {
        await visibleAsset(db, ctx, assetId);
        const [from, to] = await Promise.all([versionOf(db, ctx, assetId, q.from), versionOf(db, ctx, assetId, q.to)]);
        return {
          from: { number: from.number, title: from.title },
          to: { number: to.number, title: to.title },
          titleChanged: from.title !== to.title,
          ...diffBodies(from.body, to.body),
        };
      });
    },

    async follow(ctx: TenantContext, assetId: string, following: boolean): Promise<FollowAssetResponse> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        await visibleAsset(tx, ctx, assetId);
        if (ctx.actor.userId) await repo.setFollowing(tx, ctx.workspaceId, assetId, ctx.actor.userId, following);
        const followers = await repo.followerIds(tx, ctx.workspaceId, assetId);
        return { following: !!ctx.actor.userId && followers.includes(ctx.actor.userId), followers: followers.length };
      });
    },

    async settings(ctx: TenantContext): Promise<LibrarySettings> {
      return database.readTenant(ctx.workspaceId, (db) => reviewDaysByType(db, ctx.workspaceId));
    },

    async updateSettings(ctx: TenantContext, body: UpdateLibrarySettingsRequest): Promise<LibrarySettings> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const before = await reviewDaysByType(tx, ctx.workspaceId);
        const saved = (await repo.settings(tx, ctx.workspaceId))?.reviewDays ?? {};
        await repo.saveSettings(tx, ctx.workspaceId, { ...saved, ...body.reviewDays });
        const changed = Object.fromEntries(
          Object.entries(body.reviewDays).filter(([type, days]) => before.reviewDays[type as keyof typeof before.reviewDays] !== days),
        );
        await audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'library.settings_changed',
          targetType: 'library_settings',
          details: { reviewDays: changed },
        });
        return reviewDaysByType(tx, ctx.workspaceId);
      });
    },
  };
}

export type AssetsReadService = ReturnType<typeof createAssetsReadService>;
