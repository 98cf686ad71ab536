import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Anchor, Grid, Group, Select, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { LOSS_REASON_CATEGORIES, LOSS_REASON_LABELS, fiscalQuarterOf, parseFiscalLabel, type WinLoss } from '@tandem/contracts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { DataTable, type DataTableColumn, formatMoney, QueryView, todayIn } from '../../../../app/kit/index.ts';
import { useRequiredSession } from '../../../../app/session.tsx';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useWorkspaceDetails } from '../../../workspaces/index.ts';
import { useWinLoss } from '../../hooks/use-metrics.ts';
import { ReportActions } from '../scorecard/scorecard-actions.tsx';
import { ScorecardSkeleton } from '../scorecard/scorecard-page.tsx';
import { csvFileName, downloadCsv, toCsv } from '../shared/csv.ts';
import { recordsPath } from '../shared/goal-paths.ts';
import { ReportSection } from '../shared/report-section.tsx';
import { formatMetricValue } from '../shared/metric-format.ts';
import { quarterOptions } from '../shared/periods.ts';
import { WIN_LOSS_CSV_HEADER, winLossCsvRows } from './win-loss-csv.ts';
import '../shared/print.css';

const AmountBars = lazy(async () => ({ default: (await import('../scorecard/scorecard-charts.tsx')).AmountBars }));
const StackedBars = lazy(async () => ({ default: (await import('../scorecard/scorecard-charts.tsx')).StackedBars }));

const PROPORTION = { kind: 'proportion', unit: 'fraction' } as const;
const QUARTER = /^FY\d{4} Q[1-4]$/;
const REASON_COLORS: Record<string, string> = { price: 'red', product_gap: 'orange', competitor: 'grape', timing: 'yellow', no_decision: 'gray', other: 'cyan', unstated: 'dark' };

type Group = WinLoss['bySegment'][number];

/** Won and lost revenue by stated reason, competitor and segment over time, with the themes behind each reason. */
export function WinLossPage() {
  const ws = useWorkspace();
  const session = useRequiredSession();
  const [sp, setSp] = useSearchParams();
  const startMonth = useWorkspaceDetails(ws.slug).data?.fiscalYearStartMonth;
  const today = todayIn(session.user.timeZone);
  const quarters = startMonth ? quarterOptions(today, startMonth, 11, 0) : [];
  const fromLabel = QUARTER.test(sp.get('from') ?? '') ? sp.get('from')! : quarters[3]?.label;
  const toLabel = QUARTER.test(sp.get('to') ?? '') ? sp.get('to')! : quarters[0]?.label;
  const range = startMonth && fromLabel && toLabel ? rangeOf(fromLabel, toLabel, startMonth, today) : null;
  const winLoss = useWinLoss(ws.slug, range ?? {}, range !== null);
  const set = (k: 'from' | 'to', v: string | null) => {
    const next = new URLSearchParams(sp);
    if (v) next.set(k, v);
    setSp(next, { replace: true });
  };
  const csv = () => winLoss.data && downloadCsv(csvFileName(`Win loss ${winLoss.data.from} ${winLoss.data.to}`), toCsv(WIN_LOSS_CSV_HEADER, winLossCsvRows(winLoss.data)));

  return (
    <>
      <PageHeader
        title="Win/loss"
        description="Where revenue was won and lost, and the stated reason for each loss: which factor, not whose fault. Shares show their counts and 95 % interval."
        actions={<ReportActions onCsv={csv} csvDisabled={!winLoss.data} />}
      />
      <Stack gap="lg">
        <Group gap="sm" data-print="hide">
          <Select label="From quarter" data={[...quarters].reverse().map((q) => q.label)} value={fromLabel ?? null} onChange={(v) => set('from', v)} allowDeselect={false} w={150} />
          <Select label="To quarter" data={[...quarters].reverse().map((q) => q.label)} value={toLabel ?? null} onChange={(v) => set('to', v)} allowDeselect={false} w={150} />
        </Group>
        <QueryView query={winLoss} skeleton={<ScorecardSkeleton />} error="Could not load win/loss">
          {(w) => <WinLossBody w={w} slug={ws.slug} />}
        </QueryView>
      </Stack>
    </>
  );
}

function rangeOf(fromLabel: string, toLabel: string, startMonth: number, today: string) {
  const a = parseFiscalLabel(fromLabel, startMonth);
  const b = parseFiscalLabel(toLabel, startMonth);
  if (!a || !b) return null;
  const [first, last] = a.start <= b.start ? [a, b] : [b, a];
  const current = fiscalQuarterOf(today, startMonth);
  return { from: first.start, to: last.end > today && last.label === current.label ? today : last.end };
}

