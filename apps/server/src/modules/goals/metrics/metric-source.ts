import type { MetricDefinition, MetricDimension, MetricName } from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';

/**
 * The port through which a module that reads goals (and so cannot be imported by goals without a cycle) puts its
 * metrics in the catalogue: it says what each metric means and counts it; goals validates the query, splits a period
 * into fiscal quarters, adds the Wilson interval and "no data", and serves the routes. Sources are given to
 * `createGoalsServices` by the composition root (services.ts); a metric whose source is not given is not listed.
 * Sources answer proportions (k of n); the modules goals can import directly (deals, feedback, library, requests,
 * decisions) keep their families in this folder.
 */

/** A catalogue entry as a source writes it: the unit follows from the kind and the workspace's currency. */
export type SourcedEntry = Omit<MetricDefinition, 'name' | 'unit'> & { kind: 'proportion' };

/** What a source is asked: one period (UTC days, inclusive), the metric's own filters, at most one non-period grouping. */
export interface SourceQuery {
  workspaceId: string;
  from: string;
  to: string;
  filters: Partial<Record<Exclude<MetricDimension, 'period'>, string>>;
  groupBy: Exclude<MetricDimension, 'period'> | null;
  now: Date;
}

/** One group's counts (`key` null: the "none" group, e.g. no team); ungrouped, one row or none. */
export interface SourceCount {
  key: string | null;
  label: string | null;
  numerator: number;
  denominator: number;
}

export interface MetricSource {
  entries: Partial<Record<MetricName, SourcedEntry>>;
  count(db: DbOrTx, metric: MetricName, q: SourceQuery): Promise<SourceCount[]>;
  /** Where the records behind these numbers are listed, in words for a 400 on `…/records` (e.g. "the Meetings page"). */
  recordsOn: string;
}
