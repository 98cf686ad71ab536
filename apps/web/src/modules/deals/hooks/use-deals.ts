import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PutExchangeRatesRequest, PutStageMappingRequest } from '@tandem/contracts';
import * as dealsEndpoints from '@tandem/contracts/web-endpoints/deals';
import { call } from '../../../app/api/client.ts';
import { dealsApi } from './deal-requests.ts';
import { dealsKeys, type DealFilterParams, type DealSort } from './deals.keys.ts';

const params = (slug: string) => ({ workspace: slug });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The API refuses a malformed id with 400; the pages treat it as "not found" without asking. */
export const isUuid = (id: string | undefined): id is string => !!id && UUID.test(id);

export const DEALS_PAGE_SIZE = 50;

export function useDealPages(slug: string, filters: DealFilterParams, sort: DealSort, enabled = true) {
  return useInfiniteQuery({
    queryKey: dealsKeys.list(slug, filters, sort),
    queryFn: ({ pageParam }) => dealsApi.list(slug, filters, { sort, cursor: pageParam ?? undefined, limit: DEALS_PAGE_SIZE }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // Switched off (a wrong close date range), the list shows why rather than the last answer.
    placeholderData: enabled ? keepPreviousData : undefined,
    enabled,
  });
}

export function useDealSummary(slug: string, filters: DealFilterParams, enabled = true) {
  return useQuery({
    queryKey: dealsKeys.summary(slug, filters),
    queryFn: () => call(dealsEndpoints.summary, { params: params(slug), query: filters }),
    placeholderData: enabled ? keepPreviousData : undefined,
    enabled,
  });
}

export function useDeal(slug: string, dealId: string | undefined) {
  return useQuery({
    queryKey: dealsKeys.deal(slug, dealId),
    queryFn: () => call(dealsEndpoints.get, { params: { workspace: slug, dealId: dealId! } }),
    enabled: isUuid(dealId),
  });
}

export function useAccount(slug: string, accountId: string | undefined) {
  return useQuery({
    queryKey: dealsKeys.account(slug, accountId),
    queryFn: () => call(dealsEndpoints.account, { params: { workspace: slug, accountId: accountId! } }),
    enabled: isUuid(accountId),
  });
}

/**
 * Account segments to offer in the filter. There is no segment list in the API, so
 * this reads the first 200 accounts; any other segment can still be typed.
 */
export function useSegments(slug: string) {
  return useQuery({
    queryKey: dealsKeys.segments(slug),
    queryFn: async () => {
      const { items } = await dealsApi.accounts(slug, { limit: 200 });
      const segments = new Set(items.map((a) => a.segment).filter((s): s is string => !!s));
      return [...segments].sort((a, b) => a.localeCompare(b));
    },
    staleTime: 5 * 60_000,
  });
}

export function useStageMapping(slug: string) {
  return useQuery({ queryKey: dealsKeys.stages(slug), queryFn: () => call(dealsEndpoints.stageMapping, { params: params(slug) }) });
}

export function useExchangeRates(slug: string) {
  return useQuery({ queryKey: dealsKeys.rates(slug), queryFn: () => call(dealsEndpoints.exchangeRates, { params: params(slug) }) });
}

/** Every deal query but the settings: what a settings change recomputes. */
const notSettings = (slug: string) => ({ queryKey: dealsKeys.all(slug), predicate: (q: { queryKey: readonly unknown[] }) => q.queryKey[3] !== 'settings' });

/**
 * Saves the stage mapping. The deals it recategorized are refetched before the save settles; the
 * saved mapping goes into the cache last, as the editor takes it (its rows and the cache agree then).
 */
export function useSaveStageMapping(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutStageMappingRequest) => call(dealsEndpoints.putStageMapping, { params: params(slug), body }),
    onSuccess: async ({ items, unknownStages }) => {
      await queryClient.invalidateQueries(notSettings(slug));
      queryClient.setQueryData(dealsKeys.stages(slug), { items, unknownStages });
    },
  });
}

/** Saves the exchange rates; the deals whose base amounts changed are refetched before the save settles. */
export function useSaveExchangeRates(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutExchangeRatesRequest) => call(dealsEndpoints.putExchangeRates, { params: params(slug), body }),
    onSuccess: async ({ baseCurrency, items }) => {
      await queryClient.invalidateQueries(notSettings(slug));
      queryClient.setQueryData(dealsKeys.rates(slug), { baseCurrency, items });
    },
  });
}
