/**
 * The SLA watcher: every few minutes, each open request's clocks are read against the workspace calendar; a clock
 * that turned due soon or breached tells the assignee and the requesters' team leads (`request.sla_alert`) and
 * leaves a line in the request's activity. `request_sla_notices` holds one row per (request, clock, state), written
 * in the transaction that emits, so each state of each clock is told once — whichever worker runs, however often.
 */
import { DateTime } from 'luxon';
import type { RequestType } from '@tandem/contracts';
import type { Deps } from '../../../lib/deps.ts';
import { slaClock, type WorkCalendar } from '../engine/index.ts';
import { readRequestSettings } from '../settings/request-settings.ts';
import { slaWatchRepository as repo, type SlaClockName, type SlaNotice, type SlaNoticeState } from './sla-watch.repository.ts';

/** Every five minutes: a clock is told at most five minutes after it turns. */
export const SLA_WATCH_CRON = '*/5 * * * *';

const CLOCK_WORDS: Record<SlaClockName, string> = { first_response: 'First response', delivery: 'Delivery' };

/** "Tue 12 May 14:00 (Europe/Berlin)": the due instant in the workspace's zone. */
export function dueWords(at: Date, calendar: WorkCalendar): string {
  return `${DateTime.fromJSDate(at, { zone: calendar.timeZone }).setLocale('en-GB').toFormat('ccc d LLL HH:mm')} (${calendar.timeZone})`;
}

export function noticeText(clock: SlaClockName, state: SlaNoticeState, dueAt: Date, calendar: WorkCalendar): string {
  return state === 'breached'
    ? `${CLOCK_WORDS[clock]} is past its SLA: it was due ${dueWords(dueAt, calendar)}`
    : `${CLOCK_WORDS[clock]} is due soon: by ${dueWords(dueAt, calendar)}`;
}

/** Checks one workspace's open requests; answers the notices it sent. */
export async function watchWorkspace(deps: Deps, workspaceId: string, now: Date): Promise<number> {
  return deps.database.withTenant(workspaceId, async (tx) => {
    const settings = await readRequestSettings(tx, workspaceId);
    const open = await repo.openRequests(tx, workspaceId);
    const due: (SlaNotice & { dueAt: Date })[] = [];
    for (const r of open) {
      const c = slaClock({
        createdAt: r.createdAt,
        firstRespondedAt: r.firstRespondedAt,
        deliveredAt: null,
        targets: settings.targets[r.type as RequestType],
        now,
        calendar: settings.calendar,
        dueSoonFraction: settings.dueSoonFraction,
      });
      const fr = c.firstResponse.state;
      if (!r.firstRespondedAt && (fr === 'due_soon' || fr === 'breached')) due.push({ requestId: r.id, clock: 'first_response', state: fr, dueAt: c.firstResponseDueAt });
      const d = c.delivery.state;
      if (d === 'due_soon' || d === 'breached') due.push({ requestId: r.id, clock: 'delivery', state: d, dueAt: c.deliveryDueAt });
    }
    if (!due.length) return 0;
    const sent = await repo.sentNotices(
      tx,
      workspaceId,
      due.map((n) => n.requestId),
    );
    const fresh = due.filter((n) => !sent.has(`${n.requestId}:${n.clock}:${n.state}`));
    const claimed = await repo.claim(
      tx,
      workspaceId,
      fresh.map(({ requestId, clock, state }) => ({ requestId, clock, state })),
    );
    if (!claimed.length) return 0;
    const byId = new Map(open.map((r) => [r.id, r]));
    const dueAt = new Map(fresh.map((n) => [`${n.requestId}:${n.clock}:${n.state}`, n.dueAt]));
    const leads = await repo.requesterLeads(
      tx,
      workspaceId,
      claimed.map((n) => n.requestId),
    );
    const activity = [];
    for (const n of claimed) {
      const r = byId.get(n.requestId)!;
      const at = dueAt.get(`${n.requestId}:${n.clock}:${n.state}`)!;
      const recipients = [...new Set([r.assigneeUserId, ...(leads.get(r.id) ?? [])].filter((u): u is string => !!u))];
      const text = noticeText(n.clock, n.state, at, settings.calendar);
      await deps.emit(tx, {
        workspaceId,
        type: 'request.sla_alert',
        payload: { requestId: r.id, number: r.number, title: r.title, clock: n.clock, state: n.state, dueAt: at.toISOString(), recipientUserIds: recipients },
      });
      activity.push({
        workspaceId,
        requestId: r.id,
        kind: n.state === 'breached' ? 'sla_breached' : 'sla_due_soon',
        actorUserId: null,
        text,
        data: { clock: n.clock, state: n.state, dueAt: at.toISOString(), notified: recipients },
      });
    }
    await repo.addActivity(tx, activity);
    return claimed.length;
  });
}

/** One pass over every workspace with open requests; answers how many notices went out. */
export async function watchSlas(deps: Deps, now = new Date()): Promise<number> {
  const workspaceIds = await deps.database.withSystem((tx) => repo.workspacesWithOpenRequests(tx));
  let sent = 0;
  for (const workspaceId of workspaceIds) {
    try {
      sent += await watchWorkspace(deps, workspaceId, now);
    } catch (err) {
      // One workspace's bad data must not keep the others' clocks silent.
      deps.log.error({ err, workspaceId }, 'SLA watch failed for a workspace');
    }
  }
  return sent;
}

/** The watcher as the job workers schedule it (`tandem start`, `tandem worker`). */
export function slaWatchJob(deps: Deps) {
  return { queue: 'requests-sla-watch', cron: SLA_WATCH_CRON, run: () => watchSlas(deps) };
}
