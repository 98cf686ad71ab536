/**
 * The metric catalogue's use cases: list it, evaluate one metric over a period (filtered, optionally grouped), and
 * list the records behind any number it answers. Each family's SQL is in the module that owns the data; this file
 * validates, picks the family, fills empty quarters with "no data" and words what was left out.
 */
import {
  METRIC_DIMENSIONS,
  type MetricDefinition,
  type MetricDimension,
  type MetricList,
  type MetricName,
  type MetricRecordList,
  type MetricRecordsQuery,
  type MetricResult,
  type MetricValue,
} from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { workspaceById } from '../../workspaces/index.ts';
import { CORE_CATALOGUE, type Catalogue } from './catalogue.ts';
import { dealMetricRecords, dealMetricValues, isDealMetric, type DealMetricQuery } from './deal-family.ts';
import { MetricsErrors } from './metrics.errors.ts';
import { adoptionRecords, adoptionValues, feedbackRecords, involvementValues, feedbackValues, requestRecords, requestValues, type FamilyQuery } from './other-families.ts';
import { quartersBetween, resolvePeriod, type MetricWorkspace } from './period.ts';
import { sourcedValues } from './sourced-family.ts';
import { groupLabel, keyFromQuery, measure, proportion } from './values.ts';

type FilterName = Exclude<MetricDimension, 'period'>;
const FILTERS = METRIC_DIMENSIONS.filter((d): d is FilterName => d !== 'period');

/** What `evaluateMetric` takes (goal key results call it with the goal's period). */
export interface MetricInput {
  metric: string;
  from?: string;
  to?: string;
  filters?: Partial<Record<string, string>>;
  groupBy?: MetricDimension;
  byAmount?: boolean;
}

interface Checked {
  def: MetricDefinition;
  name: MetricName;
  from: string;
  to: string;
  filters: Partial<Record<FilterName, string>>;
  groupBy: MetricDimension | null;
  byAmount: boolean;
}

/** Days are UTC days (a workspace has no time zone of its own; close dates are plain dates). */
export async function metricWorkspace(db: DbOrTx, workspaceId: string): Promise<MetricWorkspace> {
  const w = await workspaceById(db, workspaceId);
  return { baseCurrency: w?.baseCurrency ?? 'USD', fiscalYearStartMonth: w?.fiscalYearStartMonth ?? 1, timeZone: 'UTC' };
}

/** 404 for an unknown metric, 400 naming the field for a filter, grouping or by-amount the metric does not take. */
export function checkInput(input: MetricInput, ws: MetricWorkspace, now: Date, catalogue: Catalogue = CORE_CATALOGUE): Checked {
  if (!catalogue.has(input.metric)) throw MetricsErrors.unknownMetric(input.metric);
  const def = catalogue.definition(input.metric, ws.baseCurrency);
  const filters: Partial<Record<FilterName, string>> = {};
  for (const [k, v] of Object.entries(input.filters ?? {})) {
    if (v === undefined || v === '') continue;
    if (!(FILTERS as string[]).includes(k)) throw MetricsErrors.invalidField(`query.${k}`, `not a filter (filters: ${FILTERS.join(', ')})`);
    if (!def.filters.includes(k as FilterName)) throw MetricsErrors.filterNotSupported(def.name, k);
    filters[k as FilterName] = v;
  }
  const groupBy = input.groupBy ?? null;
  if (groupBy && !def.groupBy.includes(groupBy)) throw MetricsErrors.groupByNotSupported(def.name, groupBy, def.groupBy);
  if (input.byAmount && !def.byAmount) throw MetricsErrors.byAmountNotSupported(def.name);
  const { from, to } = resolvePeriod(input, ws, now);
  return { def, name: input.metric, from, to, filters, groupBy, byAmount: input.byAmount ?? false };
}

function familyQuery(c: Checked, ws: MetricWorkspace, workspaceId: string): FamilyQuery & DealMetricQuery {
  return { workspaceId, from: c.from, to: c.to, timeZone: ws.timeZone, fiscalYearStartMonth: ws.fiscalYearStartMonth, filters: c.filters, groupBy: c.groupBy, byAmount: c.byAmount };
}

