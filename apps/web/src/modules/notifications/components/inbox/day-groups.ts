import type { InboxItem } from '@tandem/contracts';

/** "2026-11-28": the calendar day an instant falls on in `timeZone`. */
export function dayOf(iso: string | number, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
  }
}

function previousDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! - 1)).toISOString().slice(0, 10);
}

/** "Today", "Yesterday", or the date in words ("Monday, 24 November", with the year when it is not this year's). */
export function dayHeading(day: string, timeZone: string, now: number = Date.now()): string {
  const today = dayOf(now, timeZone);
  if (day === today) return 'Today';
  if (day === previousDay(today)) return 'Yesterday';
  const [y, m, d] = day.split('-').map(Number);
  // Noon UTC of that day names the same date in every zone's formatter below.
  const date = new Date(Date.UTC(y!, m! - 1, d!, 12));
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: day.slice(0, 4) === today.slice(0, 4) ? undefined : 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

export interface DayGroup {
  day: string;
  heading: string;
  items: InboxItem[];
}

/** Items (newest first) in runs of one calendar day in the reader's zone. */
export function groupByDay(items: InboxItem[], timeZone: string, now: number = Date.now()): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const item of items) {
    const day = dayOf(item.createdAt, timeZone);
    const last = groups.at(-1);
    if (last && last.day === day) last.items.push(item);
    else groups.push({ day, heading: dayHeading(day, timeZone, now), items: [item] });
  }
  return groups;
}

/** "14:05" in the reader's zone, for items under a day heading. */
export function timeOf(iso: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(new Date(iso));
  }
}
