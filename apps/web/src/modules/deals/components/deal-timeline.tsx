import { useState } from 'react';
import { Text, ThemeIcon, Timeline } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import type { DealDetail, StageHistoryEntry } from '@tandem/contracts';
import { formatDate, formatMoney } from '../../../app/kit/index.ts';
import { STATUS_COLORS } from './deal-bits.tsx';

const DAY_MS = 86_400_000;

function days(fromIso: string, toMs: number): number {
  return Math.max(0, Math.round((toMs - new Date(fromIso).getTime()) / DAY_MS));
}

function amountChange(entry: StageHistoryEntry, previous: StageHistoryEntry | undefined): string | null {
  if (entry.amount === null) return previous?.amount ? 'Amount removed' : null;
  const now = formatMoney(entry.amount, entry.currency);
  if (!previous) return `Amount ${now}`;
  if (previous.amount === null) return `Amount set to ${now}`;
  if (Number(previous.amount) === Number(entry.amount) && previous.currency === entry.currency) return null;
  return `Amount ${formatMoney(previous.amount, previous.currency)} → ${now}`;
}

/** The stages a deal went through, oldest first, with time spent in each and amount changes. */
export function DealTimeline({ deal, tz }: { deal: DealDetail; tz: string }) {
  const history = deal.history;
  const [now] = useState(() => Date.now());
  if (history.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No stage changes were recorded for this deal; the import that brought it in had no stage history.
      </Text>
    );
  }
  const closed = deal.stageCategory !== 'open';
  return (
    <Timeline active={history.length - 1} bulletSize={22} lineWidth={2} aria-label="Stage history">
      {history.map((entry, i) => {
        const previous = history[i - 1];
        const next = history[i + 1];
        const last = i === history.length - 1;
        const change = amountChange(entry, previous);
        const stayed = next ? days(entry.changedAt, new Date(next.changedAt).getTime()) : !closed ? days(entry.changedAt, now) : null;
        const color = STATUS_COLORS[entry.stageCategory];
        return (
          <Timeline.Item
            key={entry.id}
            color={color}
            bullet={
              entry.stageCategory === 'won' ? (
                <ThemeIcon size={22} radius="xl" color={color}>
                  <IconCheck size={13} />
                </ThemeIcon>
              ) : entry.stageCategory === 'lost' ? (
                <ThemeIcon size={22} radius="xl" color={color}>
                  <IconX size={13} />
                </ThemeIcon>
              ) : undefined
            }
            title={
              <Text size="sm" fw={600}>
                {entry.stage}
                {last && !closed && (
                  <Text span size="xs" c="dimmed" fw={400}>
                    {' '}
                    · current stage
                  </Text>
                )}
              </Text>
            }
          >
            <Text size="xs" c="dimmed">
              {formatDate(entry.changedAt, tz)}
              {stayed !== null && ` · ${stayed === 1 ? '1 day' : `${stayed} days`} in this stage${last ? ' so far' : ''}`}
            </Text>
            {change && (
              <Text size="xs" mt={2}>
                {change}
              </Text>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
