import type { MeetingMetricName, MetricDefinition, MetricDimension, MetricName } from '@tandem/contracts';
import type { MetricSource } from './metric-source.ts';

/**
 * The metric catalogue: what each number means, in words shown beside it. Each entry names the dimensions it can be
 * filtered and grouped by; the SQL behind it lives in the module that owns the data (deals, feedback, library, requests).
 */

const DEAL_DIMENSIONS: MetricDimension[] = ['period', 'segment', 'product', 'owner', 'team', 'competitor'];
const FEEDBACK_DIMENSIONS: MetricDimension[] = ['period', 'segment', 'owner', 'team', 'competitor'];

type Entry = Omit<MetricDefinition, 'name' | 'unit'> & { unit?: string };

/** Every metric but those a source gives (metric-source.ts): the meetings module's come through one. */
type CoreMetricName = Exclude<MetricName, MeetingMetricName>;

const ENTRIES: Record<CoreMetricName, Entry> = {
  'win-rate': {
    title: 'Win rate',
    definition:
      'Of the deals closed in the period (won or lost, by close date), the share won. With "by amount", the base-currency amount won over the amount closed; deals without an amount are then left out and counted apart. Open deals never count. Shown with its sample size and a Wilson 95 % interval (by count).',
    kind: 'proportion',
    higherIsBetter: true,
    filters: DEAL_DIMENSIONS,
    groupBy: DEAL_DIMENSIONS,
    byAmount: true,
    records: 'deal',
  },
  'win-rate-vs-competitor': {
    title: 'Win rate against competitors',
    definition:
      'Win rate over the closed deals that name at least one competitor (or the competitor chosen in the filter). Grouped by competitor, a deal naming two competitors counts against each.',
    kind: 'proportion',
    higherIsBetter: true,
    filters: DEAL_DIMENSIONS,
    groupBy: DEAL_DIMENSIONS,
    byAmount: true,
    records: 'deal',
  },
  'pipeline-created': {
    title: 'Pipeline created',
    definition:
      'The base-currency amount of the deals created in the period (by the CRM created date), whatever their stage today. Deals without an amount (or without an exchange rate for their currency) are counted and said, not summed.',
    kind: 'currency',
    higherIsBetter: true,
    filters: DEAL_DIMENSIONS,
    groupBy: DEAL_DIMENSIONS,
    byAmount: false,
    records: 'deal',
  },
  'average-deal-size': {
    title: 'Average deal size',
    definition:
      'The mean base-currency amount of the deals won in the period (by close date). Won deals without an amount are counted and said, and left out of the mean.',
    kind: 'currency',
    higherIsBetter: true,
    filters: DEAL_DIMENSIONS,
    groupBy: DEAL_DIMENSIONS,
    byAmount: false,
    records: 'deal',
  },
  'sales-cycle-days': {
    title: 'Sales cycle',
    definition:
      'The median number of days from a deal’s created date to its close date, over the deals won in the period. Deals without a created date are left out.',
    kind: 'days',
    higherIsBetter: false,
    filters: DEAL_DIMENSIONS,
    groupBy: DEAL_DIMENSIONS,
    byAmount: false,
    records: 'deal',
  },
  'stage-conversion': {
    title: 'Created-to-won conversion',
    definition:
      'Of the deals created in the period, the share won so far: how much of the pipeline a quarter opened became revenue. Recent periods rise as their deals close.',
    kind: 'proportion',
    higherIsBetter: true,
    filters: DEAL_DIMENSIONS,
    groupBy: DEAL_DIMENSIONS,
    byAmount: false,
    records: 'deal',
  },
  'feedback-response-rate': {
    title: 'Feedback response rate',
    definition:
      'Of the feedback items logged in the period, the share whose submitter has had a response from marketing on the item’s theme. Owner and team are the submitter’s; segment is that of the item’s account (or its deal’s).',
    kind: 'proportion',
    higherIsBetter: true,
    filters: FEEDBACK_DIMENSIONS,
    groupBy: FEEDBACK_DIMENSIONS,
    byAmount: false,
    records: 'feedback',
  },
  'feedback-time-to-acknowledge': {
    title: 'Time to acknowledge feedback',
    definition:
      'The median time, in days, from logging a feedback item to its theme being acknowledged (leaving "new"), over the items logged in the period that have been acknowledged. Items not yet acknowledged are counted apart.',
    kind: 'days',
    higherIsBetter: false,
    filters: FEEDBACK_DIMENSIONS,
    groupBy: FEEDBACK_DIMENSIONS,
    byAmount: false,
    records: 'feedback',
  },
  'themes-addressed': {
    title: 'Themes addressed',
    definition:
      'Of the themes that received feedback in the period, the share now marked addressed. A theme counts once however many items it received.',
    kind: 'proportion',
    higherIsBetter: true,
    filters: ['period', 'segment', 'competitor'],
    groupBy: ['period'],
    byAmount: false,
    records: 'theme',
  },
  'content-influenced-pipeline': {
    title: 'Content-influenced pipeline',
    definition:
      'The base-currency amount of the deals created in the period on which library material was used (viewed, shared, attached…) by anyone. Deals without an amount are counted and said.',
    kind: 'currency',
    higherIsBetter: true,
    filters: DEAL_DIMENSIONS,
    groupBy: DEAL_DIMENSIONS,
    byAmount: false,
    records: 'deal',
  },
  'asset-adoption': {
    title: 'Asset adoption',
    definition:
      'Of the library assets published by the end of the period, the share used at least once in the period (viewed, downloaded, copied, shared or attached to a deal).',
    kind: 'proportion',
    higherIsBetter: true,
    filters: ['period'],
    groupBy: ['period'],
    byAmount: false,
    records: 'asset',
  },
  'request-sla-attainment': {
    title: 'Request SLA attainment',
    definition:
      'Of the requests delivered in the period, the share delivered within their type’s delivery target, counted in business hours of the workspace calendar.',
    kind: 'proportion',
    higherIsBetter: true,
    filters: ['period'],
    groupBy: [],
    byAmount: false,
    records: 'request',
  },
  'request-backlog-age': {
    title: 'Request backlog age',
    definition:
      'The median age in days of the requests still open (new, triaged or in progress) at the end of the period, counted from filing.',
    kind: 'days',
    higherIsBetter: false,
    filters: ['period'],
    groupBy: [],
    byAmount: false,
    records: 'request',
  },
  'decision-involvement-rate': {
    title: 'Sales involvement in decisions',
    definition:
      'Of the decisions whose outcome was recorded in the period, the share that had input from a sales rep or sales lead before the outcome (the decision log: input asked, given, then decided). A reopened decision counts by its latest outcome. Shown with its sample size and a Wilson 95 % interval.',
    kind: 'proportion',
    higherIsBetter: true,
    filters: ['period'],
    groupBy: ['period'],
    byAmount: false,
    records: 'decision',
  },
};

