import { Group, Stack, Text, Tooltip } from '@mantine/core';
import { MIN_CLOSED_FOR_RATE, type WinRate } from '@tandem/contracts';
import { formatCount, percent } from '../../../../app/kit/index.ts';

const INTERVAL_HELP = '95% Wilson interval: where the underlying win rate likely lies, given how many deals have closed';

/** "7 won of 12 closed" — the sample every rate rests on. */
export function sampleText(w: WinRate): string {
  return `${formatCount(w.won)} won of ${formatCount(w.closed)} closed`;
}

/** A rate as "58% · likely 32–81%", or "Not enough data" under the minimum, always with its sample. */
export function WinRateText({ winRate, size = 'md' }: { winRate: WinRate; size?: 'sm' | 'md' | 'lg' }) {
  const big = size === 'lg' ? 'xl' : size === 'md' ? 'md' : 'sm';
  if (winRate.rate === null || winRate.low === null || winRate.high === null) {
    return (
      <Stack gap={0}>
        <Text fw={600} fz={big} c="dimmed">
          Not enough data
        </Text>
        <Text size="xs" c="dimmed">
          {winRate.closed === 0 ? 'No closed deals yet' : `${formatCount(winRate.closed)} closed; a rate needs ${MIN_CLOSED_FOR_RATE}`}
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap={0}>
      <Group gap={6} align="baseline" style={{ rowGap: 0 }}>
        <Text fw={650} fz={big} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {percent(winRate.rate)}
        </Text>
        <Tooltip label={INTERVAL_HELP} withArrow multiline w={240}>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} tabIndex={0}>
            likely {percent(winRate.low)}–{percent(winRate.high)}
          </Text>
        </Tooltip>
      </Group>
      <Text size="xs" c="dimmed">
        {sampleText(winRate)}
      </Text>
    </Stack>
  );
}
