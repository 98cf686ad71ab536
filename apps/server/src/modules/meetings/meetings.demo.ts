/**
 * The meetings' part of the demo story: Northwind's weekly PMM–sales sync, owned by the head of product marketing,
 * with six past occurrences — each agenda generated from the data as it stood then (capped at six items), published
 * the day before, a note on the week's topic, attendance, two action items agreed each week (most done, some late, the
 * latest still open so they are carried into the next agenda, which is a live draft). Dates relative to `now`.
 */
import { DateTime } from 'luxon';
import type { Db } from '../../db/database.ts';
import type { Random } from '../../lib/random.ts';
import { agendaCandidates } from './agenda.ts';
import { meetingsRepository as repo } from './meetings.repository.ts';
import { occurrenceAt, sinceOf, type SeriesRule } from './recurrence.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const OWNER = 'Priya Raman';
const ATTENDEES = ['Priya Raman', 'Leo Martins', 'Hannah Berg', 'Marcus Reed', 'Elena Petrova', 'Sofia Alvarez', 'Dana Whitfield'];

type Action = [title: string, owner: string, dueInDays: number, doneInDays: number | null];
/** A past week: a free topic with its note, and the action items agreed (owner, days to due, days to done or null: open). */
const week = (topic: string, note: string, ...actions: Action[]) => ({ topic, note, actions });

const WEEKS = [
  week('Q3 launch calendar: what sales needs two weeks ahead', 'Sales wants the battlecard before the webinar, not after.',
    ['Share the Q3 launch calendar with both sales teams', 'Leo Martins', 5, 3], ['Collect three lost-deal stories on pricing', 'Marcus Reed', 7, 6]),
  week('Competitive: the new Snowpeak free tier', 'Two EMEA deals mention Snowpeak’s free tier this month.',
    ['Draft the Snowpeak free-tier talk track', 'Hannah Berg', 7, 9], ['Send the EMEA pipeline list affected by residency questions', 'Elena Petrova', 5, 4]),
  week('Win/loss review: pricing objections', 'Price came up in 4 of the last 6 losses; packaging, not list price.',
    ['Write the packaging FAQ for reps', 'Priya Raman', 10, 8], ['Record a 5-minute demo of the usage calculator', 'Sofia Alvarez', 7, 12]),
  week('Enablement: new-hire ramp kit', 'Ramp kit to include the top three objection handlers.',
    ['Update the ramp kit with objection handlers', 'Leo Martins', 7, 6], ['Nominate two reps to review the kit', 'Marcus Reed', 3, 2]),
  week('Data residency messaging for EMEA', 'Legal approved "one governed warehouse" wording.',
    ['Publish the EMEA residency one-pager', 'Hannah Berg', 7, 5], ['Book two customer references for the residency story', 'Elena Petrova', 14, null]),
  week('Pipeline review: deals needing PMM help this month', 'Three late-stage deals need a competitive briefing.',
    ['Run the competitive briefing for the three late-stage deals', 'Hannah Berg', 6, null], ['Share the Globex objection notes with PMM', 'Sofia Alvarez', 4, null]),
];

export async function seedMeetingsDemo(db: Db, workspaceId: string, rnd: Random, now = new Date()) {
  const members = await repo.members(db, workspaceId);
  const byName = new Map([...members.values()].map((m) => [m.name, m.userId]));
  const id = (name: string) => {
    const userId = byName.get(name);
    if (!userId) throw new Error(`demo meetings: no member ${name}`);
    return userId;
  };
  const timeZone = 'America/New_York';
  const rule: SeriesRule = {
    cadence: 'weekly',
    startsOn: DateTime.fromJSDate(now).setZone(timeZone).minus({ days: 40 }).toISODate()!,
    startTime: '09:30',
    timeZone,
    durationMinutes: 45,
  };
  const series = await repo.insertSeries(db, { workspaceId, title: 'PMM–Sales weekly sync', ...rule, ownerUserId: id(OWNER), createdAt: new Date(now.getTime() - 45 * DAY) });
  await repo.setAttendees(db, workspaceId, series.id, ATTENDEES.map(id));
  let actionItems = 0;
  let held = 0;
  for (const [k, week] of WEEKS.entries()) {
    const seq = k + 1;
    const o = occurrenceAt(rule, seq);
    if (o.startsAt >= now) break;
    const occ = await repo.ensureOccurrence(db, workspaceId, series.id, seq, o.startsAt);
    const published = new Date(o.startsAt.getTime() - DAY);
    const generated = (await agendaCandidates(db, workspaceId, { seriesId: series.id, seq, since: sinceOf(rule, seq), until: published, timeZone })).slice(0, 6);
    await repo.insertAgendaItems(db, [
      ...generated.map((c, i) => ({ workspaceId, occurrenceId: occ.id, position: i + 1, ...c, notes: '' })),
      // The week's note is about its topic (it read as a note on whichever theme came first).
      { workspaceId, occurrenceId: occ.id, position: generated.length + 1, kind: 'free' as const, title: week.topic, why: 'Added by the owner', notes: week.note },
    ]);
    await repo.updateOccurrence(db, workspaceId, occ.id, { publishedAt: published, publishedByUserId: id(OWNER), heldAt: new Date(o.startsAt.getTime() + HOUR) });
    held = seq;
    const absent = new Set([ATTENDEES[1 + rnd.int(0, ATTENDEES.length - 2)]!]);
    await repo.setAttendance(db, workspaceId, occ.id, ATTENDEES.map((name) => ({ userId: id(name), present: !absent.has(name) })));
    for (const [title, owner, dueIn, doneIn] of week.actions) {
      const due = DateTime.fromJSDate(o.startsAt).setZone(timeZone).plus({ days: dueIn }).toISODate()!;
      const doneAt = doneIn === null ? null : new Date(o.startsAt.getTime() + doneIn * DAY);
      await repo.insertActionItem(db, {
        workspaceId,
        seriesId: series.id,
        occurrenceId: occ.id,
        seq,
        title,
        ownerUserId: id(owner),
        dueOn: due,
        doneAt: doneAt && doneAt < now ? doneAt : null,
        createdByUserId: id(OWNER),
        createdAt: new Date(o.startsAt.getTime() + HOUR / 2),
      });
      actionItems += 1;
    }
  }
  // As the app does once a meeting is held: the next occurrence is stored (its agenda stays a live draft).
  await repo.ensureOccurrence(db, workspaceId, series.id, held + 1, occurrenceAt(rule, held + 1).startsAt);
  return { meetingSeries: 1, meetingOccurrences: WEEKS.length, meetingActionItems: actionItems };
}
