/** The agenda or the minutes of an occurrence as Markdown (export). */
import { AGENDA_ITEM_KIND_LABELS, type OccurrenceDetail } from '@tandem/contracts';

const esc = (s: string) => s.replace(/([\\`*_[\]#<>|])/g, '\\$1');

export function minutesMarkdown(o: OccurrenceDetail, part: 'agenda' | 'minutes'): string {
  const when = `${o.startsAt.slice(0, 16).replace('T', ' ')} UTC (${o.timeZone})`;
  const lines = [`# ${esc(o.seriesTitle)} — ${part === 'agenda' ? 'agenda' : 'minutes'}`, '', `Occurrence ${o.seq}, ${when}.`, ''];
  lines.push('## Agenda', '');
  if (!o.items.length) lines.push('No items.', '');
  o.items.forEach((i, n) => {
    lines.push(`${n + 1}. **${esc(i.title)}** (${AGENDA_ITEM_KIND_LABELS[i.kind]})${i.why ? ` — ${esc(i.why)}` : ''}`);
    if (part === 'minutes' && i.notes.trim()) lines.push('', ...i.notes.trim().split('\n').map((l) => `   > ${l}`), '');
  });
  lines.push('');
  if (part === 'minutes') {
    const present = o.attendance.filter((a) => a.present);
    const absent = o.attendance.filter((a) => a.present === false);
    lines.push('## Attendance', '');
    lines.push(o.heldAt ? `Present: ${present.map((a) => esc(a.name)).join(', ') || 'nobody'}.` : 'Attendance was not kept.');
    if (absent.length) lines.push(`Absent: ${absent.map((a) => esc(a.name)).join(', ')}.`);
    lines.push('', '## Action items', '');
    if (!o.actionItems.length) lines.push('None.');
    for (const a of o.actionItems) lines.push(`- [${a.doneAt ? 'x' : ' '}] ${esc(a.title)} — ${esc(a.owner.name)}, due ${a.dueOn}`);
    lines.push('');
  }
  return lines.join('\n');
}
