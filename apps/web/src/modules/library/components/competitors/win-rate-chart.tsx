import { Paper, Text } from '@mantine/core';
import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CompetitorQuarter } from '@tandem/contracts';
import { percent } from '../../../../app/kit/index.ts';
import { sampleText } from '../influence/win-rate-text.tsx';

/**
 * Win rate per close quarter as a line inside its 95% band; quarters with too few closed deals leave a gap (the
 * table beside it says "not enough data"). Only the competitor page imports this file, lazily: recharts never
 * weighs on the first load.
 */
export function WinRateChart({ quarters }: { quarters: CompetitorQuarter[] }) {
  const data = quarters.map((q) => ({
    quarter: q.quarter.replace('-', ' '),
    rate: q.rate === null ? null : Math.round(q.rate * 1000) / 10,
    band: q.low === null || q.high === null ? null : [Math.round(q.low * 1000) / 10, Math.round(q.high * 1000) / 10],
    q,
  }));
  return (
    <div aria-hidden="true">
      <ResponsiveContainer width="100%" height={220}>
        <ComposedChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="var(--mantine-color-gray-2)" />
          <XAxis dataKey="quarter" tickLine={false} axisLine={false} fontSize={11} interval="preserveStartEnd" minTickGap={8} />
          <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(v: number) => `${v}%`} tickLine={false} axisLine={false} fontSize={11} width={44} />
          <Tooltip
            content={({ active, payload }) => {
              const row = payload?.[0]?.payload as (typeof data)[number] | undefined;
              if (!active || !row) return null;
              const q = row.q;
              return (
                <Paper withBorder shadow="sm" p={6} radius="sm">
                  <Text size="xs" fw={600}>
                    {row.quarter}
                  </Text>
                  <Text size="xs">
                    {q.rate === null || q.low === null || q.high === null
                      ? `Not enough data (${sampleText(q)})`
                      : `${percent(q.rate)}, likely ${percent(q.low)}–${percent(q.high)} (${sampleText(q)})`}
                  </Text>
                </Paper>
              );
            }}
          />
          <Area dataKey="band" stroke="none" fill="var(--mantine-color-grape-2)" fillOpacity={0.7} isAnimationActive={false} connectNulls={false} />
          <Line
            dataKey="rate"
            stroke="var(--mantine-color-grape-7)"
            strokeWidth={2}
            dot={{ r: 3, fill: 'var(--mantine-color-grape-7)' }}
            isAnimationActive={false}
            connectNulls={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