async function values(db: DbOrTx, c: Checked, q: FamilyQuery & DealMetricQuery, grouped: boolean, now: Date, catalogue: Catalogue): Promise<MetricValue[]> {
  if (isDealMetric(c.name)) return dealMetricValues(db, c.name, q, grouped);
  const source = catalogue.sourceOf(c.name);
  if (source) return sourcedValues(db, source, c.name, q, grouped, now);
  switch (c.def.records) {
    case 'feedback':
    case 'theme':
      return feedbackValues(db, c.name, q, grouped);
    case 'asset':
      return adoptionValues(db, q, grouped);
    case 'request':
      return requestValues(db, c.name, q, now);
    case 'decision':
      return involvementValues(db, q, grouped);
    case 'deal':
    case 'meeting':
      throw new Error(`metric ${c.name} has no query`);
    default: {
      const never: never = c.def.records;
      return never;
    }
  }
}

function emptyLike(def: MetricDefinition, label: { key: string; label: string }): MetricValue {
  return def.kind === 'proportion' ? proportion(label, 0, 0) : measure(label, null, 0, 0);
}

/** Quarters with nothing counted still appear, as "no data", so a series has no silent gaps. */
function fillQuarters(items: MetricValue[], c: Checked, ws: MetricWorkspace): MetricValue[] {
  const byKey = new Map(items.map((i) => [i.key, i]));
  return quartersBetween(c.from, c.to, ws.fiscalYearStartMonth).map(
    (p) => byKey.get(p.start) ?? emptyLike(c.def, groupLabel({ key: p.start, label: null }, 'period', ws.fiscalYearStartMonth)),
  );
}

function notes(c: Checked, total: MetricValue, baseCurrency: string): string[] {
  const out: string[] = [];
  if (total.noData) out.push('No data: nothing was counted in this period with these filters.');
  const usesAmounts = c.def.kind === 'currency' || c.byAmount;
  if (total.withoutAmount > 0 && c.def.records === 'deal') {
    const n = total.withoutAmount;
    out.push(
      usesAmounts
        ? `${n} deal${n === 1 ? '' : 's'} without an amount in ${baseCurrency} (no amount, or no exchange rate for the currency) ${n === 1 ? 'is' : 'are'} counted but left out of the amounts.`
        : `${n} of the deals counted ${n === 1 ? 'has' : 'have'} no amount in ${baseCurrency}; they count here all the same.`,
    );
  }
  return out;
}

/** `catalogue`: the composed one (with the sources' metrics); the scorecard's key metrics are all in the core one. */
export async function evaluateIn(
  db: DbOrTx,
  ctx: TenantContext,
  ws: MetricWorkspace,
  input: MetricInput,
  now = new Date(),
  catalogue: Catalogue = CORE_CATALOGUE,
): Promise<MetricResult> {
  const c = checkInput(input, ws, now, catalogue);
  const q = familyQuery(c, ws, ctx.workspaceId);
  // One after another: `db` may be a transaction's single connection.
  const [totalRow] = await values(db, c, q, false, now, catalogue);
  const total = totalRow ?? emptyLike(c.def, { key: 'total', label: 'Total' });
  let items: MetricValue[] = [];
  if (c.groupBy) {
    items = await values(db, c, q, true, now, catalogue);
    items =
      c.groupBy === 'period'
        ? fillQuarters(items, c, ws)
        : items.sort((a, b) => b.count - a.count || (a.key === '(none)' ? 1 : b.key === '(none)' ? -1 : a.label.localeCompare(b.label)));
  }
  return {
    metric: c.name,
    title: c.def.title,
    kind: c.def.kind,
    unit: c.def.unit,
    baseCurrency: ws.baseCurrency,
    from: c.from,
    to: c.to,
    groupBy: c.groupBy,
    byAmount: c.byAmount,
    items,
    total: { ...total, key: 'total', label: 'Total' },
    notes: notes(c, total, ws.baseCurrency),
  };
}

// ---- Cursors: keyset (date or timestamp, id) for deals, an offset for the smaller lists ---------

type Cursor = { d: string | null; i: string } | { o: number };

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(s: string | undefined): Cursor | undefined {
  if (!s) return undefined;
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString()) as Cursor;
    if ('o' in c && Number.isInteger(c.o) && c.o >= 0) return c;
    // d: a close date, or a created timestamp (the created cohort's records are ordered by it).
    if ('i' in c && typeof c.i === 'string' && /^[0-9a-f-]{36}$/i.test(c.i) && (c.d === null || /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2}(\.\d{1,6})?)?$/.test(String(c.d)))) return c;
  } catch {
    // fall through
  }
  throw MetricsErrors.badCursor();
}

