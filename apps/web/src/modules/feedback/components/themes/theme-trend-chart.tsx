import { Paper, Text } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ThemeMetrics } from '@tandem/contracts';
import { ChartFigure, formatDay } from '../../../../app/kit/index.ts';
import { plural } from '../shared/theme-bits.tsx';

/**
 * Items per week over the last 12 weeks. Only the theme page imports this file, and
 * lazily, so the chart library never weighs on the app's first load or on other pages.
 */
export function ThemeTrendChart({ trend }: { trend: ThemeMetrics['trend'] }) {
  const data = trend.map((w) => ({ week: w.week, label: formatDay(w.week, 'short'), items: w.items }));
  const total = trend.reduce((s, w) => s + w.items, 0);
  const summary = `${plural(total, 'item')} over the last ${plural(trend.length, 'week')}`;
  if (total === 0) {
    return (
      <Text size="sm" c="dimmed">
        No items in the last {trend.length} weeks.
      </Text>
    );
  }
  return (
    <ChartFigure
      label={`Items per week: ${summary}`}
      table={{ caption: 'Items per week', columns: ['Week of', 'Items'], rows: data.map((w) => ({ key: w.week, cells: [formatDay(w.week), w.items] })) }}
      caption={`${summary}, by the week it was heard (weeks start on Monday).`}
    >
      <ResponsiveContainer width="100%" height={200}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -20 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="var(--mantine-color-gray-2)" />
          <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={11} interval="preserveStartEnd" minTickGap={12} />
          <YAxis allowDecimals={false} tickLine={false} axisLine={false} fontSize={11} width={40} />
          <Tooltip
            cursor={{ fill: 'var(--mantine-color-gray-1)' }}
            content={({ active, payload }) => {
              const row = payload?.[0]?.payload as (typeof data)[number] | undefined;
              if (!active || !row) return null;
              return (
                <Paper withBorder shadow="sm" p={6} radius="sm">
                  <Text size="xs">
                    Week of {formatDay(row.week)}: <b>{plural(row.items, 'item')}</b>
                  </Text>
                </Paper>
              );
            }}
          />
          <Bar dataKey="items" fill="var(--mantine-color-blue-5)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
