import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { AssetSearchSort, AssetStatus, AssetType } from '@tandem/contracts';
import * as libraryEndpoints from '@tandem/contracts/web-endpoints/library';
import { call } from '../../../app/api/client.ts';
import { libraryKeys } from './library.keys.ts';

/** What the library page searches with, in the API's names (the address bar holds the same). */
export interface AssetSearchParams {
  q?: string;
  sort?: AssetSearchSort;
  type?: AssetType[];
  status?: AssetStatus[];
  products?: string[];
  segments?: string[];
  personas?: string[];
  competitors?: string[];
  stages?: string[];
  regions?: string[];
  owner?: string;
  overdue?: boolean;
}

export const SEARCH_PAGE_SIZE = 24;

/** Ranked results page by page; the last answer stays on screen while the next query (a keystroke later) runs. */
export function useAssetSearch(slug: string, params: AssetSearchParams) {
  const { overdue, ...rest } = params;
  const query = { ...rest, ...(overdue ? { overdue: 'true' as const } : {}) };
  return useInfiniteQuery({
    queryKey: [...libraryKeys.search(slug), query],
    queryFn: ({ pageParam, signal }) =>
      call(libraryEndpoints.searchAssets, { params: { workspace: slug }, query: { ...query, limit: SEARCH_PAGE_SIZE, cursor: pageParam ?? undefined } }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** The published assets that fit a deal, best first, with why. */
export function useDealAssets(slug: string, dealId: string) {
  return useQuery({
    queryKey: libraryKeys.forDeal(slug, dealId),
    queryFn: () => call(libraryEndpoints.searchForDeal, { params: { workspace: slug, dealId }, query: { limit: 8 } }),
  });
}

/** A short search from a deal page's panel: the first few ranked results, once the words are there. */
export function useQuickAssetSearch(slug: string, q: string, limit = 8) {
  const words = q.trim();
  return useQuery({
    queryKey: [...libraryKeys.search(slug), 'quick', words, limit],
    queryFn: ({ signal }) => call(libraryEndpoints.searchAssets, { params: { workspace: slug }, query: { q: words, limit } }, { signal }),
    enabled: words.length >= 2,
    placeholderData: keepPreviousData,
  });
}
