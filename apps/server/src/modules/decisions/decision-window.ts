/**
 * The input window as pure rules (no database): it opens when the decision is opened and closes at one instant.
 * Input is taken strictly before that instant — at it, or a second after, it is refused — whatever zone the instant
 * was written in (an offset names the same instant as its UTC form).
 */
import { DateTime } from 'luxon';
import type { DecisionPhase, DecisionStance, StanceCounts } from '@tandem/contracts';

export const isWindowOpen = (closesAt: Date, now: Date): boolean => now.getTime() < closesAt.getTime();

export function phaseOf(status: 'open' | 'decided', closesAt: Date, now: Date): DecisionPhase {
  if (status === 'decided') return 'decided';
  return isWindowOpen(closesAt, now) ? 'collecting_input' : 'awaiting_decision';
}

/** The reminder is due from one day before the close until the close. */
export const REMIND_BEFORE_MS = 24 * 3600 * 1000;
export const isReminderDue = (closesAt: Date, now: Date): boolean =>
  isWindowOpen(closesAt, now) && closesAt.getTime() - now.getTime() <= REMIND_BEFORE_MS;

/** The local date of an instant in a time zone (the decide-by date is compared in the owner's zone). */
export const localDateOf = (at: Date, timeZone: string): string =>
  DateTime.fromJSDate(at, { zone: timeZone }).toISODate() ?? at.toISOString().slice(0, 10);

/** An instant as its owner reads it: "Jan 1, 2020, 10:00 AM" in their zone, not UTC's ISO form. */
const localDateTimeOf = (at: Date, timeZone: string): string =>
  DateTime.fromJSDate(at, { zone: timeZone }).setLocale('en-US').toFormat('LLL d, yyyy, h:mm a');

/**
 * What a new window must satisfy: it closes after `now`, and the decision is due no earlier than the local day the
 * window closes in the owner's zone. Answers the problems by field.
 */
export function windowProblems(closesAt: Date, decideBy: string, now: Date, timeZone: string): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (!isWindowOpen(closesAt, now)) problems.push({ path: 'body.inputClosesAt', message: `${localDateTimeOf(closesAt, timeZone)} (${timeZone}) has already passed: input must close after now` });
  const closeDay = localDateOf(closesAt, timeZone);
  if (decideBy < closeDay) problems.push({ path: 'body.decideBy', message: `${decideBy} is before input closes (${closeDay} in ${timeZone})` });
  return problems;
}

export function countStances(stances: readonly DecisionStance[]): StanceCounts {
  const counts: StanceCounts = { support: 0, concern: 0, object: 0 };
  for (const s of stances) counts[s] += 1;
  return counts;
}