export function unitOf(kind: MetricDefinition['kind'], baseCurrency: string): string {
  switch (kind) {
    case 'proportion':
      return 'fraction';
    case 'currency':
      return baseCurrency;
    case 'days':
      return 'days';
    case 'count':
      return 'count';
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** The catalogue: the entries above and those of the sources given at composition, each metric named once. */
export interface Catalogue {
  has(name: string): name is MetricName;
  definition(name: MetricName, baseCurrency?: string): MetricDefinition;
  list(baseCurrency?: string): MetricDefinition[];
  /** The source that counts a metric, or undefined for the entries above (their families are in this folder). */
  sourceOf(name: MetricName): MetricSource | undefined;
}

export function catalogueWith(sources: readonly MetricSource[]): Catalogue {
  const entries = new Map<MetricName, Entry>(Object.entries(ENTRIES) as [MetricName, Entry][]);
  const bySource = new Map<MetricName, MetricSource>();
  for (const source of sources) {
    for (const [name, entry] of Object.entries(source.entries) as [MetricName, Entry][]) {
      if (entries.has(name)) throw new Error(`metric ${name} is given twice`);
      entries.set(name, entry);
      bySource.set(name, source);
    }
  }
  const definition = (name: MetricName, baseCurrency = 'USD'): MetricDefinition => {
    const e = entries.get(name);
    if (!e) throw new Error(`metric ${name} is not in this catalogue`);
    return { name, ...e, unit: unitOf(e.kind, baseCurrency) };
  };
  return {
    has: (name: string): name is MetricName => entries.has(name as MetricName),
    definition,
    list: (baseCurrency = 'USD') => [...entries.keys()].map((n) => definition(n, baseCurrency)),
    sourceOf: (name) => bySource.get(name),
  };
}

/** The catalogue without sources: what the scorecard's key metrics and win/loss read (all entries above). */
export const CORE_CATALOGUE = catalogueWith([]);

/** A metric of the entries above (the scorecard's key metrics). */
export function metricDefinition(name: MetricName, baseCurrency = 'USD'): MetricDefinition {
  return CORE_CATALOGUE.definition(name, baseCurrency);
}
