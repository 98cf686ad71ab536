import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { OccurrenceDetail } from '@tandem/contracts';
import { invitationIcs } from './ics.ts';
import { minutesMarkdown } from './markdown.ts';
import { nextOccurrence, occurrenceAt, occurrencesBetween, sinceOf, type SeriesRule } from './recurrence.ts';

const local = (d: Date, zone: string) => new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);

describe('recurrence', () => {
  // Berlin leaves summer time on Sunday 25 October 2026 (UTC+2 → UTC+1).
  const berlin: SeriesRule = { cadence: 'weekly', startsOn: '2026-10-13', startTime: '09:30', timeZone: 'Europe/Berlin', durationMinutes: 45 };

  it('keeps the local wall time across a daylight-saving change (the UTC instant moves)', () => {
    const [a, b, c] = [1, 2, 3].map((seq) => occurrenceAt(berlin, seq));
    expect(a!.startsAt.toISOString()).toBe('2026-10-13T07:30:00.000Z');
    expect(b!.startsAt.toISOString()).toBe('2026-10-20T07:30:00.000Z');
    expect(c!.startsAt.toISOString()).toBe('2026-10-27T08:30:00.000Z');
    for (const o of [a, b, c]) expect(local(o!.startsAt, 'Europe/Berlin')).toBe('Tue 09:30');
    expect(c!.endsAt.getTime() - c!.startsAt.getTime()).toBe(45 * 60_000);
  });

  it('keeps it across the spring change in New York, every two weeks', () => {
    // New York enters summer time on Sunday 8 March 2026 (UTC−5 → UTC−4).
    const ny: SeriesRule = { cadence: 'biweekly', startsOn: '2026-02-26', startTime: '16:00', timeZone: 'America/New_York', durationMinutes: 30 };
    const list = occurrencesBetween(ny, new Date('2026-02-01T00:00:00Z'), new Date('2026-04-01T00:00:00Z'));
    expect(list.map((o) => [o.seq, o.startsAt.toISOString()])).toEqual([
      [1, '2026-02-26T21:00:00.000Z'],
      [2, '2026-03-12T20:00:00.000Z'],
      [3, '2026-03-26T20:00:00.000Z'],
    ]);
  });

  it('monthly on the same day of the month; the next occurrence and the window since the previous one', () => {
    const monthly: SeriesRule = { cadence: 'monthly', startsOn: '2026-01-15', startTime: '10:00', timeZone: 'UTC', durationMinutes: 60 };
    expect(occurrenceAt(monthly, 3).startsAt.toISOString()).toBe('2026-03-15T10:00:00.000Z');
    expect(nextOccurrence(monthly, new Date('2026-03-15T10:00:00.001Z'))!.seq).toBe(4);
    expect(nextOccurrence(monthly, new Date('2026-03-15T10:00:00Z'))!.seq).toBe(3);
    expect(sinceOf(monthly, 3).toISOString()).toBe('2026-02-15T10:00:00.000Z');
    expect(sinceOf(monthly, 1).toISOString()).toBe('2025-12-15T10:00:00.000Z');
  });
});

const detail = (over: Partial<OccurrenceDetail> = {}): OccurrenceDetail => ({
  seriesId: '00000000-0000-4000-8000-000000000001',
  seriesTitle: 'PMM–Sales sync; "weekly", with commas',
  timeZone: 'Europe/Berlin',
  seq: 3,
  startsAt: '2026-10-27T08:30:00.000Z',
  endsAt: '2026-10-27T09:15:00.000Z',
  since: '2026-10-20T07:30:00.000Z',
  state: 'published',
  published: { at: '2026-10-26T08:00:00.000Z', by: 'Pia' },
  heldAt: '2026-10-27T09:15:00.000Z',
  items: [
    { id: '00000000-0000-4000-8000-000000000002', position: 1, kind: 'theme', sourceId: '00000000-0000-4000-8000-000000000003', title: 'Pricing too high', why: 'New since the last sync; 120,000 at stake', link: '/w/acme/feedback/themes/x', notes: 'Agreed: packaging FAQ' },
    { id: '00000000-0000-4000-8000-000000000004', position: 2, kind: 'free', sourceId: null, title: 'Launch calendar', why: 'Added by the owner', link: null, notes: '' },
  ],
  attendance: [
    { userId: '00000000-0000-4000-8000-000000000005', name: 'Pia Marketing', role: 'marketing', team: 'marketing', present: true },
    { userId: '00000000-0000-4000-8000-000000000006', name: 'Lee Lead', role: 'sales_lead', team: 'sales', present: false },
  ],
  actionItems: [{ id: '00000000-0000-4000-8000-000000000007', title: 'Write the FAQ', owner: { userId: '00000000-0000-4000-8000-000000000005', name: 'Pia Marketing' }, dueOn: '2026-11-03', doneAt: null, fromSeq: 3, overdue: false }],
  canManage: true,
  canTakePart: true,
  ...over,
});

describe('the .ics invitation', () => {
  it('parses with a second, independent parser (ical.js): one event, its instants, title, agenda and attendees', () => {
    const text = invitationIcs(detail(), 'acme');
    const component = new ICAL.Component(ICAL.parse(text));
    const events = component.getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    const event = new ICAL.Event(events[0]!);
    expect(event.summary).toBe('PMM–Sales sync; "weekly", with commas');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-10-27T08:30:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-10-27T09:15:00.000Z');
    expect(event.uid).toBe('00000000-0000-4000-8000-000000000001-3@acme.tandem');
    expect(event.description).toContain('1. Pricing too high — New since the last sync; 120,000 at stake');
    expect(event.attendees.map((a) => a.getParameter('cn'))).toEqual(['Pia Marketing', 'Lee Lead']);
  });
});

describe('Markdown export', () => {
  it('the agenda lists items with why; the minutes add notes, attendance and action items', () => {
    const agenda = minutesMarkdown(detail(), 'agenda');
    expect(agenda).toContain('1. **Pricing too high** (Feedback theme) — New since the last sync; 120,000 at stake');
    expect(agenda).not.toContain('Attendance');
    const minutes = minutesMarkdown(detail(), 'minutes');
    expect(minutes).toContain('   > Agreed: packaging FAQ');
    expect(minutes).toContain('Present: Pia Marketing.');
    expect(minutes).toContain('Absent: Lee Lead.');
    expect(minutes).toContain('- [ ] Write the FAQ — Pia Marketing, due 2026-11-03');
  });
});
