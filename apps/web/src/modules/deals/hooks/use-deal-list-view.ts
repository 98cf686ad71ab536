import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { DEAL_SORTS, StageCategory } from '@tandem/contracts';
import { bothDirections, dayRangeError, readSort } from '../../../app/kit/index.ts';
import type { DealFilterParams, DealSort } from './deals.keys.ts';
import { isClosePeriod, periodRange, type ClosePeriod } from '../components/close-periods.ts';

/** The deal list as the address bar says it: filters and sort, so a view can be shared by its link. */
export interface DealListView {
  status: StageCategory[];
  stage: string | null;
  owner: string | null;
  segment: string | null;
  period: ClosePeriod | 'custom' | null;
  closeFrom: string;
  closeTo: string;
  sort: DealSort;
}

export const DEFAULT_SORT: DealSort = '-closeDate';
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SORTS: DealSort[] = bothDirections(DEAL_SORTS);

function readView(params: URLSearchParams): DealListView {
  const status = [...new Set(params.getAll('status'))].filter((s): s is StageCategory => StageCategory.safeParse(s).success);
  const closeFrom = params.get('closeFrom') ?? '';
  const closeTo = params.get('closeTo') ?? '';
  const period = params.get('period');
  return {
    status: StageCategory.options.filter((s) => status.includes(s)),
    stage: params.get('stage') || null,
    owner: params.get('owner') || null,
    segment: params.get('segment') || null,
    period: isClosePeriod(period) ? period : DAY.test(closeFrom) || DAY.test(closeTo) || period === 'custom' ? 'custom' : null,
    closeFrom: DAY.test(closeFrom) ? closeFrom : '',
    closeTo: DAY.test(closeTo) ? closeTo : '',
    sort: readSort(params.get('sort'), SORTS, DEFAULT_SORT),
  };
}

function writeView(view: DealListView): URLSearchParams {
  const params = new URLSearchParams();
  for (const s of view.status) params.append('status', s);
  if (view.stage) params.set('stage', view.stage);
  if (view.owner) params.set('owner', view.owner);
  if (view.segment) params.set('segment', view.segment);
  if (view.period && view.period !== 'custom') params.set('period', view.period);
  if (view.period === 'custom') {
    if (view.closeFrom) params.set('closeFrom', view.closeFrom);
    if (view.closeTo) params.set('closeTo', view.closeTo);
    if (!view.closeFrom && !view.closeTo) params.set('period', 'custom');
  }
  if (view.sort !== DEFAULT_SORT) params.set('sort', view.sort);
  return params;
}

export function useDealListView() {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => readView(params), [params]);

  const update = useCallback(
    (patch: Partial<DealListView>) => setParams((prev) => writeView({ ...readView(prev), ...patch }), { replace: true }),
    [setParams],
  );
  const clearFilters = useCallback(
    () => setParams((prev) => writeView({ ...readView(new URLSearchParams()), sort: readView(prev).sort }), { replace: true }),
    [setParams],
  );

  const activeFilters =
    (view.status.length ? 1 : 0) + (view.stage ? 1 : 0) + (view.owner ? 1 : 0) + (view.segment ? 1 : 0) + (view.period ? 1 : 0);
  return { view, update, clearFilters, activeFilters };
}

/**
 * The API's filters for a view. A named period becomes dates in the workspace's
 * fiscal calendar as of `today`; `rangeError` is set when a custom range is backwards
 * (or names a day that does not exist), and the list waits until it is fixed.
 */
export function resolveFilters(view: DealListView, fyStartMonth: number, today: string) {
  const filters: DealFilterParams = {
    status: view.status.length ? view.status : undefined,
    stage: view.stage ?? undefined,
    owner: view.owner ?? undefined,
    segment: view.segment ?? undefined,
  };
  let rangeError: string | undefined;
  if (view.period === 'custom') {
    // Kept as typed even when wrong: a query key of its own, which is never fetched (the list waits).
    filters.closeFrom = view.closeFrom || undefined;
    filters.closeTo = view.closeTo || undefined;
    rangeError = dayRangeError({ from: view.closeFrom, to: view.closeTo });
  } else if (view.period) {
    const r = periodRange(view.period, fyStartMonth, today);
    filters.closeFrom = r.from;
    filters.closeTo = r.to;
  }
  return { filters, rangeError };
}
