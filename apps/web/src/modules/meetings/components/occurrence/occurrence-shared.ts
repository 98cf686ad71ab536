import type { MeetingPerson } from '@tandem/contracts';
import type { useOccurrenceActions } from '../../hooks/use-meetings.ts';

/** What happened, then who was told: "Agenda published. Lee Lead and Rae Rep were told." */
export function toldWords(what: string, notified: readonly MeetingPerson[]) {
  const names = notified.map((p) => p.name);
  if (!names.length) return `${what} No one else was told.`;
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${what} ${list} ${names.length === 1 ? 'was' : 'were'} told.`;
}

/** Runs a change and says what happened (or what went wrong) at the top of the page. */
export type Run = <T>(p: Promise<T>, words: (r: T) => string) => Promise<void>;
export type Actions = ReturnType<typeof useOccurrenceActions>;
