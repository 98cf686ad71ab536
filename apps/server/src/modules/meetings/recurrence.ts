/**
 * A series' occurrences from its recurrence rule (rrule), at one local wall time in an IANA time zone. The rule runs
 * on "floating" local date-times (wall clock, no zone) and each is then placed in the zone with Luxon, so a 09:30
 * sync stays at 09:30 local across a daylight-saving change (its UTC instant moves by the hour instead). A wall time
 * that does not exist on a spring-forward day moves forward by the gap (Luxon's rule). Database-free.
 */
import rrulePkg from 'rrule';
import { DateTime } from 'luxon';

const { RRule } = rrulePkg;

export type Cadence = 'weekly' | 'biweekly' | 'monthly';
export interface SeriesRule {
  cadence: Cadence;
  /** The first occurrence's local date (YYYY-MM-DD) and wall time (HH:MM) in `timeZone`. */
  startsOn: string;
  startTime: string;
  timeZone: string;
  durationMinutes: number;
}
export interface Occurrence {
  /** 1-based place in the rule. */
  seq: number;
  startsAt: Date;
  endsAt: Date;
}

const MAX_SEQ = 100_000;

function floatingStart(rule: SeriesRule): Date {
  const [y, m, d] = rule.startsOn.split('-').map(Number) as [number, number, number];
  const [hh, mm] = rule.startTime.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, d, hh, mm));
}

function rruleOf(rule: SeriesRule) {
  const freq = rule.cadence === 'monthly' ? RRule.MONTHLY : RRule.WEEKLY;
  return new RRule({ freq, interval: rule.cadence === 'biweekly' ? 2 : 1, dtstart: floatingStart(rule) });
}

/** A floating date-time (wall clock in UTC fields) placed in the zone. */
function place(floating: Date, rule: SeriesRule, seq: number): Occurrence {
  const local = DateTime.fromObject(
    {
      year: floating.getUTCFullYear(),
      month: floating.getUTCMonth() + 1,
      day: floating.getUTCDate(),
      hour: floating.getUTCHours(),
      minute: floating.getUTCMinutes(),
    },
    { zone: rule.timeZone },
  );
  const startsAt = local.toJSDate();
  return { seq, startsAt, endsAt: new Date(startsAt.getTime() + rule.durationMinutes * 60_000) };
}

/** The instant's wall clock in the zone as a floating date-time. */
function floatingOf(at: Date, zone: string): Date {
  const l = DateTime.fromJSDate(at).setZone(zone);
  return new Date(Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute));
}

/** The occurrence numbered `seq` (1-based). */
export function occurrenceAt(rule: SeriesRule, seq: number): Occurrence {
  const dates = rruleOf(rule).all((_d, i) => i < Math.min(seq, MAX_SEQ));
  const last = dates[dates.length - 1];
  if (!last || dates.length < seq) throw new Error(`the rule has no occurrence ${seq}`);
  return place(last, rule, seq);
}

/** Occurrences starting in [from, to), oldest first. */
export function occurrencesBetween(rule: SeriesRule, from: Date, to: Date): Occurrence[] {
  // Floating bounds a day wider than the zone's offset can move them; the exact cut is on the placed instants.
  const until = new Date(floatingOf(to, rule.timeZone).getTime() + 86_400_000);
  const dates = rruleOf(rule).all((d, i) => i < MAX_SEQ && d <= until);
  return dates.map((d, i) => place(d, rule, i + 1)).filter((o) => o.startsAt >= from && o.startsAt < to);
}

/** The first occurrence starting at or after `at` (null past the rule's horizon). */
export function nextOccurrence(rule: SeriesRule, at: Date): Occurrence | null {
  const it = rruleOf(rule);
  const after = floatingOf(new Date(at.getTime() - 86_400_000 * 2), rule.timeZone);
  const dates = it.all((d, i) => i < MAX_SEQ && d <= new Date(after.getTime() + 86_400_000 * 70));
  for (let i = 0; i < dates.length; i++) {
    const o = place(dates[i]!, rule, i + 1);
    if (o.startsAt >= at) return o;
  }
  return null;
}

/** When the agenda of occurrence `seq` starts looking: the previous occurrence's start (one period back for the first). */
export function sinceOf(rule: SeriesRule, seq: number): Date {
  if (seq > 1) return occurrenceAt(rule, seq - 1).startsAt;
  const first = DateTime.fromJSDate(occurrenceAt(rule, 1).startsAt).setZone(rule.timeZone);
  const back = rule.cadence === 'monthly' ? { months: 1 } : { weeks: rule.cadence === 'biweekly' ? 2 : 1 };
  return first.minus(back).toJSDate();
}