function WinLossBody({ w, slug }: { w: WinLoss; slug: string }) {
  const money = (x: string) => formatMoney(x, w.baseCurrency, { compact: true, rounded: true });
  const closed = w.won.count + w.lost.count;
  const base = { from: w.from, to: w.to };
  const p = w.priceVsProductGap;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <ReportSection size="h5" title="Won">
          <Anchor component={Link} to={recordsPath(slug, 'win-rate', { ...base, part: 'numerator' })} fw={700} size="lg">
            {money(w.won.amount)} · {w.won.count} {w.won.count === 1 ? 'deal' : 'deals'}
          </Anchor>
        </ReportSection>
        <ReportSection size="h5" title="Lost">
          <Text fw={700} size="lg">
            {money(w.lost.amount)} · {w.lost.count} {w.lost.count === 1 ? 'deal' : 'deals'}
          </Text>
          <Anchor component={Link} to={recordsPath(slug, 'win-rate', base)} size="xs">
            All {closed} closed deals
          </Anchor>
        </ReportSection>
        <ReportSection size="h5" title="Price against product gap">
          <Text size="sm">
            Price: <b>{formatMetricValue(p.price, PROPORTION)}</b>
          </Text>
          <Text size="sm">
            Product gap: <b>{formatMetricValue(p.productGap, PROPORTION)}</b>
          </Text>
          <Text size="xs" c="dimmed">
            Of {p.statedLosses} lost {p.statedLosses === 1 ? 'deal' : 'deals'} with a stated reason.
          </Text>
        </ReportSection>
      </SimpleGrid>

      <ReportSection title="Lost revenue by reason">
        {w.lost.count === 0 ? (
          <Text size="sm" c="dimmed">
            No data: no deal was lost in this period.
          </Text>
        ) : (
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Suspense fallback={<Skeleton height={200} />}>
                <AmountBars
                  title="Lost revenue by reason"
                  axisLabel="Lost amount"
                  currency={w.baseCurrency}
                  color="red"
                  bars={w.byReason.map((r) => ({ label: r.label, amount: Number(r.lost.amount), count: r.lost.count }))}
                />
              </Suspense>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack gap="sm" component="ul" aria-label="Loss reasons and the themes behind them" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {w.byReason.map((r) => (
                  <Stack key={r.category} gap={2} component="li" pb={6} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
                    <Group justify="space-between" gap="xs" wrap="wrap">
                      <Text fw={600} size="sm">
                        {r.label}
                      </Text>
                      <Text size="sm">
                        {money(r.lost.amount)} lost · {r.lost.count} {r.lost.count === 1 ? 'deal' : 'deals'}
                        {r.lost.withoutAmount > 0 && ` (${r.lost.withoutAmount} without an amount)`}
                      </Text>
                    </Group>
                    <Text size="xs" c="dimmed">
                      Share of lost deals: {formatMetricValue(r.share, PROPORTION)}
                    </Text>
                    {r.themes.length > 0 ? (
                      <Text size="xs">
                        Themes behind it:{' '}
                        {r.themes.map((t, i) => (
                          <span key={t.id}>
                            {i > 0 && ', '}
                            <Anchor component={Link} to={`/w/${slug}/feedback/themes/${t.id}`} size="xs" underline="always">
                              {t.name}
                            </Anchor>{' '}
                            ({t.items} {t.items === 1 ? 'item' : 'items'}, {t.deals} {t.deals === 1 ? 'deal' : 'deals'})
                          </span>
                        ))}
                      </Text>
                    ) : (
                      <Text size="xs" c="dimmed">
                        No feedback logged on these deals.
                      </Text>
                    )}
                  </Stack>
                ))}
              </Stack>
            </Grid.Col>
          </Grid>
        )}
      </ReportSection>

      <ReportSection title="Over time">
        {w.overTime.length === 0 ? (
          <Text size="sm" c="dimmed">No data.</Text>
        ) : (
          <Suspense fallback={<Skeleton height={260} />}>
            <StackedBars
              title="Won and lost revenue by quarter, losses by reason"
              currency={w.baseCurrency}
              series={[
                { key: 'won', label: 'Won', color: 'teal' },
                ...[...LOSS_REASON_CATEGORIES, 'unstated' as const].map((c) => ({
                  key: c,
                  label: `Lost: ${c === 'unstated' ? 'no reason given' : LOSS_REASON_LABELS[c]}`,
                  color: REASON_COLORS[c] ?? 'gray',
                })),
              ]}
              periods={w.overTime.map((q) => ({
                label: q.label,
                won: Number(q.won.amount),
                ...Object.fromEntries(Object.entries(q.lostByReason).map(([k, v]) => [k, Number(v.amount)])),
              }))}
            />
          </Suspense>
        )}
      </ReportSection>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, xl: 6 }}>
          <ReportSection title="By competitor">
            <GroupTable rows={w.byCompetitor} slug={slug} groupBy="competitor" base={base} money={money} label="Competitor" />
          </ReportSection>
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 6 }}>
          <ReportSection title="By segment">
            <GroupTable rows={w.bySegment} slug={slug} groupBy="segment" base={base} money={money} label="Segment" />
          </ReportSection>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function GroupTable({
  rows,
  slug,
  groupBy,
  base,
  money,
  label,
}: {
  rows: Group[];
  slug: string;
  groupBy: 'competitor' | 'segment';
  base: { from: string; to: string };
  money: (x: string) => string;
  label: string;
}) {
  if (rows.length === 0) return <Text size="sm" c="dimmed">No data: no closed deal in this period has a {label.toLowerCase()}.</Text>;
  const columns: DataTableColumn<Group>[] = [
    { key: 'label', header: label, cell: (g) => g.label },
    { key: 'won', header: 'Won', align: 'right', cell: (g) => `${money(g.won.amount)} (${g.won.count})` },
    { key: 'lost', header: 'Lost', align: 'right', cell: (g) => `${money(g.lost.amount)} (${g.lost.count})` },
    {
      key: 'rate',
      header: 'Win rate, 95 % interval',
      cell: (g) => (
        <Anchor component={Link} to={recordsPath(slug, 'win-rate', { ...base, groupBy, key: g.key })} size="sm">
          {formatMetricValue(g.winRate, PROPORTION)}
        </Anchor>
      ),
    },
  ];
  return <DataTable aria-label={`Won and lost by ${label.toLowerCase()}`} rows={rows} rowKey={(g) => g.key} columns={columns} minWidth={520} />;
}
