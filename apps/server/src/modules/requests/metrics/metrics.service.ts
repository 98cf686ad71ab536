/**
 * The numbers the scorecard reads about requests over a period (local dates of the workspace calendar, both ends
 * included; the last 90 days by default): median business hours to a first response, the share delivered within
 * the type's delivery target (with a Wilson 95 % interval), the open backlog by age, requests by type and by the
 * requesters' teams, and reuse — delivered library assets later used by reps who did not ask for them.
 */
import { DateTime } from 'luxon';
import { REQUEST_TYPES, type RequestMetrics, type RequestMetricsQuery, type RequestType } from '@tandem/contracts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { wilsonInterval } from '../../library/index.ts';
import { businessHoursBetween, type SlaTargets, type WorkCalendar } from '../engine/index.ts';
import { readRequestSettings } from '../settings/request-settings.ts';
import { invalidFields } from '../../../lib/app-error.ts';
import { metricsRepository as repo, type ClockRow } from './metrics.repository.ts';

export const DEFAULT_METRICS_DAYS = 90;

export function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** k of n with its Wilson 95 % interval; value and interval null when n is 0. */
export function shareOf(k: number, n: number): RequestMetrics['deliveredWithinSla'] {
  if (!n) return { numerator: k, denominator: n, value: null, low: null, high: null };
  const { low, high } = wilsonInterval(k, n);
  return { numerator: k, denominator: n, value: k / n, low, high };
}

/** The period as instants: `from` 00:00 to the day after `to` 00:00, in the calendar's zone. */
export function periodOf(query: RequestMetricsQuery, calendar: WorkCalendar, now: Date) {
  const today = DateTime.fromJSDate(now, { zone: calendar.timeZone }).toISODate()!;
  const to = query.to ?? today;
  const from = query.from ?? DateTime.fromISO(to, { zone: 'utc' }).minus({ days: DEFAULT_METRICS_DAYS - 1 }).toISODate()!;
  if (from > to) throw invalidFields([{ path: 'query.from', message: `the period starts (${from}) after it ends (${to})` }]);
  const start = DateTime.fromISO(from, { zone: calendar.timeZone }).startOf('day').toJSDate();
  const end = DateTime.fromISO(to, { zone: calendar.timeZone }).plus({ days: 1 }).startOf('day').toJSDate();
  return { from, to, start, end };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Delivered within the type's delivery target: business hours from filing to delivery at most the target. */
export function withinTarget(rows: readonly ClockRow[], targets: Record<RequestType, SlaTargets>, calendar: WorkCalendar) {
  return rows.filter((r) => businessHoursBetween(r.createdAt, r.doneAt, calendar) <= (targets[r.type as RequestType]?.deliveryHours ?? Infinity)).length;
}

export function createMetricsService(deps: Deps) {
  const { database } = deps;
  return {
    async get(ctx: TenantContext, query: RequestMetricsQuery, now = new Date()): Promise<RequestMetrics> {
      return database.readTenant(ctx.workspaceId, async (db) => {
        const settings = await readRequestSettings(db, ctx.workspaceId);
        const { calendar } = settings;
        const p = periodOf(query, calendar, now);
        // One connection: the statements run one after another (pg refuses overlapping queries on a client).
        const firsts = await repo.firstResponses(db, ctx.workspaceId, p.start, p.end);
        const deliveries = await repo.deliveries(db, ctx.workspaceId, p.start, p.end);
        const backlog = await repo.backlog(db, ctx.workspaceId, now);
        const types = await repo.byType(db, ctx.workspaceId, p.start, p.end);
        const teams = await repo.byTeam(db, ctx.workspaceId, p.start, p.end);
        const reuse = await repo.reuse(db, ctx.workspaceId, p.start, p.end);
        const firstHours = firsts.map((r) => businessHoursBetween(r.createdAt, r.doneAt, calendar));
        const med = median(firstHours);
        const typeCount = new Map(types.map((t) => [t.type, t.count]));
        return {
          from: p.from,
          to: p.to,
          medianFirstResponseHours: med === null ? null : round1(med),
          firstResponseCount: firsts.length,
          deliveredWithinSla: shareOf(withinTarget(deliveries, settings.targets, calendar), deliveries.length),
          backlogByAge: (['under_1_week', '1_2_weeks', '2_4_weeks', 'over_4_weeks'] as const).map((bucket) => ({ bucket, count: backlog[bucket] })),
          byType: REQUEST_TYPES.map((type) => ({ type, count: typeCount.get(type) ?? 0 })),
          byTeam: teams
            .filter((t) => t.count > 0)
            .map((t) => ({ teamId: t.teamId, teamName: t.teamName ?? 'No team', count: t.count }))
            .sort((a, b) => b.count - a.count || (a.teamId === null ? 1 : b.teamId === null ? -1 : a.teamName.localeCompare(b.teamName))),
          reuse,
        };
      });
    },
  };
}

export type MetricsService = ReturnType<typeof createMetricsService>;
