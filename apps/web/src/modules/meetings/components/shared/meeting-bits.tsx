import { Badge } from '@mantine/core';
import type { OccurrenceRef } from '@tandem/contracts';

// One readable colour for every state (axe: teal.9 on the light teal badge read under 4.5:1); the words differ.
const STATE: Record<OccurrenceRef['state'], { label: string; variant: 'light' | 'outline' }> = {
  draft: { label: 'Draft agenda', variant: 'outline' },
  published: { label: 'Agenda published', variant: 'light' },
  held: { label: 'Held', variant: 'light' },
};

export function OccurrenceStateBadge({ state, past }: { state: OccurrenceRef['state']; past?: boolean }) {
  const s = past && state !== 'held' ? ({ label: 'Not recorded', variant: 'outline' } as const) : STATE[state];
  return (
    <Badge variant={s.variant} color="gray" tt="none" c="gray.9">
      {s.label}
    </Badge>
  );
}
