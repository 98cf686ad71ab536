/**
 * Writing assets: create, edit the working copy, publish it as a version (followers hear of it), archive, and
 * verify (the review clock restarts). Each use case is one tenant transaction, audited.
 */
import type { AssetDetail, AssetTagsInput, CreateAssetRequest, CreateAssetResponse, PublishAssetResponse, UpdateAssetRequest } from '@tandem/contracts';
import type { Tx } from '../../../db/database.ts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { addDays, todayIso } from '../asset-summaries.ts';
import { LibraryErrors as E } from '../library.errors.ts';
import { tagTextOf } from '../tag-text.ts';
import { assetDetail, reviewDaysByType, visibleAsset } from './asset-detail.ts';
import { assetsRepository as repo, type AssetRow } from './assets.repository.ts';

const WRITER_ROLES = ['admin', 'marketing'];

type TagColumns = Pick<AssetRow, 'products' | 'segments' | 'personas' | 'stages' | 'regions' | 'competitorIds' | 'tagText'>;

/** The tag columns after `input` (facets given replace those of `current`), competitors checked to exist. */
async function tagColumns(tx: Tx, ctx: TenantContext, input: AssetTagsInput, current?: AssetRow): Promise<TagColumns> {
  const uniq = (xs: string[]) => [...new Set(xs)];
  const products = uniq(input.products ?? current?.products ?? []);
  const segments = uniq(input.segments ?? current?.segments ?? []);
  const personas = uniq(input.personas ?? current?.personas ?? []);
  const stages = uniq(input.stages ?? current?.stages ?? []);
  const regions = uniq(input.regions ?? current?.regions ?? []);
  const competitorIds = uniq(input.competitors ?? current?.competitorIds ?? []);
  const names = await repo.competitorNames(tx, ctx.workspaceId, competitorIds);
  if (input.competitors) {
    const missing = input.competitors.map((id, index) => ({ id, index })).filter((x) => !names.has(x.id));
    if (missing.length) throw E.competitorTagsNotFound(missing);
  }
  const tagText = tagTextOf({ products, segments, personas, stages, regions }, competitorIds.map((id) => names.get(id) ?? ''));
  return { products, segments, personas, stages, regions, competitorIds: competitorIds.filter((id) => names.has(id)), tagText };
}

async function checkOwner(tx: Tx, ctx: TenantContext, path: string, userId: string) {
  const role = await repo.memberRole(tx, ctx.workspaceId, userId);
  if (!role || !WRITER_ROLES.includes(role)) throw E.ownerNotWriter(path, userId);
}

