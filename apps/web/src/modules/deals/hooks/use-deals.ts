import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { wsKey } from '../../../app/workspace-context.tsx';
import { dealsApi, type DealFilterParams, type DealSort } from '../api/deals.api.ts';

/** Every deal query of a workspace starts with this: settings changes invalidate them all at once. */
export const dealsKey = (slug: string) => wsKey(slug, 'deals');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The API refuses a malformed id with 400; the pages treat it as "not found" without asking. */
export const isUuid = (id: string | undefined): id is string => !!id && UUID.test(id);

export const DEALS_PAGE_SIZE = 50;

export function useDealPages(slug: string, filters: DealFilterParams, sort: DealSort, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...dealsKey(slug), 'list', filters, sort],
    queryFn: ({ pageParam }) => dealsApi.list(slug, filters, { sort, cursor: pageParam ?? undefined, limit: DEALS_PAGE_SIZE }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useDealSummary(slug: string, filters: DealFilterParams, enabled = true) {
  return useQuery({
    queryKey: [...dealsKey(slug), 'summary', filters],
    queryFn: () => dealsApi.summary(slug, filters),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useDeal(slug: string, dealId: string | undefined) {
  return useQuery({
    queryKey: [...dealsKey(slug), 'deal', dealId],
    queryFn: () => dealsApi.get(slug, dealId!),
    enabled: isUuid(dealId),
  });
}

export function useAccount(slug: string, accountId: string | undefined) {
  return useQuery({
    queryKey: [...dealsKey(slug), 'account', accountId],
    queryFn: () => dealsApi.account(slug, accountId!),
    enabled: isUuid(accountId),
  });
}

/**
 * Account segments to offer in the filter. There is no segment list in the API, so
 * this reads the first 200 accounts; any other segment can still be typed.
 */
export function useSegments(slug: string) {
  return useQuery({
    queryKey: [...dealsKey(slug), 'segments'],
    queryFn: async () => {
      const { items } = await dealsApi.accounts(slug, { limit: 200 });
      const segments = new Set(items.map((a) => a.segment).filter((s): s is string => !!s));
      return [...segments].sort((a, b) => a.localeCompare(b));
    },
    staleTime: 5 * 60_000,
  });
}

export function useStageMapping(slug: string) {
  return useQuery({ queryKey: [...dealsKey(slug), 'settings', 'stages'], queryFn: () => dealsApi.stageMapping(slug) });
}

export function useExchangeRates(slug: string) {
  return useQuery({ queryKey: [...dealsKey(slug), 'settings', 'rates'], queryFn: () => dealsApi.exchangeRates(slug) });
}
