import { Link } from 'react-router-dom';
import { Anchor, Badge, Group, Progress, Stack, Text, type MantineSize } from '@mantine/core';
import { GOAL_STATUS_LABELS, type GoalStatus, type KeyResult } from '@tandem/contracts';
import { formatValue } from './metric-format.ts';
import { keyResultRecordsPath, unitInfo } from './goal-paths.ts';

export const GOAL_STATUS_COLORS: Record<GoalStatus, string> = { on_track: 'teal', at_risk: 'orange', off_track: 'red', no_data: 'gray' };

// Light badges: dark text on a pale ground reads at 4.5:1 (axe's contrast rule).
export function GoalStatusBadge({ status, size = 'sm' }: { status: GoalStatus; size?: MantineSize }) {
  return (
    <Badge variant="light" color={GOAL_STATUS_COLORS[status]} size={size} tt="none">
      {GOAL_STATUS_LABELS[status]}
    </Badge>
  );
}

/** "Now 42 % (21 of 50) · target 50 %": the current value, linked to the records behind it when a metric computes it. */
export function KeyResultLine({ slug, kr, period }: { slug: string; kr: KeyResult; period: { start: string; end: string } }) {
  const u = unitInfo(kr);
  const now = kr.current.noData || kr.current.value === null ? 'No data yet' : formatValue(kr.current.value, u, false);
  const counts =
    u.kind === 'proportion' && !kr.byAmount && kr.current.numerator !== null && kr.current.denominator !== null
      ? ` (${kr.current.numerator} of ${kr.current.denominator})`
      : '';
  const progress = kr.progress === null ? null : Math.max(0, Math.min(1, kr.progress));
  const path = kr.kind === 'metric' && kr.metric ? keyResultRecordsPath(slug, kr, period) : null;
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="sm" fw={500} style={{ flex: '1 1 200px' }}>
          {kr.title}
        </Text>
        <GoalStatusBadge status={kr.status} size="xs" />
      </Group>
      <Progress
        value={progress === null ? 0 : progress * 100}
        color={GOAL_STATUS_COLORS[kr.status]}
        size="sm"
        aria-label={`${kr.title}: ${progress === null ? 'no data yet' : `${Math.round(progress * 100)} % of the way to target`}`}
      />
      <Text size="xs" c="dimmed">
        Now{' '}
        {path ? (
          <Anchor component={Link} to={path} size="xs" fw={600} underline="always" aria-label={`${now}${counts}: the records behind ${kr.title}`}>
            {now}
            {counts}
          </Anchor>
        ) : (
          <b>
            {now}
            {counts}
          </b>
        )}{' '}
        · from {formatValue(kr.baseline, u, false)} to {formatValue(kr.target, u, false)} ({kr.direction === 'increase' ? 'higher is better' : 'lower is better'})
        {kr.current.value !== null && ` · expected by now ${formatValue(kr.expected, u, false)}`}
      </Text>
    </Stack>
  );
}
