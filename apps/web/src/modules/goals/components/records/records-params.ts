import { MEETING_METRIC_NAMES, METRIC_DIMENSIONS, type MetricDimension, type MetricRecord } from '@tandem/contracts';
import type { RecordsParams } from '../../hooks/use-metrics.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TEXT_FILTERS = ['segment', 'product', 'owner', 'team', 'competitor', 'key'] as const;

/** The records page's address → what the API takes (anything malformed is left out, not sent). */
export function readRecordsParams(p: URLSearchParams): RecordsParams {
  const out: RecordsParams = {};
  const from = p.get('from');
  const to = p.get('to');
  if (from && DAY.test(from)) out.from = from;
  if (to && DAY.test(to)) out.to = to;
  for (const k of TEXT_FILTERS) {
    const v = p.get(k)?.trim();
    if (v) out[k] = v.slice(0, 300);
  }
  const groupBy = p.get('groupBy');
  if (groupBy && (METRIC_DIMENSIONS as readonly string[]).includes(groupBy)) out.groupBy = groupBy as MetricDimension;
  if (p.get('byAmount') === 'true') out.byAmount = true;
  const part = p.get('part');
  if (part === 'numerator') out.part = 'numerator';
  return out;
}

const DIMENSION_LABELS: Record<MetricDimension, string> = {
  period: 'Quarter',
  segment: 'Segment',
  product: 'Product',
  owner: 'Owner',
  team: 'Team',
  competitor: 'Competitor',
};

/** "Segment: Enterprise · Competitor: Acme" for the filters (and the group) a number was computed with. */
export function describeFilters(p: RecordsParams, names: { team?: string } = {}): string {
  const parts: string[] = [];
  if (p.groupBy && p.key) parts.push(`${DIMENSION_LABELS[p.groupBy]}: ${p.key}`);
  if (p.segment) parts.push(`Segment: ${p.segment}`);
  if (p.product) parts.push(`Product: ${p.product}`);
  if (p.owner) parts.push(`Owner: ${p.owner}`);
  if (p.team) parts.push(`Team: ${names.team ?? p.team}`);
  if (p.competitor) parts.push(`Competitor: ${p.competitor}`);
  return parts.join(' · ');
}

/** Where a record opens in the app, or null (feedback items have no page of their own). */
export function recordHref(slug: string, r: Pick<MetricRecord, 'kind' | 'id'>): string | null {
  switch (r.kind) {
    case 'deal':
      return `/w/${slug}/deals/${r.id}`;
    case 'request':
      return `/w/${slug}/requests/${r.id}`;
    case 'asset':
      return `/w/${slug}/library/${r.id}`;
    case 'theme':
      return `/w/${slug}/feedback/themes/${r.id}`;
    case 'decision':
      return `/w/${slug}/decisions/${r.id}`;
    case 'meeting':
      return `/w/${slug}/meetings`;
    case 'feedback':
      return null;
    default: {
      const never: never = r.kind;
      return never;
    }
  }
}

/**
 * Where the records behind a metric are listed when the records API does not list them (it answers 400 saying where):
 * the meetings' metrics on the Meetings page's record of the same period. Null for every other metric.
 */
export function recordsElsewhere(slug: string, metric: string, p: Pick<RecordsParams, 'from' | 'to'>): { href: string; label: string } | null {
  if (!(MEETING_METRIC_NAMES as readonly string[]).includes(metric)) return null;
  const period = p.from && p.to ? `?${new URLSearchParams({ from: p.from, to: p.to }).toString()}` : '';
  return { href: `/w/${slug}/meetings${period}`, label: 'How the syncs went, on the Meetings page' };
}

export const RECORDS_CSV_HEADER = ['Kind', 'Id', 'Title', 'Context', 'Status', 'Date', 'Amount', 'Currency', 'Amount (base)', 'Owner', 'Segment', 'Counted as success', 'Measure'];

export function recordsCsvRows(rows: readonly MetricRecord[]) {
  return rows.map((r) => [
    r.kind,
    r.id,
    r.title,
    r.context,
    r.status,
    r.date,
    r.amount === null ? null : Number(r.amount),
    r.currency,
    r.amountBase === null ? null : Number(r.amountBase),
    r.owner,
    r.segment,
    r.inNumerator ? 'yes' : 'no',
    r.measure,
  ]);
}
