import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { FRICTION_KEYS, FRICTION_LABELS, type AlignmentReport } from '@tandem/contracts';
import { ChartFigure } from '../../../app/kit/index.ts';

const AXIS = { fontSize: 11, tickLine: false, axisLine: false } as const;
const COLORS = ['indigo.7', 'teal.8', 'orange.8', 'grape.7', 'blue.8', 'red.8', 'green.8', 'gray.7'];

/** The index week by week: overall (thick) and per friction, 0–100; gaps where a week had not enough data. */
export function TrendChart({ trend }: { trend: AlignmentReport['trend'] }) {
  const data = trend.map((t) => ({ week: t.week, overall: t.overall, ...t.frictions }));
  const first = trend[0]?.week ?? '';
  const last = trend.at(-1)?.week ?? '';
  return (
    <ChartFigure
      label={`Alignment Index week by week, ${first} to ${last}`}
      table={{
        caption: 'Alignment Index per week (0–100; — : not enough data)',
        columns: ['Week', 'Overall', ...FRICTION_KEYS.map((k) => FRICTION_LABELS[k])],
        rows: trend.map((t) => ({ key: t.week, cells: [t.week, t.overall ?? '—', ...FRICTION_KEYS.map((k) => t.frictions[k] ?? '—')] })),
      }}
      caption={`Weekly snapshots from ${first} to ${last}, 0–100. Gaps: not enough data that week.`}
    >
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="var(--mantine-color-gray-2)" />
          <XAxis dataKey="week" {...AXIS} minTickGap={40} />
          <YAxis domain={[0, 100]} {...AXIS} width={32} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <Line name="Overall" dataKey="overall" stroke="var(--mantine-color-dark-7)" strokeWidth={3} dot={false} isAnimationActive={false} connectNulls={false} />
          {FRICTION_KEYS.map((k, i) => (
            <Line
              key={k}
              name={FRICTION_LABELS[k]}
              dataKey={k}
              stroke={`var(--mantine-color-${COLORS[i]!.replace('.', '-')})`}
              strokeWidth={1.5}
              dot={false}
              isAnimationActive={false}
              connectNulls={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
