import type { AssetSearchFacets, AssetSearchQuery, AssetSearchResult, AssetStatus, DealAssets, DealAssetsQuery, FacetValue } from '@tandem/contracts';
import { can, DEAL_MATCH_LABELS, SEARCH_FACETS } from '@tandem/contracts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { decodeCursor, encodeCursor, invalidCursor } from '../../../lib/pagination.ts';
import { loadAssetSummaries, todayIso } from '../asset-summaries.ts';
import { LibraryErrors as E } from '../library.errors.ts';
import { rankDealAssets } from './deal-ranking.ts';
import { forDealRepository } from './for-deal.repository.ts';
import { searchRepository as repo, type SearchCursor, type SearchFilter } from './search.repository.ts';
import { excerptSegments, parseQuery, segmentsOf } from './search-text.ts';

/** A repeatable query parameter (`?type=a&type=b`) as a list. */
const many = <T>(x: T | T[] | undefined): T[] | undefined => (x === undefined ? undefined : Array.isArray(x) ? x : [x]);
const NOBODY = '00000000-0000-0000-0000-000000000000';

/** Readers who cannot edit the library see published material only, whatever they ask for. */
function statusesFor(ctx: TenantContext, asked: AssetStatus[] | undefined): AssetStatus[] {
  if (!can(ctx.role, 'library.write')) return ['published'];
  return asked?.length ? asked : ['draft', 'published'];
}

function filterOf(ctx: TenantContext, q: AssetSearchQuery): SearchFilter {
  return {
    statuses: statusesFor(ctx, many(q.status)),
    types: many(q.type),
    tags: { products: many(q.products), segments: many(q.segments), personas: many(q.personas), stages: many(q.stages), regions: many(q.regions) },
    competitorIds: many(q.competitors),
    ownerUserId: q.owner === 'me' ? (ctx.actor.userId ?? NOBODY) : q.owner,
    overdue: q.overdue,
    today: todayIso(),
  };
}

/** The cursor names the order it was made for, so a cursor of one order is never read as the other. */
function readCursor(cursor: string | undefined, sort: 'relevance' | 'updated'): SearchCursor | undefined {
  const key = decodeCursor(cursor, 3);
  if (!key) return undefined;
  const [kind, value, id] = key as [string, string, string];
  if (kind === 'r' && sort === 'relevance' && /^-?\d+(\.\d+)?$/.test(value)) return { sort, score: value, id };
  if (kind === 'u' && sort === 'updated' && !Number.isNaN(Date.parse(value))) return { sort, updatedAt: value, id };
  invalidCursor();
}

function facetsOf(rows: { facet: string; value: string; label: string; count: number }[]): AssetSearchFacets {
  const out = Object.fromEntries(SEARCH_FACETS.map((f) => [f, [] as FacetValue[]])) as AssetSearchFacets;
  for (const r of rows) out[r.facet as keyof AssetSearchFacets].push({ value: r.value, label: r.label, count: r.count });
  return out;
}

export function createSearchService(deps: Deps) {
  const { database } = deps;

  return {
    async search(ctx: TenantContext, q: AssetSearchQuery): Promise<AssetSearchResult> {
      const text = parseQuery(q.q);
      const sort = q.sort ?? (text ? 'relevance' : 'updated');
      if (sort === 'relevance' && !text) throw E.invalidField('query.sort', 'relevance needs words to search for (q)');
      const after = readCursor(q.cursor, sort);
      const filter = filterOf(ctx, q);
      const publishedView = !can(ctx.role, 'library.write');
      return database.withTenant(ctx.workspaceId, async (tx) => {
        if (text) await repo.useTitleThreshold(tx);
        const found = await repo.search(tx, ctx.workspaceId, text, filter, { sort, limit: q.limit, after, facets: !q.cursor });
        const pageRows = found.rows.slice(0, q.limit);
        const ids = pageRows.map((r) => r.id);
        const [summaries, bodies] = await Promise.all([
          loadAssetSummaries(tx, ctx.workspaceId, ids, { publishedView, today: filter.today }),
          repo.bodies(tx, ctx.workspaceId, ids, publishedView),
        ]);
        const words = text?.words ?? [];
        const scoreOf = new Map(pageRows.map((r) => [r.id, r.score]));
        const last = pageRows[pageRows.length - 1];
        const more = found.rows.length > q.limit && last;
        return {
          items: summaries.map((s) => ({
            ...s,
            highlight: { title: segmentsOf(s.title, words), excerpt: excerptSegments(bodies.get(s.id) ?? '', words) },
            score: scoreOf.get(s.id) != null ? Number(scoreOf.get(s.id)) : null,
          })),
          nextCursor: more ? encodeCursor(sort === 'relevance' ? ['r', last.score!, last.id] : ['u', last.updatedAt, last.id]) : null,
          total: found.total,
          facets: found.facets ? facetsOf(found.facets) : null,
        };
      });
    },

    async forDeal(ctx: TenantContext, dealId: string, q: DealAssetsQuery): Promise<DealAssets> {
      return database.readTenant(ctx.workspaceId, async (db) => {
        const deal = await forDealRepository.dealFacts(db, ctx.workspaceId, dealId);
        if (!deal) throw E.searchDealNotFound(dealId);
        const today = todayIso();
        const ranked = rankDealAssets(await forDealRepository.matchingAssets(db, ctx.workspaceId, deal), today).slice(0, q.limit);
        const summaries = await loadAssetSummaries(
          db,
          ctx.workspaceId,
          ranked.map((r) => r.id),
          { publishedView: true, today },
        );
        const byId = new Map(summaries.map((s) => [s.id, s]));
        return {
          items: ranked
            .filter((r) => byId.has(r.id))
            .map((r) => ({
              asset: byId.get(r.id)!,
              matches: r.matches,
              why: r.matches.map((m) => `${DEAL_MATCH_LABELS[m.facet]}: ${m.values.join(', ')}`).join(' · '),
              score: r.score,
            })),
          deal: {
            id: deal.id,
            name: deal.name,
            stage: deal.stage,
            segment: deal.segment,
            region: deal.region,
            products: deal.products,
            competitors: deal.competitors.map((c) => ({ name: c.competitorName ?? c.name, competitorId: c.competitorId })),
          },
        };
      });
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
