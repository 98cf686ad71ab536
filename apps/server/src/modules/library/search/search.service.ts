import type { AssetSearchFacets, AssetSearchQuery, AssetSearchResult, AssetStatus, DealAssets, DealAssetsQuery, FacetValue } from '@tandem/contracts';
import { can, DEAL_MATCH_LABELS, SEARCH_FACETS } from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { decodeCursor, encodeCursor, invalidCursor } from '../../../lib/pagination.ts';
import { loadAssetSummaries, todayIso } from '../asset-summaries.ts';
import { LibraryErrors as E } from '../library.errors.ts';
import { rankDealAssets } from './deal-ranking.ts';
import { forDealRepository } from './for-deal.repository.ts';
import { CountsCache } from './facet-cache.ts';
import { searchRepository as repo, TYPO_BELOW, type FacetCount, type SearchCursor, type SearchFilter } from './search.repository.ts';
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

function facetsOf(rows: FacetCount[], competitorNames: Map<string, string>): AssetSearchFacets {
  const out = Object.fromEntries(SEARCH_FACETS.map((f) => [f, [] as FacetValue[]])) as AssetSearchFacets;
  for (const r of rows) {
    const label = r.facet === 'competitors' ? competitorNames.get(r.value) : r.value;
    if (label !== undefined) out[r.facet].push({ value: r.value, label, count: r.count });
  }
  return out;
}

const counted = new CountsCache<{ total: number; facets: FacetCount[] }>();
/** The same for searches with words: total and facet counts per query and filter set, until the library changes. */
const searched = new CountsCache<{ total: number; facets: FacetCount[]; matched: number }>();

/**
 * A search without words: the page from the index, total and facets from the counts kept since the last change (the
 * stamp that tells brings the competitors' names for the facets).
 */
async function browse(db: DbOrTx, workspaceId: string, filter: SearchFilter, page: { limit: number; after?: SearchCursor; facets: boolean }) {
  const key = JSON.stringify([workspaceId, filter]);
  const rows = await repo.browse(db, workspaceId, filter, page);
  const { stamp, names } = await repo.stamp(db, workspaceId, { names: page.facets });
  let counts = counted.get(key, stamp);
  if (!counts) {
    counts = await repo.counts(db, workspaceId, filter);
    counted.set(key, stamp, counts);
  }
  return { rows, total: counts.total, facets: page.facets ? counts.facets : null, names };
}

/**
 * A search with words. Its total and facet counts are exact and read every candidate (23,000 for a four-letter
 * prefix at 100,000 assets): they are kept per query and filter set until the library changes (one row read by key
 * tells), so paging and a repeated query rank only the page; the first time a query is seen, one statement answers
 * page, total and facets together.
 */
async function searchWords(
  db: DbOrTx,
  workspaceId: string,
  text: NonNullable<ReturnType<typeof parseQuery>>,
  filter: SearchFilter,
  page: { sort: 'relevance' | 'updated'; limit: number; after?: SearchCursor; facets: boolean },
) {
  const key = JSON.stringify([workspaceId, text.tsquery, text.trigram, filter]);
  // One transaction: its settings, the stamp and the facets' competitor names in one round trip, then one statement.
  return db.transaction(async (tx) => {
    const { stamp, names } = await repo.stamp(tx, workspaceId, { settings: true, names: page.facets });
    const known = searched.get(key, stamp);
    if (known) {
      // By relevance, the page from the head's tiers when it fills it (no trigram candidates): not every match read.
      const headed = page.sort === 'relevance' && known.matched >= TYPO_BELOW ? await repo.headPage(tx, workspaceId, text, filter, { ...page, settled: true }) : null;
      const rows = headed ?? (await repo.search(tx, workspaceId, text, filter, { ...page, total: false, facets: false, settled: true })).rows;
      return { rows, total: known.total, facets: page.facets ? known.facets : null, names };
    }
    const found = await repo.search(tx, workspaceId, text, filter, { ...page, total: true, facets: true, settled: true });
    const counts = { total: found.total ?? 0, facets: found.facets ?? [], matched: found.matched ?? 0 };
    searched.set(key, stamp, counts);
    return { rows: found.rows, total: counts.total, facets: page.facets ? counts.facets : null, names };
  });
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
      const run = async (tx: DbOrTx) => {
        const found = text
          ? await searchWords(tx, ctx.workspaceId, text, filter, { sort, limit: q.limit, after, facets: !q.cursor })
          : await browse(tx, ctx.workspaceId, filter, { limit: q.limit, after, facets: !q.cursor });
        const pageRows = found.rows.slice(0, q.limit);
        const ids = pageRows.map((r) => r.id);
        // One statement at a time on the one connection; the bodies to highlight come with the summaries.
        const bodies = new Map<string, string>();
        const summaries = await loadAssetSummaries(tx, ctx.workspaceId, ids, { publishedView, today: filter.today, bodies });
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
          facets: found.facets ? facetsOf(found.facets, found.names) : null,
        };
      };
      return database.readTenant(ctx.workspaceId, run);
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
