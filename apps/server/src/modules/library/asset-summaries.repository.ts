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
 * (ids not found in the workspace are left out). Four queries at most whatever the number of ids.
 */
export async function loadAssetSummaries(db: DbOrTx, workspaceId: string, ids: readonly string[], opts: SummaryOptions): Promise<AssetSummary[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const today = opts.today ?? todayIso();
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
      competitorIds: assets.competitorIds,
      currentVersion: assets.currentVersion,
      publishedAt: assets.publishedAt,
      updatedAt: assets.updatedAt,
      reviewBy: assets.reviewBy,
      verifiedAt: assets.verifiedAt,
      verifiedByUserId: assets.verifiedByUserId,
      versionTitle: assetVersions.title,
      versionBody: assetVersions.body,
    })
    .from(assets)
    .leftJoin(
      assetVersions,
      and(eq(assetVersions.workspaceId, assets.workspaceId), eq(assetVersions.assetId, assets.id), eq(assetVersions.number, assets.currentVersion)),
    )
    .where(and(eq(assets.workspaceId, workspaceId), inArray(assets.id, unique)));

  const competitorIds = [...new Set(rows.flatMap((r) => r.competitorIds))];
  const personIds = [...new Set(rows.flatMap((r) => [r.ownerUserId, r.verifiedByUserId]).filter((x): x is string => !!x))];
  // One after the other: `db` may be one connection (a transaction), which runs one statement at a time anyway.
  const competitorRows = competitorIds.length
    ? await db
        .select({ id: competitors.id, name: competitors.name })
        .from(competitors)
        .where(and(eq(competitors.workspaceId, workspaceId), inArray(competitors.id, competitorIds)))
    : [];
  const people = personIds.length ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, personIds)) : [];
  const files = await db
    .select({
      assetId: assetFiles.assetId,
      count: sql<number>`count(*)::int`,
      thumbnailFileId: sql<string | null>`(array_agg(${assetFiles.id} order by ${assetFiles.uploadedAt}) filter (where ${assetFiles.thumbnailKey} is not null))[1]`,
    })
    .from(assetFiles)
    .where(and(eq(assetFiles.workspaceId, workspaceId), inArray(assetFiles.assetId, unique), isNull(assetFiles.removedAt)))
    .groupBy(assetFiles.assetId);
  const competitorName = new Map(competitorRows.map((c) => [c.id, c.name]));
  const personName = new Map(people.map((p) => [p.id, p.name]));
  const fileInfo = new Map(files.map((f) => [f.assetId, f]));
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
      owner: r.ownerUserId ? { userId: r.ownerUserId, name: personName.get(r.ownerUserId) ?? 'Former member' } : null,
      tags: {
        products: r.products,
        segments: r.segments,
        personas: r.personas,
        competitors: r.competitorIds
          .filter((c) => competitorName.has(c))
          .map((c) => ({ id: c, name: competitorName.get(c)! }))
          .sort((a, b) => a.name.localeCompare(b.name)),
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
        verifiedBy: r.verifiedByUserId ? { userId: r.verifiedByUserId, name: personName.get(r.verifiedByUserId) ?? 'Former member' } : null,
      },
      excerpt: excerptOf(asPublished ? r.versionBody! : r.body),
      fileCount: fileInfo.get(r.id)?.count ?? 0,
      thumbnailFileId: fileInfo.get(r.id)?.thumbnailFileId ?? null,
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
