import { Paper, Text } from '@mantine/core';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { UsageWeek } from '@tandem/contracts';
import { ChartFigure, formatDay } from '../../../../app/kit/index.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Views per week (bars) and distinct viewers (line). Loaded lazily by the usage panel, so the chart library weighs
 * on no other page. The same numbers are in a table for screen readers.
 */
export function UsageChart({ weeks }: { weeks: UsageWeek[] }) {
  const data = weeks.map((w) => ({ ...w, label: formatDay(w.weekStart, 'short') }));
  const views = weeks.reduce((s, w) => s + w.views, 0);
  const summary = `${plural(views, 'view')} over ${plural(weeks.length, 'week')}`;
  return (
    <ChartFigure
      label={`Views and viewers per week: ${summary}`}
      table={{
        caption: 'Views and distinct viewers per week',
        columns: ['Week of', 'Views', 'People'],
        rows: weeks.map((w) => ({ key: w.weekStart, cells: [formatDay(w.weekStart), w.views, w.viewers] })),
      }}
      caption={`${summary}. Bars: views; line: different people who viewed it that week (weeks start on Monday).`}
    >
      <ResponsiveContainer width="100%" height={220}>
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -20 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="var(--mantine-color-gray-2)" />
          <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={11} interval="preserveStartEnd" minTickGap={16} />
          <YAxis allowDecimals={false} tickLine={false} axisLine={false} fontSize={11} width={40} />
          <Tooltip
            cursor={{ fill: 'var(--mantine-color-gray-1)' }}
            content={({ active, payload }) => {
              const row = payload?.[0]?.payload as (typeof data)[number] | undefined;
              if (!active || !row) return null;
              return (
                <Paper withBorder shadow="sm" p={6} radius="sm">
                  <Text size="xs">
                    Week of {formatDay(row.weekStart)}: <b>{plural(row.views, 'view')}</b> by {plural(row.viewers, 'person', 'people')}
                  </Text>
                </Paper>
              );
            }}
          />
          <Legend verticalAlign="top" height={24} iconSize={10} wrapperStyle={{ fontSize: 12 }} />
          <Bar name="Views" dataKey="views" fill="var(--mantine-color-blue-4)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
          <Line name="People" dataKey="viewers" type="linear" stroke="var(--mantine-color-grape-7)" strokeWidth={2} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
