import { Bar, BarChart, CartesianGrid, ErrorBar, Legend, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { ChartFigure } from '../../../../app/kit/index.ts';
import { formatValue, NO_DATA, type UnitInfo } from '../shared/metric-format.ts';

/**
 * The scorecard's and win/loss page's drawings (recharts), loaded lazily by the pages that draw them. Each sits in a
 * ChartFigure: hidden from assistive technology, with the same numbers as a table and a caption in words.
 */

const AXIS = { fontSize: 11, tickLine: false, axisLine: false } as const;
const AXIS_LABEL = { fontSize: 11, fill: 'var(--mantine-color-gray-7)' } as const;

export interface SparkPoint {
  label: string;
  value: number | null;
}

/** A metric's last quarters as a small line with the first and last quarter named under it and the unit beside it. */
export function Sparkline({ title, points, unit }: { title: string; points: SparkPoint[]; unit: UnitInfo }) {
  const scale = unit.kind === 'proportion' ? 100 : 1;
  const data = points.map((p) => ({ label: p.label.replace(/^FY\d{2}(\d{2}) /, "FY'$1 "), value: p.value === null ? null : p.value * scale }));
  const first = points[0]?.label ?? '';
  const last = points[points.length - 1]?.label ?? '';
  return (
    <ChartFigure
      label={`${title}, ${first} to ${last}`}
      table={{
        caption: `${title} per quarter`,
        columns: ['Quarter', title],
        rows: points.map((p) => ({ key: p.label, cells: [p.label, p.value === null ? NO_DATA : formatValue(p.value, unit)] })),
      }}
      caption={`${first} – ${last}${unit.kind === 'proportion' ? ', %' : unit.kind === 'days' ? ', days' : unit.kind === 'currency' ? `, ${unit.unit}` : ''}; gaps: no data`}
    >
      <ResponsiveContainer width="100%" height={64}>
        <LineChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: 4 }} accessibilityLayer={false}>
          <XAxis dataKey="label" hide />
          <YAxis hide domain={unit.kind === 'proportion' ? [0, 100] : ['auto', 'auto']} />
          <Line dataKey="value" stroke="var(--mantine-color-indigo-7)" strokeWidth={2} dot={{ r: 2 }} isAnimationActive={false} connectNulls={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export interface AmountBar {
  label: string;
  amount: number;
  count: number;
}

/** Open pipeline by stage as horizontal bars, in the base currency, with the deal count in the table. */
export function AmountBars({ title, bars, currency, axisLabel, color = 'indigo' }: { title: string; bars: AmountBar[]; currency: string; axisLabel: string; color?: string }) {
  const money = { kind: 'currency', unit: currency } as const;
  return (
    <ChartFigure
      label={title}
      table={{ caption: title, columns: ['', `Amount (${currency})`, 'Deals'], rows: bars.map((b) => ({ key: b.label, cells: [b.label, formatValue(b.amount, money, false), String(b.count)] })) }}
      caption={`${axisLabel}, ${currency}; deals without an amount are counted in the list, not in the bars.`}
    >
      <ResponsiveContainer width="100%" height={Math.max(120, 34 * bars.length + 40)}>
        <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 16, bottom: 16, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid horizontal={false} stroke="var(--mantine-color-gray-2)" />
          <XAxis
            type="number"
            {...AXIS}
            tickFormatter={(v: number) => formatValue(v, money)}
            label={{ value: `${axisLabel} (${currency})`, position: 'insideBottom', offset: -10, ...AXIS_LABEL }}
          />
          <YAxis type="category" dataKey="label" {...AXIS} width={120} />
          <Bar dataKey="amount" fill={`var(--mantine-color-${color}-6)`} isAnimationActive={false} barSize={18} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export interface RateRow {
  label: string;
  /** 0–1, null: no data. */
  value: number | null;
  low: number | null;
  high: number | null;
  text: string;
}

/** Rates as horizontal bars with their 95 % interval as a whisker, 0–100 % on the axis. */
export function RateBars({ title, rows }: { title: string; rows: RateRow[] }) {
  const data = rows.map((r) => ({
    label: r.label,
    value: r.value === null ? 0 : r.value * 100,
    err: r.value === null || r.low === null || r.high === null ? [0, 0] : [(r.value - r.low) * 100, (r.high - r.value) * 100],
  }));
  return (
    <ChartFigure
      label={title}
      table={{ caption: title, columns: ['', 'Win rate (count of closed deals), 95 % interval'], rows: rows.map((r) => ({ key: r.label, cells: [r.label, r.text] })) }}
      caption="Bars: win rate, %; whiskers: the 95 % interval (Wilson). Groups with no closed deals show no bar."
    >
      <ResponsiveContainer width="100%" height={Math.max(120, 34 * rows.length + 40)}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 16, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid horizontal={false} stroke="var(--mantine-color-gray-2)" />
          <XAxis
            type="number"
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            {...AXIS}
            tickFormatter={(v: number) => `${v} %`}
            label={{ value: 'Win rate (%)', position: 'insideBottom', offset: -10, ...AXIS_LABEL }}
          />
          <YAxis type="category" dataKey="label" {...AXIS} width={120} />
          <Bar dataKey="value" fill="var(--mantine-color-teal-6)" isAnimationActive={false} barSize={16}>
            <ErrorBar dataKey="err" width={6} strokeWidth={1.5} stroke="var(--mantine-color-dark-4)" direction="x" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export interface StackedPeriod {
  label: string;
  [series: string]: number | string;
}

/** Amounts per quarter stacked by series (won, or lost by reason), in the base currency. */
export function StackedBars({
  title,
  periods,
  series,
  currency,
}: {
  title: string;
  periods: StackedPeriod[];
  series: { key: string; label: string; color: string }[];
  currency: string;
}) {
  const money = { kind: 'currency', unit: currency } as const;
  return (
    <ChartFigure
      label={title}
      table={{
        caption: title,
        columns: ['Quarter', ...series.map((s) => `${s.label} (${currency})`)],
        rows: periods.map((p) => ({ key: p.label, cells: [p.label, ...series.map((s) => formatValue(Number(p[s.key] ?? 0), money, false))] })),
      }}
      caption={`${series.map((s) => s.label).join(', ')}; amounts in ${currency} by close quarter.`}
    >
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={periods} margin={{ top: 8, right: 8, bottom: 16, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="var(--mantine-color-gray-2)" />
          <XAxis dataKey="label" {...AXIS} label={{ value: 'Close quarter', position: 'insideBottom', offset: -10, ...AXIS_LABEL }} />
          <YAxis
            {...AXIS}
            width={64}
            tickFormatter={(v: number) => formatValue(v, money)}
            label={{ value: currency, angle: -90, position: 'insideLeft', ...AXIS_LABEL }}
          />
          <Legend verticalAlign="top" height={28} wrapperStyle={{ fontSize: 12 }} />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} stackId="a" fill={`var(--mantine-color-${s.color}-6)`} isAnimationActive={false} name={s.label} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export interface HistoryPoint {
  day: string;
  value: number | null;
  path: number | null;
}

/** A key result day by day against the straight path from baseline to target. */
export function HistoryChart({ title, points, unit }: { title: string; points: HistoryPoint[]; unit: UnitInfo }) {
  const scale = unit.kind === 'proportion' ? 100 : 1;
  const data = points.map((p) => ({ day: p.day, value: p.value === null ? null : p.value * scale, path: p.path === null ? null : p.path * scale }));
  const yLabel = unit.kind === 'proportion' ? '%' : unit.kind === 'currency' ? unit.unit : unit.unit;
  const shown = points.filter((p) => p.value !== null);
  return (
    <ChartFigure
      label={`${title}, day by day against the path to target`}
      table={{
        caption: `${title} by day`,
        columns: ['Day', 'Value', 'Path'],
        rows: shown.map((p) => ({ key: p.day, cells: [p.day, formatValue(p.value, unit, false), p.path === null ? '' : formatValue(p.path, unit, false)] })),
      }}
      caption={`Solid line: the value each day (${yLabel}); dashed line: the straight path from the baseline on the first day to the target on the last.`}
    >
      <ResponsiveContainer width="100%" height={200}>
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 16, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="var(--mantine-color-gray-2)" />
          <XAxis dataKey="day" {...AXIS} minTickGap={40} label={{ value: 'Day', position: 'insideBottom', offset: -10, ...AXIS_LABEL }} />
          <YAxis
            {...AXIS}
            width={64}
            tickFormatter={(v: number) => (unit.kind === 'proportion' ? `${v} %` : formatValue(v, unit))}
            label={{ value: yLabel, angle: -90, position: 'insideLeft', ...AXIS_LABEL }}
          />
          <Line dataKey="path" stroke="var(--mantine-color-gray-6)" strokeDasharray="5 4" dot={false} isAnimationActive={false} />
          <Line dataKey="value" stroke="var(--mantine-color-indigo-7)" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
