import type { MetricName, MetricValue } from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';
import type { MetricSource } from './metric-source.ts';
import type { FamilyQuery } from './other-families.ts';
import { periodPieces } from './period.ts';
import { groupLabel, proportion } from './values.ts';

/**
 * A source's metric (metric-source.ts) as the catalogue answers it: grouped by period, the source counts each fiscal
 * quarter of the range (clipped to it) and quarters with nothing counted are left for the caller to fill as "no
 * data"; grouped by another dimension, the source groups; every count becomes a proportion with its Wilson interval.
 */
export async function sourcedValues(db: DbOrTx, source: MetricSource, name: MetricName, q: FamilyQuery, grouped: boolean, now: Date): Promise<MetricValue[]> {
  const byPeriod = grouped && q.groupBy === 'period';
  const groupBy = grouped && q.groupBy !== 'period' ? q.groupBy : null;
  const out: MetricValue[] = [];
  // One after another: `db` may be a transaction's single connection.
  for (const p of periodPieces(q.from, q.to, q.fiscalYearStartMonth, byPeriod)) {
    const rows = await source.count(db, name, { workspaceId: q.workspaceId, from: p.from, to: p.to, filters: q.filters, groupBy, now });
    for (const r of rows) {
      if (byPeriod && !r.denominator) continue;
      const g = byPeriod ? { key: p.key, label: p.key } : r;
      out.push(proportion(groupLabel(g, grouped ? q.groupBy : null, q.fiscalYearStartMonth), r.numerator, r.denominator));
    }
  }
  return out;
}
