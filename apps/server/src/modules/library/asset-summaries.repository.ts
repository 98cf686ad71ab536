import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { AssetSummary } from '@tandem/contracts';
import type { DbOrTx } from '../../db/database.ts';
import { users } from '../workspaces/tables.ts';
import { excerptOf, freshnessState, todayIso } from './summary-parts.ts';
import { assetFiles, assets, assetVersions, competitors } from './tables.ts';

export interface SummaryOptions {
  /**
   * Readers who cannot edit see a published asset as its current version says (title and excerpt), never the
   * working copy a PMM is still editing.
   */
  publishedView: boolean;
  today?: string;
  /** When given, filled with each asset's whole body as the reader sees it (search cuts its highlighted passage from it). */
  bodies?: Map<string, string>;
}

/**
 * Assets as lists, search results, "for this deal", reports and competitor pages show them, in the order of `ids`
 * (ids not found in the workspace are left out). One query whatever the number of ids.
 */
export async function loadAssetSummaries(db: DbOrTx, workspaceId: string, ids: readonly string[], opts: SummaryOptions): Promise<AssetSummary[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const today = opts.today ?? todayIso();
  // One statement whatever the number of ids (lists, search and competitor pages call this on every read): the
  // asset with its current version, its competitors' names, its owner's and verifier's names, and its files.
  const live = and(eq(assetFiles.workspaceId, assets.workspaceId), eq(assetFiles.assetId, assets.id), isNull(assetFiles.removedAt));
  const rows = await db
    .select({
      id: assets.id,
      title: assets.title,
      type: assets.type,
      status: assets.status,
      body: assets.body,
      ownerUserId: assets.ownerUserId,
      products: assets.products,
      segments: assets.segments,
      personas: assets.personas,
      stages: assets.stages,
      regions: assets.regions,
      currentVersion: assets.currentVersion,
      publishedAt: assets.publishedAt,
      updatedAt: assets.updatedAt,
      reviewBy: assets.reviewBy,
      verifiedAt: assets.verifiedAt,
      verifiedByUserId: assets.verifiedByUserId,
      versionTitle: assetVersions.title,
      versionBody: assetVersions.body,
      competitors: sql<{ id: string; name: string }[]>`coalesce((select json_agg(json_build_object('id', ${competitors.id}, 'name', ${competitors.name}))
        from ${competitors} where ${competitors.workspaceId} = ${assets.workspaceId} and ${competitors.id} = any(${assets.competitorIds})), '[]'::json)`,
      ownerName: sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${assets.ownerUserId})`,
      verifiedByName: sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${assets.verifiedByUserId})`,
      fileCount: sql<number>`(select count(*)::int from ${assetFiles} where ${live})`,
      thumbnailFileId: sql<string | null>`(select ${assetFiles.id} from ${assetFiles} where ${live} and ${assetFiles.thumbnailKey} is not null
        order by ${assetFiles.uploadedAt} limit 1)`,
    })
    .from(assets)
    .leftJoin(
      assetVersions,
      and(eq(assetVersions.workspaceId, assets.workspaceId), eq(assetVersions.assetId, assets.id), eq(assetVersions.number, assets.currentVersion)),
    )
    .where(and(eq(assets.workspaceId, workspaceId), inArray(assets.id, unique)));

  const byId = new Map(rows.map((r) => [r.id, r]));

  const out: AssetSummary[] = [];
  for (const id of unique) {
    const r = byId.get(id);
    if (!r) continue;
    const asPublished = opts.publishedView && r.versionTitle !== null;
    opts.bodies?.set(r.id, asPublished ? r.versionBody! : r.body);
    out.push({
      id: r.id,
      title: asPublished ? r.versionTitle! : r.title,
      type: r.type,
      status: r.status,
      owner: r.ownerUserId ? { userId: r.ownerUserId, name: r.ownerName ?? 'Former member' } : null,
      tags: {
        products: r.products,
        segments: r.segments,
        personas: r.personas,
        competitors: [...r.competitors].sort((a, b) => a.name.localeCompare(b.name)),
        stages: r.stages,
        regions: r.regions,
      },
      currentVersion: r.currentVersion,
      publishedAt: r.publishedAt?.toISOString() ?? null,
      updatedAt: r.updatedAt.toISOString(),
      freshness: {
        state: freshnessState(r.status, r.reviewBy, today),
        reviewBy: r.reviewBy,
        verifiedAt: r.verifiedAt?.toISOString() ?? null,
        verifiedBy: r.verifiedByUserId ? { userId: r.verifiedByUserId, name: r.verifiedByName ?? 'Former member' } : null,
      },
      excerpt: excerptOf(asPublished ? r.versionBody! : r.body),
      fileCount: r.fileCount,
      thumbnailFileId: r.thumbnailFileId,
    });
  }
  return out;
}

/** Ids of the published assets that are past their review date (for reports and reminders). */
export async function overdueAssetIds(db: DbOrTx, workspaceId: string, today = todayIso()): Promise<string[]> {
  const rows = await db
    .select({ id: assets.id })
    .from(assets)
    .where(and(eq(assets.workspaceId, workspaceId), eq(assets.status, 'published'), isNotNull(assets.reviewBy), sql`${assets.reviewBy} < ${today}`))
    .orderBy(asc(assets.reviewBy));
  return rows.map((r) => r.id);
}
