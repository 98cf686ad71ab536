import { Stack, Text, Timeline, Title } from '@mantine/core';
import { THEME_STATUS_LABELS, type ThemeDetail } from '@tandem/contracts';
import { formatDateTime } from '../../../../app/kit/index.ts';
import { plural, THEME_STATUS_COLORS } from '../shared/theme-bits.tsx';

type Change = ThemeDetail['history'][number];

/** The contract does not promise an order; the page always reads the latest change first. */
export function newestFirst(history: Change[]): Change[] {
  return [...history].sort((a, b) => b.at.localeCompare(a.at));
}

/** Every status change with its message and how many people were told. */
export function ThemeHistory({ history, tz }: { history: Change[]; tz: string }) {
  return (
    <Stack gap="sm" component="section" aria-labelledby="theme-history-title">
      <Title order={4} size="h6" id="theme-history-title">
        History
      </Title>
      {history.length === 0 ? (
        <Text size="sm" c="dimmed">
          The status has not changed since the theme was created.
        </Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={-1}>
          {newestFirst(history).map((h) => (
            <Timeline.Item
              key={h.id}
              color={THEME_STATUS_COLORS[h.to]}
              bullet={<span aria-hidden="true" />}
              styles={{ itemBullet: { backgroundColor: `var(--mantine-color-${THEME_STATUS_COLORS[h.to]}-5)`, border: 0 } }}
              title={
                <Text size="sm" fw={600}>
                  {h.from ? `${THEME_STATUS_LABELS[h.from]} → ` : ''}
                  {THEME_STATUS_LABELS[h.to]}
                </Text>
              }
            >
              {h.message && (
                <Text size="sm" style={{ whiteSpace: 'pre-line' }} mt={2}>
                  {h.message}
                </Text>
              )}
              <Text size="xs" c="dimmed" mt={2}>
                {h.by?.name ?? 'Tandem'} · {formatDateTime(h.at, tz)} · notified {plural(h.notified, 'person', 'people')}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  );
}
