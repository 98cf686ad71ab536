import type { KeyResult, KeyResultDirection, KeyResultInput, MetricDefinition, MetricRecordKind } from '@tandem/contracts';

/** A key result as the editor holds it: numbers as typed, proportions in percent. */
export interface KeyResultDraft {
  title: string;
  kind: 'metric' | 'manual';
  metric: string | null;
  segment: string | null;
  competitor: string;
  product: string;
  /** A team id (the deals its members own, the meetings' people in it). */
  team: string | null;
  byAmount: boolean;
  baseline: number | string;
  target: number | string;
  direction: KeyResultDirection | null;
  unit: string;
}

export const emptyDraft = (): KeyResultDraft => ({
  title: '',
  kind: 'metric',
  metric: null,
  segment: null,
  competitor: '',
  product: '',
  team: null,
  byAmount: false,
  baseline: '',
  target: '',
  direction: null,
  unit: '',
});

/** One key result row of the goal form: a stable React key and its draft. */
export interface KeyResultRow {
  key: string;
  draft: KeyResultDraft;
}

let rows = 0;
/** A new key result row with a key of its own (an index as key would hand a removed row's inputs to the next one). */
export const newKeyResultRow = (): KeyResultRow => ({ key: `new-${(rows += 1)}`, draft: emptyDraft() });

/** Whether a draft's numbers are typed in percent (a proportion by count: win rate 42 → 0.42). */
export function inPercent(d: Pick<KeyResultDraft, 'kind' | 'byAmount'>, def: MetricDefinition | undefined): boolean {
  return d.kind === 'metric' && def?.kind === 'proportion';
}

const num = (v: number | string) => (typeof v === 'number' ? v : v.trim() === '' ? NaN : Number(v));

/** The API's key result from a draft: percent back to a fraction, only the filters the metric takes, direction by default. */
export function toKeyResultInput(d: KeyResultDraft, def: MetricDefinition | undefined): KeyResultInput {
  const scale = inPercent(d, def) ? 100 : 1;
  const filters: Record<string, string> = {};
  if (d.kind === 'metric' && def) {
    if (d.segment && def.filters.includes('segment')) filters.segment = d.segment;
    if (d.competitor.trim() && def.filters.includes('competitor')) filters.competitor = d.competitor.trim();
    if (d.product.trim() && def.filters.includes('product')) filters.product = d.product.trim();
    if (d.team && def.filters.includes('team')) filters.team = d.team;
  }
  return {
    title: d.title,
    kind: d.kind,
    ...(d.kind === 'metric' ? { metric: d.metric, filters, byAmount: def?.byAmount ? d.byAmount : false } : { unit: d.unit.trim() || undefined }),
    baseline: num(d.baseline) / scale,
    target: num(d.target) / scale,
    ...(d.direction ? { direction: d.direction } : def ? { direction: def.higherIsBetter ? 'increase' : 'decrease' } : {}),
  };
}

/** What is wrong with a draft before sending it, by field; empty when it may go. */
export function draftErrors(d: KeyResultDraft): Partial<Record<keyof KeyResultDraft, string>> {
  const e: Partial<Record<keyof KeyResultDraft, string>> = {};
  if (!d.title.trim()) e.title = 'A key result needs a title';
  if (d.kind === 'metric' && !d.metric) e.metric = 'Choose the metric that measures it';
  if (!Number.isFinite(num(d.baseline))) e.baseline = 'Where it starts, as a number';
  if (!Number.isFinite(num(d.target))) e.target = 'Where it should end, as a number';
  return e;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
/** Percent shown without float noise (0.07 × 100 → 7, not 7.000000000000001). */
const clean = (x: number) => Number(x.toPrecision(12));

/** The draft of an existing key result (proportions back to percent), for the goal's edit page. */
export function draftFromKeyResult(kr: KeyResult, def: MetricDefinition | undefined): KeyResultDraft {
  const d: KeyResultDraft = {
    title: kr.title,
    kind: kr.kind,
    metric: kr.metric,
    segment: first(kr.filters.segment) || null,
    competitor: first(kr.filters.competitor),
    product: first(kr.filters.product),
    team: first(kr.filters.team) || null,
    byAmount: kr.byAmount,
    baseline: kr.baseline,
    target: kr.target,
    direction: kr.direction,
    unit: kr.kind === 'manual' ? kr.unit : '',
  };
  const scale = inPercent(d, def) ? 100 : 1;
  return { ...d, baseline: clean(kr.baseline * scale), target: clean(kr.target * scale) };
}

const GROUP_OF: Record<MetricRecordKind, string> = {
  deal: 'Deals',
  feedback: 'Feedback',
  theme: 'Feedback',
  asset: 'Library',
  request: 'Requests',
  decision: 'Decisions',
  meeting: 'Meetings',
};

/** The metric picker's options, grouped by what they count (deals, feedback, library, requests, decisions, meetings). */
export function metricOptions(metrics: readonly MetricDefinition[]): { group: string; items: { value: string; label: string }[] }[] {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const m of metrics) {
    const g = GROUP_OF[m.records];
    groups.set(g, [...(groups.get(g) ?? []), { value: m.name, label: m.title }]);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}
