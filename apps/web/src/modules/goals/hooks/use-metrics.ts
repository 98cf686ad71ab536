import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { MetricDimension } from '@tandem/contracts';
import * as goalsEndpoints from '@tandem/contracts/web-endpoints/goals';
import { call } from '../../../app/api/client.ts';
import { goalsKeys } from './goals.keys.ts';

/** A metric's filters as the address bar and the API both carry them. */
export interface MetricParams {
  from?: string;
  to?: string;
  segment?: string;
  product?: string;
  owner?: string;
  team?: string;
  competitor?: string;
  groupBy?: MetricDimension;
  byAmount?: boolean;
}

/** The records behind one number: the same filters, the group's key, and which part of the fraction. */
export interface RecordsParams extends MetricParams {
  key?: string;
  part?: 'numerator' | 'denominator';
}

const query = ({ byAmount, ...p }: MetricParams) => ({ ...p, ...(byAmount ? { byAmount: 'true' as const } : {}) });

export function useMetricCatalogue(slug: string) {
  return useQuery({
    queryKey: goalsKeys.catalogue(slug),
    queryFn: () => call(goalsEndpoints.metricList, { params: { workspace: slug } }),
    staleTime: 10 * 60_000,
  });
}

export function useMetric(slug: string, metric: string, params: MetricParams, enabled = true) {
  return useQuery({
    queryKey: goalsKeys.metric(slug, metric, params),
    queryFn: () => call(goalsEndpoints.metric, { params: { workspace: slug, metric }, query: query(params) }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export const RECORDS_PAGE_SIZE = 50;

/** `enabled` false: the metric's records are listed elsewhere (records-params.ts `recordsElsewhere`). */
export function useMetricRecords(slug: string, metric: string, params: RecordsParams, enabled = true) {
  return useInfiniteQuery({
    enabled,
    queryKey: goalsKeys.records(slug, metric, params),
    queryFn: ({ pageParam, signal }) =>
      call(
        goalsEndpoints.metricRecords,
        { params: { workspace: slug, metric }, query: { ...query(params), limit: RECORDS_PAGE_SIZE, cursor: pageParam ?? undefined } },
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Every record behind a number, page after page, for a CSV file. */
export async function fetchAllRecords(slug: string, metric: string, params: RecordsParams) {
  const rows = [];
  let cursor: string | undefined;
  do {
    const page = await call(goalsEndpoints.metricRecords, {
      params: { workspace: slug, metric },
      query: { ...query(params), limit: 200, cursor },
    });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

export function useScorecard(slug: string, period: string | undefined) {
  return useQuery({
    queryKey: goalsKeys.scorecard(slug, period ?? 'current'),
    queryFn: () => call(goalsEndpoints.scorecard, { params: { workspace: slug }, query: period ? { period } : {} }),
    placeholderData: keepPreviousData,
  });
}

export function useWinLoss(slug: string, params: MetricParams, enabled = true) {
  return useQuery({
    queryKey: goalsKeys.winLoss(slug, params),
    queryFn: () => call(goalsEndpoints.winLoss, { params: { workspace: slug }, query: query(params) }),
    enabled,
    placeholderData: keepPreviousData,
  });
}
