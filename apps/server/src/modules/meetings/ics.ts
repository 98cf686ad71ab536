/**
 * The occurrence as an iCalendar invitation (ical-generator): one VEVENT with a stable UID per occurrence, start and
 * end as UTC instants (every calendar places them in its reader's zone), the agenda in the description.
 */
import ical from 'ical-generator';
import type { OccurrenceDetail } from '@tandem/contracts';

export function invitationIcs(o: OccurrenceDetail, slug: string): string {
  const cal = ical({ name: o.seriesTitle, prodId: { company: 'Tandem', product: 'Tandem meetings', language: 'EN' } });
  const agenda = o.items.map((i, n) => `${n + 1}. ${i.title}${i.why ? ` — ${i.why}` : ''}`).join('\n');
  cal.createEvent({
    id: `${o.seriesId}-${o.seq}@${slug}.tandem`,
    sequence: o.published ? 1 : 0,
    start: new Date(o.startsAt),
    end: new Date(o.endsAt),
    summary: o.seriesTitle,
    description: `${o.seriesTitle} (occurrence ${o.seq}, ${o.timeZone})\n\nAgenda:\n${agenda || 'No items yet.'}`,
    attendees: o.attendance.map((a) => ({ name: a.name, email: `${a.userId}@${slug}.tandem.invalid` })),
  });
  return cal.toString();
}
