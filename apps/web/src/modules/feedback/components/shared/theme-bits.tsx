import { Badge, Text, Tooltip, type MantineColor, type MantineSize } from '@mantine/core';
import { THEME_STATUS_LABELS, type ThemeMetrics, type ThemeStatus } from '@tandem/contracts';
import { formatCount, formatMoney } from '../../../../app/kit/index.ts';

export const THEME_STATUS_COLORS: Record<ThemeStatus, MantineColor> = {
  new: 'gray',
  acknowledged: 'cyan',
  planned: 'violet',
  in_progress: 'yellow',
  addressed: 'teal',
  wont_address: 'red',
};

/** What each status promises the people who reported the items; shown where a PMM picks one. */
export const THEME_STATUS_HINTS: Record<ThemeStatus, string> = {
  new: 'Nobody has looked at it yet.',
  acknowledged: 'Marketing has seen it and is looking into it.',
  planned: 'A fix (content, enablement or product) is planned.',
  in_progress: 'The fix is being worked on.',
  addressed: 'Done: say what was done and where to find it.',
  wont_address: 'Not being addressed: say why, so reps can answer the customer.',
};

/** Statuses whose change must carry a message to every submitter. */
export const MESSAGE_REQUIRED: ReadonlySet<ThemeStatus> = new Set(['addressed', 'wont_address']);

export function ThemeStatusBadge({ status, size = 'sm' }: { status: ThemeStatus; size?: MantineSize }) {
  return (
    <Badge color={THEME_STATUS_COLORS[status]} variant="light" size={size} tt="none" style={{ flex: 'none', minWidth: 'max-content' }}>
      {THEME_STATUS_LABELS[status]}
    </Badge>
  );
}

/** A base-currency amount, compact ("$1.2M") with the exact figure on hover. */
export function Money({
  amount,
  currency,
  size = 'sm',
  fw,
  dimZero = true,
}: {
  amount: string;
  currency: string | undefined;
  size?: MantineSize;
  fw?: number;
  dimZero?: boolean;
}) {
  const zero = Number(amount) === 0;
  const text = (
    <Text size={size} fw={fw} c={zero && dimZero ? 'dimmed' : undefined} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} span>
      {formatMoney(amount, currency, { compact: true })}
    </Text>
  );
  if (zero) return text;
  return (
    <Tooltip label={formatMoney(amount, currency, { rounded: true })} withArrow>
      {text}
    </Tooltip>
  );
}

/** "2.5 hours", "3 days": a median waiting time as people say it. */
export function formatHours(hours: number | null): string {
  if (hours === null) return '—';
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  if (hours < 48) {
    const h = hours < 10 ? Math.round(hours * 10) / 10 : Math.round(hours);
    return `${h} ${h === 1 ? 'hour' : 'hours'}`;
  }
  const d = Math.round((hours / 24) * 10) / 10;
  return `${d} days`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** The weekly item counts as a tiny line, for tables; the theme page draws the full chart. */
export function Sparkline({ trend, width = 84, height = 24 }: { trend: ThemeMetrics['trend']; width?: number; height?: number }) {
  const total = trend.reduce((s, w) => s + w.items, 0);
  const last = trend[trend.length - 1]?.items ?? 0;
  const label = `${plural(total, 'item')} in the last ${trend.length} weeks, ${formatCount(last)} this week`;
  if (trend.length < 2) {
    return (
      <Text size="xs" c="dimmed" aria-label={label}>
        —
      </Text>
    );
  }
  const max = Math.max(1, ...trend.map((w) => w.items));
  const pad = 2;
  const step = (width - pad * 2) / (trend.length - 1);
  const points = trend.map((w, i) => [pad + i * step, height - pad - (w.items / max) * (height - pad * 2)] as const);
  const line = points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
  const area = `${pad},${height - pad} ${line} ${(width - pad).toFixed(1)},${height - pad}`;
  const [lx, ly] = points[points.length - 1]!;
  return (
    <Tooltip label={label} withArrow>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} style={{ display: 'block' }}>
        <polygon points={area} fill="var(--mantine-color-blue-1)" />
        <polyline points={line} fill="none" stroke="var(--mantine-color-blue-6)" strokeWidth={1.5} strokeLinejoin="round" />
        <circle cx={lx} cy={ly} r={2} fill="var(--mantine-color-blue-7)" />
      </svg>
    </Tooltip>
  );
}

/** "Acme (4), Globex (2)"; the board shows the first two, the theme page all of them. */
export function competitorsText(top: ThemeMetrics['topCompetitors'], limit = 2): string {
  if (top.length === 0) return '';
  const shown = top.slice(0, limit).map((c) => `${c.name} (${c.items})`);
  return top.length > limit ? `${shown.join(', ')} +${top.length - limit}` : shown.join(', ');
}
