import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { FeedbackKind, ThemeStatus } from '@tandem/contracts';
import { dayRangeToInstants } from '../../../app/kit/index.ts';
import type { FeedbackFilterParams } from './use-feedback.ts';

/** The inbox as the address bar says it, so a filtered view can be shared by its link. */
export interface InboxView {
  kind: FeedbackKind[];
  status: ThemeStatus[];
  /** A theme id, or "none" for "Needs triage". */
  theme: string | null;
  competitor: string;
  segment: string | null;
  submittedBy: string | null;
  q: string;
  from: string;
  to: string;
  /** Set by the "Open in the feedback inbox" links of deal and account pages. */
  dealId: string | null;
  accountId: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idOrNull = (v: string | null) => (v && UUID.test(v) ? v : null);

function readView(params: URLSearchParams): InboxView {
  const kinds = new Set(params.getAll('kind'));
  const statuses = new Set(params.getAll('status'));
  const theme = params.get('theme');
  const submittedBy = params.get('submittedBy');
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return {
    kind: FeedbackKind.options.filter((k) => kinds.has(k)),
    status: ThemeStatus.options.filter((s) => statuses.has(s)),
    theme: theme === 'none' ? 'none' : idOrNull(theme),
    competitor: params.get('competitor') ?? '',
    segment: params.get('segment') || null,
    submittedBy: submittedBy === 'me' ? 'me' : idOrNull(submittedBy),
    q: params.get('q') ?? '',
    from: DAY.test(from) ? from : '',
    to: DAY.test(to) ? to : '',
    dealId: idOrNull(params.get('dealId')),
    accountId: idOrNull(params.get('accountId')),
  };
}

function writeView(view: InboxView): URLSearchParams {
  const params = new URLSearchParams();
  for (const k of view.kind) params.append('kind', k);
  for (const s of view.status) params.append('status', s);
  const single: [string, string | null][] = [
    ['theme', view.theme],
    ['competitor', view.competitor.trim()],
    ['segment', view.segment],
    ['submittedBy', view.submittedBy],
    ['q', view.q.trim()],
    ['from', view.from],
    ['to', view.to],
    ['dealId', view.dealId],
    ['accountId', view.accountId],
  ];
  for (const [key, value] of single) if (value) params.set(key, value);
  return params;
}

export const EMPTY_VIEW = readView(new URLSearchParams());

export function useInboxView() {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => readView(params), [params]);
  const update = useCallback(
    (patch: Partial<InboxView>) => setParams((prev) => writeView({ ...readView(prev), ...patch }), { replace: true }),
    [setParams],
  );
  const clearFilters = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  const activeFilters = [
    view.kind.length > 0,
    view.status.length > 0,
    view.theme,
    view.competitor.trim(),
    view.segment,
    view.submittedBy,
    view.q.trim(),
    view.from || view.to,
    view.dealId,
    view.accountId,
  ].filter(Boolean).length;
  return { view, update, clearFilters, activeFilters };
}

/**
 * The API's filters for a view; the date range is of calendar days in the reader's time zone, as the rows show dates.
 * Null while "to" is before "from": the list waits until the range makes sense.
 */
export function inboxFilters(view: InboxView, timeZone: string | undefined): FeedbackFilterParams | null {
  const heard = dayRangeToInstants({ from: view.from, to: view.to }, timeZone);
  if (!heard) return null;
  return {
    kind: view.kind.length ? view.kind : undefined,
    status: view.status.length ? view.status : undefined,
    theme: view.theme ?? undefined,
    competitor: view.competitor.trim() || undefined,
    segment: view.segment ?? undefined,
    submittedBy: view.submittedBy ?? undefined,
    q: view.q.trim() || undefined,
    from: heard.from,
    to: heard.to,
    dealId: view.dealId ?? undefined,
    accountId: view.accountId ?? undefined,
  };
}
