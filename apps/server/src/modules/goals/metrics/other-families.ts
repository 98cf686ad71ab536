import type { MetricDimension, MetricRecord, MetricValue } from '@tandem/contracts';
import { DateTime } from 'luxon';
import type { DbOrTx } from '../../../db/database.ts';
import { involvementRate } from '../../decisions/index.ts';
import { feedbackMetrics, type FeedbackDimension, type FeedbackMetricSpec } from '../../feedback/index.ts';
import { libraryMetrics } from '../../library/index.ts';
import { median, requestBacklog, requestSlaAttainment } from '../../requests/index.ts';

import { periodPieces } from './period.ts';
import { groupLabel, measure, proportion, type Group } from './values.ts';

/** The feedback, library and requests metrics: their values and the records behind them. */

export interface FamilyQuery {
  workspaceId: string;
  from: string;
  to: string;
  timeZone: string;
  fiscalYearStartMonth: number;
  filters: { segment?: string; owner?: string; team?: string; competitor?: string };
  groupBy: MetricDimension | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function feedbackSpec(q: FamilyQuery, grouped: boolean): FeedbackMetricSpec {
  return { ...q, groupBy: grouped ? (q.groupBy as FeedbackDimension | null) : null };
}

export async function feedbackValues(db: DbOrTx, name: string, q: FamilyQuery, grouped: boolean): Promise<MetricValue[]> {
  const label = (g: Group) => groupLabel(g, grouped ? q.groupBy : null, q.fiscalYearStartMonth);
  if (name === 'themes-addressed') {
    const rows = await feedbackMetrics.themesAddressed(db, feedbackSpec(q, grouped));
    return rows.map((r) => proportion(label(r), r.addressed, r.themes));
  }
  const rows = await feedbackMetrics.stats(db, feedbackSpec(q, grouped));
  return rows.map((r) =>
    name === 'feedback-response-rate'
      ? proportion(label(r), r.responded, r.items)
      : measure(label(r), r.ackMedianDays === null ? null : round1(r.ackMedianDays), r.items, r.acknowledged),
  );
}

export async function feedbackRecords(
  db: DbOrTx,
  name: string,
  q: FamilyQuery,
  opts: { key: string | null | undefined; numerator: boolean; offset: number; limit: number },
): Promise<{ items: MetricRecord[]; total: number }> {
  const spec = feedbackSpec(q, opts.key !== undefined);
  if (name === 'themes-addressed') {
    const rows = await feedbackMetrics.themeRecords(db, spec, { key: opts.key, onlyAddressed: opts.numerator, offset: opts.offset, limit: opts.limit });
    const items = rows.map(
      (r): MetricRecord => ({
        kind: 'theme', id: r.id, title: r.name, context: `${r.items} item${r.items === 1 ? '' : 's'} in the period`, status: r.status,
        date: new Date(r.lastAt).toISOString().slice(0, 10), amount: null, currency: null, amountBase: null, owner: null, segment: null,
        inNumerator: r.status === 'addressed', measure: r.items,
      }),
    );
    return { items, total: rows[0]?.total ?? 0 };
  }
  const part = opts.numerator ? (name === 'feedback-response-rate' ? 'responded' : 'acknowledged') : undefined;
  const rows = await feedbackMetrics.itemRecords(db, spec, { key: opts.key, part, offset: opts.offset, limit: opts.limit });
  const items = rows.map(
    (r): MetricRecord => ({
      kind: 'feedback', id: r.id, title: r.text, context: r.theme ?? r.account, status: r.status,
      date: new Date(r.createdAt).toISOString().slice(0, 10), amount: null, currency: null, amountBase: null, owner: r.submitter, segment: r.segment,
      inNumerator: name === 'feedback-response-rate' ? r.responded : r.acknowledged,
      measure: r.ackDays === null ? null : round1(Number(r.ackDays)),
    }),
  );
  return { items, total: rows[0]?.total ?? 0 };
}

export async function adoptionValues(db: DbOrTx, q: FamilyQuery, grouped: boolean): Promise<MetricValue[]> {
  const byPeriod = grouped && q.groupBy === 'period';
  const periods = periodPieces(q.from, q.to, q.fiscalYearStartMonth, byPeriod);
  const rows = await libraryMetrics.adoption(db, q.workspaceId, periods);
  return rows.map((r) => proportion(groupLabel({ key: r.key, label: r.key }, byPeriod ? 'period' : null, q.fiscalYearStartMonth), r.used, r.published));
}

export async function adoptionRecords(db: DbOrTx, q: FamilyQuery, opts: { numerator: boolean; offset: number; limit: number }) {
  const rows = await libraryMetrics.adoptionRecords(db, q.workspaceId, q.from, q.to, opts.numerator, opts.offset, opts.limit);
  const items = rows.map(
    (r): MetricRecord => ({
      kind: 'asset', id: r.id, title: r.title, context: r.type, status: r.status, date: r.publishedAt.slice(0, 10),
      amount: null, currency: null, amountBase: null, owner: null, segment: null, inNumerator: r.used, measure: r.uses,
    }),
  );
  return { items, total: rows[0]?.total ?? 0 };
}

/** The end of `to` as an instant: now when the period runs to today or later. */
function asOfEnd(to: string, now: Date): Date {
  const end = new Date(`${to}T23:59:59.999Z`);
  return end.getTime() < now.getTime() ? end : now;
}

async function requestRows(db: DbOrTx, name: string, q: FamilyQuery, now: Date) {
  return name === 'request-sla-attainment' ? requestSlaAttainment(db, q.workspaceId, q.from, q.to, now) : requestBacklog(db, q.workspaceId, asOfEnd(q.to, now));
}

export async function requestValues(db: DbOrTx, name: string, q: FamilyQuery, now = new Date()): Promise<MetricValue[]> {
  const rows = await requestRows(db, name, q, now);
  const label = { key: 'total', label: 'Total' };
  if (name === 'request-sla-attainment') return [proportion(label, rows.filter((r) => r.inNumerator).length, rows.length)];
  const ages = rows.map((r) => r.measure ?? 0);
  const med = median(ages);
  return [measure(label, med === null ? null : round1(med), rows.length, rows.length)];
}

export async function requestRecords(db: DbOrTx, name: string, q: FamilyQuery, opts: { numerator: boolean; offset: number; limit: number }, now = new Date()) {
  const rows = (await requestRows(db, name, q, now)).filter((r) => !opts.numerator || r.inNumerator);
  const items = rows.slice(opts.offset, opts.offset + opts.limit).map(
    (r): MetricRecord => ({
      kind: 'request', id: r.id, title: r.title, context: r.type, status: r.status, date: r.at.toISOString().slice(0, 10),
      amount: null, currency: null, amountBase: null, owner: null, segment: null, inNumerator: r.inNumerator, measure: r.measure,
    }),
  );
  return { items, total: rows.length };
}

/**
 * Sales involvement in decisions (the decisions module's `involvementRate`): per fiscal quarter when grouped by period,
 * over the workspace-local days [from, to] as instants (from's midnight to the midnight after `to`).
 */
export async function involvementValues(db: DbOrTx, q: FamilyQuery, grouped: boolean): Promise<MetricValue[]> {
  const byPeriod = grouped && q.groupBy === 'period';
  const periods = periodPieces(q.from, q.to, q.fiscalYearStartMonth, byPeriod);
  const instant = (d: string) => DateTime.fromISO(d, { zone: q.timeZone }).startOf('day').toJSDate();
  const out: MetricValue[] = [];
  for (const p of periods) {
    const r = await involvementRate(db, { workspaceId: q.workspaceId }, { from: instant(p.from), to: DateTime.fromJSDate(instant(p.to)).plus({ days: 1 }).toJSDate() });
    if (!r.denominator && byPeriod) continue;
    out.push(proportion(groupLabel({ key: p.key, label: p.key }, byPeriod ? 'period' : null, q.fiscalYearStartMonth), r.numerator, r.denominator));
  }
  return out;
}
