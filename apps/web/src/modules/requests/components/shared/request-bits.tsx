import { Badge, Group, Text, Tooltip, type MantineSize } from '@mantine/core';
import { IconPin, IconArrowsSort } from '@tabler/icons-react';
import {
  REQUEST_STATUS_LABELS,
  REQUEST_TYPE_LABELS,
  SLA_STATE_LABELS,
  type RequestOverride,
  type RequestStatus,
  type RequestType,
  type SlaState,
} from '@tandem/contracts';
import { formatRelative } from '../../../../app/kit/index.ts';

const STATUS_COLORS: Record<RequestStatus, string> = {
  new: 'blue',
  triaged: 'cyan',
  in_progress: 'violet',
  delivered: 'teal',
  accepted: 'green',
  declined: 'gray',
  merged: 'gray',
};

const SLA_COLORS: Record<SlaState, string> = { on_track: 'green', due_soon: 'orange', breached: 'red', met: 'teal', missed: 'red' };

// Light badges: dark text on a pale ground reads at 4.5:1 (axe's contrast rule).
export function RequestStatusBadge({ status, size = 'sm' }: { status: RequestStatus; size?: MantineSize }) {
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} size={size} tt="none">
      {REQUEST_STATUS_LABELS[status]}
    </Badge>
  );
}

export function RequestTypeBadge({ type, size = 'sm' }: { type: RequestType; size?: MantineSize }) {
  return (
    <Badge variant="outline" color="gray" size={size} tt="none" c="dark.6">
      {REQUEST_TYPE_LABELS[type]}
    </Badge>
  );
}

export function SlaBadge({ state, size = 'sm' }: { state: SlaState; size?: MantineSize }) {
  return (
    <Badge variant="light" color={SLA_COLORS[state]} size={size} tt="none">
      {SLA_STATE_LABELS[state]}
    </Badge>
  );
}

/** The pin (or the arrows of a hand placement) with who placed it and why, in words as well as on hover. */
export function OverrideNote({ override, compact = false, size = 'sm' }: { override: RequestOverride; compact?: boolean; size?: 'xs' | 'sm' }) {
  const Icon = override.kind === 'pin' ? IconPin : IconArrowsSort;
  const what = override.kind === 'pin' ? 'Pinned' : `Placed at ${override.position ?? '?'}`;
  const who = override.by ? ` by ${override.by.name}` : '';
  const full = `${what}${who} ${formatRelative(override.at)}: ${override.reason}`;
  if (compact) {
    // Beside the rank: the mark alone (the row says who and why in words).
    return (
      <Tooltip label={full} multiline maw={320} withArrow>
        <span style={{ display: 'inline-flex', verticalAlign: 'middle' }}>
          <Icon size={14} aria-hidden />
        </span>
      </Tooltip>
    );
  }
  if (size === 'xs') {
    return (
      <Text size="xs" c="dimmed" lineClamp={2}>
        <Icon size={12} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
        {full}
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Icon size={16} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
      <Text size="sm">{full}</Text>
    </Group>
  );
}

export const requestNumber = (n: number) => `#${n}`;
