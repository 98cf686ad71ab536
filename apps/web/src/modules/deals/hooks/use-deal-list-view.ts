import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { DEAL_SORTS, StageCategory } from '@tandem/contracts';
import { bothDirections, dayRangeError, readSort } from '../../../app/kit/index.ts';
import type { DealFilterParams, DealSort } from './deals.keys.ts';
import { isClosePeriod, periodRange, type ClosePeriod } from '../components/close-periods.ts';

/** The deal list as the address bar says it: filters and sort, so a view can be shared by its link. */
export interface DealListView {
  /** Words in the deal's or its account's name. */
  q: string;
  status: StageCategory[];
  stage: string | null;
  /** A member's id or a CRM owner name; null: anyone's deals. */
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

/**
 * Whose deals the list shows when the address does not say: a rep's own (`defaultOwner`, their id),
 * everyone's for other roles. `scope=all` in the address is "everyone's" where that is not the default.
 */
function readView(params: URLSearchParams, defaultOwner: string | null): DealListView {
  const status = [...new Set(params.getAll('status'))].filter((s): s is StageCategory => StageCategory.safeParse(s).success);
  const closeFrom = params.get('closeFrom') ?? '';
  const closeTo = params.get('closeTo') ?? '';
  const period = params.get('period');
  return {
    q: params.get('q') ?? '',
    status: StageCategory.options.filter((s) => status.includes(s)),
    stage: params.get('stage') || null,
    owner: params.get('owner') || (params.get('scope') === 'all' ? null : defaultOwner),
    segment: params.get('segment') || null,
    period: isClosePeriod(period) ? period : DAY.test(closeFrom) || DAY.test(closeTo) || period === 'custom' ? 'custom' : null,
    closeFrom: DAY.test(closeFrom) ? closeFrom : '',
    closeTo: DAY.test(closeTo) ? closeTo : '',
    sort: readSort(params.get('sort'), SORTS, DEFAULT_SORT),
  };
}

function writeView(view: DealListView, defaultOwner: string | null): URLSearchParams {
  const params = new URLSearchParams();
  if (view.q.trim()) params.set('q', view.q.trim());
  for (const s of view.status) params.append('status', s);
  if (view.stage) params.set('stage', view.stage);
  if (view.owner !== defaultOwner) {
    if (view.owner) params.set('owner', view.owner);
    else params.set('scope', 'all');
  }
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

/** "My deals" (owned by `me`) or "All deals": the list's scope, shown as its own switch and kept by "Clear filters". */
export type DealScope = 'mine' | 'all';

export const scopeOf = (view: DealListView, me: string): DealScope | null => (view.owner === me ? 'mine' : view.owner === null ? 'all' : null);

/**
 * The view in the address bar. `me` is the signed-in person; `defaultOwner` whose deals the list
 * opens on (`me` for a rep, null — everyone's — for other roles). Nothing is remembered elsewhere:
 * the address is the whole view.
 */
export function useDealListView({ me, defaultOwner }: { me: string; defaultOwner: string | null }) {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => readView(params, defaultOwner), [params, defaultOwner]);

  const update = useCallback(
    (patch: Partial<DealListView>) => setParams((prev) => writeView({ ...readView(prev, defaultOwner), ...patch }, defaultOwner), { replace: true }),
    [setParams, defaultOwner],
  );
  const clearFilters = useCallback(
    () =>
      setParams(
        (prev) => {
          const was = readView(prev, defaultOwner);
          // The scope (my deals or all) stays; another owner is a filter and goes.
          const owner = was.owner === me || was.owner === null ? was.owner : defaultOwner;
          return writeView({ ...readView(new URLSearchParams(), defaultOwner), owner, sort: was.sort }, defaultOwner);
        },
        { replace: true },
      ),
    [setParams, defaultOwner, me],
  );

  const activeFilters =
    (view.q.trim() ? 1 : 0) +
    (view.status.length ? 1 : 0) +
    (view.stage ? 1 : 0) +
    (scopeOf(view, me) === null ? 1 : 0) +
    (view.segment ? 1 : 0) +
    (view.period ? 1 : 0);
  return { view, update, clearFilters, activeFilters };
}

/**
 * The API's filters for a view. A named period becomes dates in the workspace's
 * fiscal calendar as of `today`; `rangeError` is set when a custom range is backwards
 * (or names a day that does not exist), and the list waits until it is fixed.
 */
export function resolveFilters(view: DealListView, fyStartMonth: number, today: string) {
  const filters: DealFilterParams = {
    q: view.q.trim() || undefined,
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
