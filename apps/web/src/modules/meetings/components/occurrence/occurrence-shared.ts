import type { MeetingPerson } from '@tandem/contracts';
import { errorMessage } from '../../../../app/api-error.ts';
import { problemFieldErrors } from '../../../../app/forms.ts';
import type { useOccurrenceActions } from '../../hooks/use-meetings.ts';

/** What happened, then who was told: "Agenda published. Lee Lead and Rae Rep were told." */
export function toldWords(what: string, notified: readonly MeetingPerson[]) {
  const names = notified.map((p) => p.name);
  if (!names.length) return `${what} No one else was told.`;
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${what} ${list} ${names.length === 1 ? 'was' : 'were'} told.`;
}

const FIELD_WORDS: Record<string, string> = { title: 'Title', notes: 'Notes', why: 'Why', ownerUserId: 'Owner', dueOn: 'Due date', presentUserIds: 'Attendance', order: 'Order' };

/** The server's refusal in the page's words: "Title: at most 300 characters", not "body.title: at most 300 characters". */
export function problemWords(error: unknown): string {
  const fields = Object.entries(problemFieldErrors(error));
  if (!fields.length) return errorMessage(error);
  return fields.map(([field, message]) => `${FIELD_WORDS[field.split('.')[0] ?? ''] ?? field}: ${message}`).join('; ');
}

/** Runs a change and says what happened (or what went wrong) at the top of the page; true when it was done. */
export type Run = <T>(p: Promise<T>, words: (r: T) => string) => Promise<boolean>;
export type Actions = ReturnType<typeof useOccurrenceActions>;