export async function recordsIn(
  db: DbOrTx,
  ctx: TenantContext,
  ws: MetricWorkspace,
  name: string,
  query: MetricRecordsQuery,
  now = new Date(),
  catalogue: Catalogue = CORE_CATALOGUE,
): Promise<MetricRecordList> {
  const { key, part, cursor, limit, groupBy, byAmount, ...filters } = query;
  const { from, to, ...dims } = filters;
  const c = checkInput({ metric: name, from, to, filters: dims, groupBy, byAmount }, ws, now, catalogue);
  const q = familyQuery(c, ws, ctx.workspaceId);
  const groupKey = keyFromQuery(key);
  if (groupKey !== undefined && !c.groupBy) throw MetricsErrors.badKey(key!);
  const numerator = part === 'numerator';
  const after = decodeCursor(cursor);
  const offset = after && 'o' in after ? after.o : 0;
  const base = { metric: c.name, recordKind: c.def.records };
  if (isDealMetric(c.name)) {
    const keyset = after && 'i' in after ? { date: after.d, id: after.i } : undefined;
    const r = await dealMetricRecords(db, c.name, q, { key: groupKey, numerator, after: keyset, limit });
    const more = r.items.length === limit && r.last !== null;
    return { ...base, items: r.items, total: r.total, nextCursor: more ? encodeCursor({ d: r.last!.date, i: r.last!.id }) : null };
  }
  const source = catalogue.sourceOf(c.name);
  if (source) throw MetricsErrors.recordsElsewhere(c.name, source.recordsOn);
  if (c.def.records === 'decision') throw MetricsErrors.recordsElsewhere(c.name, 'the decision log (Decisions), filtered by status "decided"');
  const opts = { key: groupKey, numerator, offset, limit };
  const r =
    c.def.records === 'asset'
      ? await adoptionRecords(db, q, opts)
      : c.def.records === 'request'
        ? await requestRecords(db, c.name, q, opts, now)
        : await feedbackRecords(db, c.name, q, opts);
  const next = offset + r.items.length;
  return { ...base, items: r.items, total: r.total, nextCursor: next < r.total && r.items.length ? encodeCursor({ o: next }) : null };
}

/** `catalogue`: the entries of goals/metrics and the metrics of the sources given at composition (goals/index.ts). */
export function createMetricsService(deps: Pick<Deps, 'database'>, catalogue: Catalogue = CORE_CATALOGUE) {
  const { database } = deps;
  return {
    /** The catalogue (units name USD for currency metrics: the API's list names the workspace's base currency). */
    listMetrics(): MetricDefinition[] {
      return catalogue.list();
    },
    async list(ctx: TenantContext): Promise<MetricList> {
      const ws = await database.readTenant(ctx.workspaceId, (db) => metricWorkspace(db, ctx.workspaceId));
      return { baseCurrency: ws.baseCurrency, fiscalYearStartMonth: ws.fiscalYearStartMonth, items: catalogue.list(ws.baseCurrency) };
    },
    async evaluateMetric(ctx: TenantContext, input: MetricInput, now = new Date()): Promise<MetricResult> {
      return database.readTenant(ctx.workspaceId, async (db) => evaluateIn(db, ctx, await metricWorkspace(db, ctx.workspaceId), input, now, catalogue));
    },
    async get(ctx: TenantContext, metric: string, query: Omit<MetricInput, 'metric' | 'filters'> & Partial<Record<FilterName, string>>, now = new Date()) {
      const { from, to, groupBy, byAmount, ...filters } = query;
      return this.evaluateMetric(ctx, { metric, from, to, groupBy, byAmount, filters }, now);
    },
    async records(ctx: TenantContext, metric: string, query: MetricRecordsQuery, now = new Date()): Promise<MetricRecordList> {
      return database.readTenant(ctx.workspaceId, async (db) => recordsIn(db, ctx, await metricWorkspace(db, ctx.workspaceId), metric, query, now, catalogue));
    },
  };
}

export type MetricsService = ReturnType<typeof createMetricsService>;
