import { z } from 'zod';
import { Uuid } from '../common.ts';
import { AssetStatus, AssetSummary, AssetType } from './common.ts';

/**
 * Schemas of the library's search feature: the ranked, faceted asset search (`GET …/assets?q=…`) and the assets
 * that fit one deal ("for this deal"). Highlights are plain text cut into segments, never HTML: the web app wraps
 * the matching segments in `<mark>`.
 */

const OneOrMany = <T extends z.ZodType>(t: T) => z.union([t, z.array(t).max(50)]).optional();
const Tag = z.string().trim().min(1).max(80);
/** "true"/"false" as a query string carries them. */
const QueryBool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ASSET_SEARCH_SORTS = ['relevance', 'updated'] as const;
export const AssetSearchSort = z.enum(ASSET_SEARCH_SORTS);
export type AssetSearchSort = z.infer<typeof AssetSearchSort>;

export const AssetSearchQuery = z.object({
  q: z.string().trim().max(200).optional().describe('Words to find: the last one may be unfinished; misspellings in titles are forgiven'),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(24),
  sort: AssetSearchSort.optional().describe('Default: relevance when q is given, else the most recently updated first'),
  type: OneOrMany(AssetType),
  status: OneOrMany(AssetStatus).describe('Default draft and published; people who cannot edit the library only ever see published'),
  products: OneOrMany(Tag),
  segments: OneOrMany(Tag),
  personas: OneOrMany(Tag),
  competitors: OneOrMany(Uuid).describe('Competitor ids'),
  stages: OneOrMany(Tag),
  regions: OneOrMany(Tag),
  owner: z.union([Uuid, z.literal('me')]).optional().describe("The owner's user id, or me"),
  overdue: QueryBool.optional().describe('true: only published assets past their review date'),
});
export type AssetSearchQuery = z.infer<typeof AssetSearchQuery>;
export type AssetSearchFilters = Omit<z.input<typeof AssetSearchQuery>, 'cursor' | 'limit'>;

/** A run of text, matching the query or not; the segments of a text joined give the text back. */
export const TextSegment = z.object({ text: z.string(), match: z.boolean() });
export type TextSegment = z.infer<typeof TextSegment>;

export const AssetSearchHit = AssetSummary.extend({
  highlight: z.object({
    title: z.array(TextSegment).describe('The title, cut where the query matches'),
    excerpt: z.array(TextSegment).describe('A plain-text passage of the body around the first match (the opening when the body has none)'),
  }),
  /** How well the asset matches the query (higher is better); null without a query. */
  score: z.number().nullable(),
});
export type AssetSearchHit = z.infer<typeof AssetSearchHit>;

export const FacetValue = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export type FacetValue = z.infer<typeof FacetValue>;

/** For each facet, its values and how many results each would give with the other filters as they are. */
export const AssetSearchFacets = z.object({
  type: z.array(FacetValue),
  products: z.array(FacetValue),
  segments: z.array(FacetValue),
  personas: z.array(FacetValue),
  competitors: z.array(FacetValue),
  stages: z.array(FacetValue),
  regions: z.array(FacetValue),
});
export type AssetSearchFacets = z.infer<typeof AssetSearchFacets>;
export const SEARCH_FACETS = ['type', 'products', 'segments', 'personas', 'competitors', 'stages', 'regions'] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

export const AssetSearchResult = z.object({
  items: z.array(AssetSearchHit),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
  facets: AssetSearchFacets.nullable().describe('On the first page only (null on the pages a cursor opens: the first page’s counts hold)'),
});
export type AssetSearchResult = z.infer<typeof AssetSearchResult>;

// For this deal

export const DEAL_MATCH_FACETS = ['competitor', 'stage', 'product', 'segment', 'region'] as const;
export const DealMatchFacet = z.enum(DEAL_MATCH_FACETS);
export type DealMatchFacet = z.infer<typeof DealMatchFacet>;
export const DEAL_MATCH_LABELS: Record<DealMatchFacet, string> = {
  competitor: 'Competitor',
  stage: 'Stage',
  product: 'Product',
  segment: 'Segment',
  region: 'Region',
};

export const DealAssetMatch = z.object({ facet: DealMatchFacet, values: z.array(z.string()).min(1) });
export type DealAssetMatch = z.infer<typeof DealAssetMatch>;

export const DealAsset = z.object({
  asset: AssetSummary,
  /** Why it fits, heaviest first (competitor and stage weigh most). */
  matches: z.array(DealAssetMatch),
  /** "Competitor: Snowflake · Stage: Proposal". */
  why: z.string(),
  score: z.number(),
});
export type DealAsset = z.infer<typeof DealAsset>;

export const DealAssetsQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) });
export type DealAssetsQuery = z.infer<typeof DealAssetsQuery>;

export const DealAssets = z.object({
  items: z.array(DealAsset),
  /** What of the deal was matched against, so the panel can say it. */
  deal: z.object({
    id: Uuid,
    name: z.string(),
    stage: z.string(),
    segment: z.string().nullable(),
    region: z.string().nullable(),
    products: z.array(z.string()),
    competitors: z.array(z.object({ name: z.string(), competitorId: Uuid.nullable() })),
  }),
});
export type DealAssets = z.infer<typeof DealAssets>;