export function createAssetsWriteService(deps: Deps) {
  const { database, audit, emit } = deps;

  /**
   * Freezes the working copy into the next version (or, for an archived asset whose copy equals its current
   * version, publishes that version again), restarts the review clock and tells the followers.
   */
  async function publishIn(tx: Tx, ctx: TenantContext, asset: AssetRow, changeNote: string | null) {
    const current = asset.currentVersion ? await repo.version(tx, ctx.workspaceId, asset.id, asset.currentVersion) : undefined;
    const unchanged = !!current && current.title === asset.title && current.body === asset.body;
    if (unchanged && asset.status === 'published') throw E.nothingToPublish(current.number);
    const number = unchanged ? current.number : (asset.currentVersion ?? 0) + 1;
    const now = new Date();
    if (!unchanged) {
      await repo.insertVersion(tx, {
        workspaceId: ctx.workspaceId,
        assetId: asset.id,
        number,
        title: asset.title,
        body: asset.body,
        changeNote,
        publishedByUserId: ctx.actor.userId,
        publishedAt: now,
      });
    }
    const days = (await reviewDaysByType(tx, ctx.workspaceId)).reviewDays[asset.type];
    const updated = await repo.updateAsset(tx, ctx.workspaceId, asset.id, {
      status: 'published',
      currentVersion: number,
      publishedAt: now,
      reviewBy: addDays(todayIso(now), days),
      reviewRemindedOn: null,
      archivedAt: null,
    });
    const recipients = unchanged ? [] : (await repo.followerIds(tx, ctx.workspaceId, asset.id)).filter((id) => id !== ctx.actor.userId);
    if (!unchanged) {
      // Emitted even when nobody follows: Slack channels and webhooks still hear of the new version.
      await emit(tx, {
        workspaceId: ctx.workspaceId,
        type: 'asset.version_published',
        payload: {
          assetId: asset.id,
          title: asset.title,
          assetType: asset.type,
          version: number,
          changeNote,
          publishedBy: { userId: ctx.actor.userId, name: ctx.actor.name },
          recipientUserIds: recipients,
        },
        actorUserId: ctx.actor.userId,
      });
    }
    await audit(tx, ctx.workspaceId, ctx.actor, {
      action: unchanged ? 'asset.republished' : 'asset.published',
      targetType: 'asset',
      targetId: asset.id,
      targetLabel: asset.title,
      details: { version: number, reviewBy: updated.reviewBy, notified: recipients.length, ...(changeNote ? { changeNote } : {}) },
    });
    return { asset: updated, version: number, notified: recipients.length };
  }

  return {
    async create(ctx: TenantContext, body: CreateAssetRequest): Promise<CreateAssetResponse> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const ownerUserId = body.ownerUserId ?? ctx.actor.userId;
        if (body.ownerUserId) await checkOwner(tx, ctx, 'body.ownerUserId', body.ownerUserId);
        const tags = await tagColumns(tx, ctx, body.tags);
        let asset = await repo.insertAsset(tx, {
          workspaceId: ctx.workspaceId,
          title: body.title,
          type: body.type,
          body: body.body,
          ownerUserId,
          createdByUserId: ctx.actor.userId,
          ...tags,
        });
        await audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'asset.created',
          targetType: 'asset',
          targetId: asset.id,
          targetLabel: asset.title,
          details: { type: asset.type, status: body.status },
        });
        let version: number | null = null;
        let notified = 0;
        if (body.status === 'published') ({ asset, version, notified } = await publishIn(tx, ctx, asset, body.changeNote || null));
        return { asset: await assetDetail(tx, ctx, asset), version, notified };
      });
    },

    async update(ctx: TenantContext, assetId: string, body: UpdateAssetRequest): Promise<AssetDetail> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const asset = await visibleAsset(tx, ctx, assetId, true);
        if (body.ownerUserId) await checkOwner(tx, ctx, 'body.ownerUserId', body.ownerUserId);
        const updated = await repo.updateAsset(tx, ctx.workspaceId, assetId, {
          ...(body.title !== undefined ? { title: body.title } : {}),
          ...(body.type !== undefined ? { type: body.type } : {}),
          ...(body.body !== undefined ? { body: body.body } : {}),
          ...(body.ownerUserId !== undefined ? { ownerUserId: body.ownerUserId } : {}),
          ...(body.tags !== undefined ? await tagColumns(tx, ctx, body.tags, asset) : {}),
        });
        await audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'asset.updated',
          targetType: 'asset',
          targetId: assetId,
          targetLabel: updated.title,
          details: {
            fields: Object.keys(body),
            ...(body.title !== undefined && body.title !== asset.title ? { renamedFrom: asset.title } : {}),
            ...(body.ownerUserId && body.ownerUserId !== asset.ownerUserId ? { ownerFrom: asset.ownerUserId, ownerTo: body.ownerUserId } : {}),
          },
        });
        return assetDetail(tx, ctx, updated);
      });
    },

    async publish(ctx: TenantContext, assetId: string, changeNote: string | undefined): Promise<PublishAssetResponse> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const asset = await visibleAsset(tx, ctx, assetId, true);
        const out = await publishIn(tx, ctx, asset, changeNote || null);
        return { asset: await assetDetail(tx, ctx, out.asset), version: out.version, notified: out.notified };
      });
    },

    async archive(ctx: TenantContext, assetId: string): Promise<AssetDetail> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const asset = await visibleAsset(tx, ctx, assetId, true);
        if (asset.status === 'archived') throw E.alreadyArchived();
        const updated = await repo.updateAsset(tx, ctx.workspaceId, assetId, { status: 'archived', archivedAt: new Date() });
        await audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'asset.archived',
          targetType: 'asset',
          targetId: assetId,
          targetLabel: asset.title,
          details: { from: asset.status },
        });
        return assetDetail(tx, ctx, updated);
      });
    },

    /** "Still right": the review date moves to today plus the type's period, and who checked is recorded. */
    async verify(ctx: TenantContext, assetId: string, today = todayIso()): Promise<AssetDetail> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const asset = await visibleAsset(tx, ctx, assetId, true);
        if (asset.status !== 'published') throw E.verifyNotPublished(asset.status);
        const days = (await reviewDaysByType(tx, ctx.workspaceId)).reviewDays[asset.type];
        const updated = await repo.updateAsset(tx, ctx.workspaceId, assetId, {
          reviewBy: addDays(today, days),
          verifiedAt: new Date(),
          verifiedByUserId: ctx.actor.userId,
          reviewRemindedOn: null,
        });
        await audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'asset.verified',
          targetType: 'asset',
          targetId: assetId,
          targetLabel: asset.title,
          details: { reviewByWas: asset.reviewBy, reviewBy: updated.reviewBy },
        });
        return assetDetail(tx, ctx, updated);
      });
    },
  };
}

export type AssetsWriteService = ReturnType<typeof createAssetsWriteService>;
