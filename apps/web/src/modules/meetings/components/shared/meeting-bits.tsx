import { Badge } from '@mantine/core';
import type { OccurrenceRef } from '@tandem/contracts';

const STATE: Record<OccurrenceRef['state'], { label: string; color: string }> = {
  draft: { label: 'Draft agenda', color: 'gray' },
  published: { label: 'Agenda published', color: 'blue' },
  held: { label: 'Held', color: 'teal' },
};

export function OccurrenceStateBadge({ state, past }: { state: OccurrenceRef['state']; past?: boolean }) {
  const s = past && state !== 'held' ? { label: 'Not recorded', color: 'gray' } : STATE[state];
  return (
    <Badge variant="light" color={s.color} tt="none" c={`${s.color}.9`}>
      {s.label}
    </Badge>
  );
}
