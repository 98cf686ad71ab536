import { Paper, Text } from '@mantine/core';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CapacityView } from '@tandem/contracts';
import { ChartFigure, formatDay } from '../../../../app/kit/index.ts';
import { hours, weeksSummary } from './capacity-text.ts';

type Week = CapacityView['weeks'][number];

/**
 * Hours needed (estimates of requests due that week) against the hours the PMMs have, week by week, with the hours
 * the plan spends at today's order as a line. Loaded lazily by the capacity page, so recharts weighs on no other page;
 * the same numbers are a table for screen readers.
 */
export function CapacityChart({ weeks }: { weeks: Week[] }) {
  // The first week is the current one (from today on): named so, since its Monday may be past.
  const data = weeks.map((w, i) => ({ ...w, label: i === 0 ? 'This week' : formatDay(w.start, 'short') }));
  const summary = weeksSummary(weeks);
  return (
    <ChartFigure
      label={`Hours needed against hours available, week by week: ${summary}`}
      table={{
        caption: 'Hours needed, available and planned per week',
        columns: ['Week of', 'Needed (h)', 'Available (h)', 'Planned (h)'],
        rows: weeks.map((w, i) => ({ key: w.start, cells: [`${formatDay(w.start)}${i === 0 ? ' (this week)' : ''}`, hours(w.demandHours), hours(w.capacityHours), hours(w.plannedHours)] })),
      }}
      caption={`${summary}. Bars: hours of work needed by a date in that week (work past its date counts this week; work without a date, the week it should be done), and the hours the team has left that week; line: the hours the plan spends that week at today's order. Weeks start on Monday.`}
    >
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 16, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="var(--mantine-color-gray-2)" />
          <XAxis
            dataKey="label"
            tickLine={false}
            axisLine={false}
            fontSize={11}
            interval="preserveStartEnd"
            minTickGap={12}
            label={{ value: 'Week starting', position: 'insideBottom', offset: -10, fontSize: 11, fill: 'var(--mantine-color-gray-7)' }}
          />
          <YAxis
            allowDecimals={false}
            tickLine={false}
            axisLine={false}
            fontSize={11}
            width={48}
            tickFormatter={(v: number) => `${v} h`}
            label={{ value: 'Hours', angle: -90, position: 'insideLeft', offset: 10, fontSize: 11, fill: 'var(--mantine-color-gray-7)' }}
          />
          <Tooltip
            cursor={{ fill: 'var(--mantine-color-gray-1)' }}
            content={({ active, payload }) => {
              const row = payload?.[0]?.payload as (typeof data)[number] | undefined;
              if (!active || !row) return null;
              return (
                <Paper withBorder shadow="sm" p={6} radius="sm">
                  <Text size="xs" fw={600}>
                    {row.label === 'This week' ? `This week (from ${formatDay(row.start)})` : `Week of ${formatDay(row.start)}`}
                  </Text>
                  <Text size="xs">Needed: {hours(row.demandHours)} h</Text>
                  <Text size="xs">Available: {hours(row.capacityHours)} h</Text>
                  <Text size="xs">Planned: {hours(row.plannedHours)} h</Text>
                </Paper>
              );
            }}
          />
          <Legend verticalAlign="top" height={24} iconSize={10} wrapperStyle={{ fontSize: 12 }} />
          <Bar name="Needed (h)" dataKey="demandHours" fill="var(--mantine-color-orange-5)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
          <Bar name="Available (h)" dataKey="capacityHours" fill="var(--mantine-color-blue-3)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
          <Line name="Planned (h)" dataKey="plannedHours" type="linear" stroke="var(--mantine-color-grape-7)" strokeWidth={2} dot={{ r: 2 }} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
