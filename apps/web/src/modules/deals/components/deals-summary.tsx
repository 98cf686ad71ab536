import type { ReactNode } from 'react';
import { Card, Group, SimpleGrid, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import type { DealSummary, StageCategory } from '@tandem/contracts';
import { STATUS_COLORS } from './deal-bits.tsx';
import { formatCount, formatMoney, percent, wilson } from '../../../app/kit/index.ts';

const TITLES: Record<StageCategory, string> = { open: 'Open pipeline', won: 'Won', lost: 'Lost' };

/**
 * Count and base-currency amount by status for the filtered deals, and the win
 * rate with its sample size and 95% interval (a bare percentage hides how little it may rest on).
 */
export function DealsSummary({ summary, statuses }: { summary: DealSummary; statuses: StageCategory[] }) {
  const included = (s: StageCategory) => statuses.length === 0 || statuses.includes(s);
  const won = summary.byStatus.find((s) => s.status === 'won')!;
  const lost = summary.byStatus.find((s) => s.status === 'lost')!;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" role="region" aria-label="Totals for these deals">
      {summary.byStatus.map((cell) => (
        <Tile key={cell.status} title={TITLES[cell.status]} color={STATUS_COLORS[cell.status]} excluded={!included(cell.status)}>
          <Tooltip label={formatMoney(cell.amount, summary.baseCurrency)} withArrow>
            <Text fw={650} fz={{ base: 'lg', sm: 'xl' }} style={{ fontVariantNumeric: 'tabular-nums' }} w="fit-content">
              {formatMoney(cell.amount, summary.baseCurrency, { compact: true })}
            </Text>
          </Tooltip>
          <Text size="xs" c="dimmed">
            {formatCount(cell.count)} {cell.count === 1 ? 'deal' : 'deals'}
            {cell.withoutAmount > 0 && ` · ${formatCount(cell.withoutAmount)} with no ${summary.baseCurrency} amount`}
          </Text>
        </Tile>
      ))}
      <WinRateTile won={won.count} lost={lost.count} included={included('won') && included('lost')} />
    </SimpleGrid>
  );
}

/** The four tiles' places while the totals load (or wait for the filters to be fixed). */
export function TotalsSkeleton() {
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" aria-busy="true" aria-label="Loading totals">
      {[0, 1, 2, 3].map((i) => (
        <Skeleton key={i} height={96} radius="md" />
      ))}
    </SimpleGrid>
  );
}

function WinRateTile({ won, lost, included }: { won: number; lost: number; included: boolean }) {
  const closed = won + lost;
  const w = wilson(won, closed);
  if (!included || !w) {
    return (
      <Tile title="Win rate" color="gray">
        <Text fw={650} fz={{ base: 'lg', sm: 'xl' }} c="dimmed">
          —
        </Text>
        <Text size="xs" c="dimmed">
          {included ? 'No closed deals here yet' : 'Include won and lost deals to see it'}
        </Text>
      </Tile>
    );
  }
  return (
    <Tile title="Win rate" color="grape">
      <Group gap={6} align="baseline" wrap="nowrap">
        <Text fw={650} fz={{ base: 'lg', sm: 'xl' }}>
          {percent(w.rate)}
        </Text>
        <Tooltip label="95% Wilson interval: where the underlying win rate likely lies, given how many deals have closed" withArrow multiline w={240}>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            likely {percent(w.low)}–{percent(w.high)}
          </Text>
        </Tooltip>
      </Group>
      <Text size="xs" c="dimmed">
        {formatCount(won)} won of {formatCount(closed)} closed (by count)
      </Text>
    </Tile>
  );
}

function Tile({ title, color, excluded, children }: { title: string; color: string; excluded?: boolean; children: ReactNode }) {
  return (
    <Card
      withBorder
      radius="md"
      p="sm"
      style={{ borderTop: `3px solid var(--mantine-color-${color}-5)`, opacity: excluded ? 0.55 : 1 }}
      role="group"
      aria-label={title}
    >
      <Stack gap={2}>
        <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.3 }}>
          {title}
        </Text>
        {excluded ? (
          <>
            <Text fw={650} fz={{ base: 'lg', sm: 'xl' }} c="dimmed">
              —
            </Text>
            <Text size="xs" c="dimmed">
              Not in the status filter
            </Text>
          </>
        ) : (
          children
        )}
      </Stack>
    </Card>
  );
}
