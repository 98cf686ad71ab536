/**
 * The meetings' metrics in the goals catalogue, through goals' metric-source port (goals reads no meetings code:
 * meetings reads goals for its agenda). Given to `createGoalsServices` by the composition root (services.ts).
 */
import type { MeetingMetricName, MetricName } from '@tandem/contracts';
import type { MetricSource, SourceCount, SourcedEntry, SourceQuery } from '../goals/index.ts';
import type { DbOrTx } from '../../db/database.ts';
import { meetingsRepository as repo } from './meetings.repository.ts';
import { meetingsHeld, periodInstants } from './metrics.ts';

/** Every meetings metric is a share (k of n) where more is better, counted in sync meetings' records. */
const entry = (title: string, definition: string, dimensions: SourcedEntry['filters']): SourcedEntry => ({
  title,
  definition,
  kind: 'proportion',
  higherIsBetter: true,
  filters: dimensions,
  groupBy: dimensions,
  byAmount: false,
  records: 'meeting',
});

const ENTRIES: Record<MeetingMetricName, SourcedEntry> = {
  'meeting-action-items-on-time': entry(
    'Meeting action items done on time',
    'Of the action items agreed in sync meetings that fall due in the period, the share marked done by the end of their due day (UTC). Items still open, or done after their due day, count against it. Team is the workspace team of the item’s owner (an owner in two teams counts in each; owners in none are “No team”). Shown with its sample size and a Wilson 95 % interval.',
    ['period', 'team'],
  ),
  'meetings-held': entry(
    'Meetings held as scheduled',
    'Of the sync meetings the series’ schedules place in the period and that have started by now, the share held — attendance kept by the series owner. A meeting held early, before its start, counts as held and as scheduled. Every series counts, each meeting once. Shown with its sample size and a Wilson 95 % interval.',
    ['period'],
  ),
  'meeting-attendance': entry(
    'Meeting attendance',
    'Over the sync meetings held in the period (by their start), the share of invited attendees marked present: each attendee of each held meeting counts once, present or absent, as the owner kept it. By team, a person counts in each workspace team they belong to (people in none are “No team”); the Meetings page’s own record groups by role instead. Shown with its sample size and a Wilson 95 % interval.',
    ['period', 'team'],
  ),
};

/** Goals asks only for the metrics of ENTRIES (catalogue.ts routes each name to the source that gave it). */
async function count(db: DbOrTx, metric: MetricName, q: SourceQuery): Promise<SourceCount[]> {
  const by = { team: q.filters.team, groupByTeam: q.groupBy === 'team' };
  const name = metric as MeetingMetricName;
  switch (name) {
    case 'meeting-action-items-on-time':
      return repo.actionItemsDue(db, q.workspaceId, q.from, q.to, by);
    case 'meetings-held': {
      const { numerator, denominator } = await meetingsHeld(db, q.workspaceId, q, q.now);
      return [{ key: null, label: null, numerator, denominator }];
    }
    case 'meeting-attendance': {
      const { start, end } = periodInstants(q);
      return repo.attendanceCounts(db, q.workspaceId, start, end, by);
    }
    default: {
      const never: never = name;
      throw new Error(`the meetings count no metric ${String(never)}`);
    }
  }
}

export const meetingsMetricSource: MetricSource = {
  entries: ENTRIES,
  count,
  recordsOn: 'the Meetings page, whose record “How the syncs went” takes the same from and to',
};
