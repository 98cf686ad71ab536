import type { DealAssetMatch, DealMatchFacet } from '@tandem/contracts';
import type { DealAssetRow } from './for-deal.repository.ts';

/**
 * How much each kind of match counts for "for this deal": a battlecard against the deal's competitor and the
 * material for the stage it is in matter most; product, segment and region narrow it down.
 */
export const DEAL_MATCH_WEIGHTS: Record<DealMatchFacet, number> = { competitor: 5, stage: 3, product: 2, segment: 1, region: 1 };

export interface RankedDealAsset {
  id: string;
  matches: DealAssetMatch[];
  score: number;
  overdue: boolean;
}

/**
 * Ranks assets by the weight of the facets they match (each facet once, however many values); at equal weight
 * an asset that is not overdue comes first, then the most recently updated.
 */
export function rankDealAssets(rows: DealAssetRow[], today: string): RankedDealAsset[] {
  const ranked = rows.map((r) => {
    const found: [DealMatchFacet, string[]][] = [
      ['competitor', r.competitors],
      ['stage', r.stages],
      ['product', r.products],
      ['segment', r.segments],
      ['region', r.regions],
    ];
    const matches = found.filter(([, values]) => values.length > 0).map(([facet, values]) => ({ facet, values: [...new Set(values)] }));
    const score = matches.reduce((s, m) => s + DEAL_MATCH_WEIGHTS[m.facet], 0);
    return { id: r.id, matches, score, overdue: r.reviewBy !== null && r.reviewBy < today, updatedAt: r.updatedAt };
  });
  ranked.sort((a, b) => b.score - a.score || Number(a.overdue) - Number(b.overdue) || b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
  return ranked.map(({ id, matches, score, overdue }) => ({ id, matches, score, overdue }));
}
