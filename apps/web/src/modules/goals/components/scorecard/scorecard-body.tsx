import { lazy, Suspense } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Badge, Grid, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { THEME_STATUS_LABELS, type Goal, type MetricValue, type Scorecard, type ScorecardMetric, type ThemeStatus } from '@tandem/contracts';
import { formatDateTime, formatDay, formatMoney } from '../../../../app/kit/index.ts';
import { GoalStatusBadge, KeyResultLine } from '../shared/goal-bits.tsx';
import { recordsPath } from '../shared/goal-paths.ts';
import { ReportSection } from '../shared/report-section.tsx';
import { changeTone, formatChange, formatMetricValue } from '../shared/metric-format.ts';

const Charts = {
  Sparkline: lazy(async () => ({ default: (await import('./scorecard-charts.tsx')).Sparkline })),
  AmountBars: lazy(async () => ({ default: (await import('./scorecard-charts.tsx')).AmountBars })),
  RateBars: lazy(async () => ({ default: (await import('./scorecard-charts.tsx')).RateBars })),
};

interface BodyProps {
  slug: string;
  scorecard: Scorecard;
  goals: readonly Goal[] | undefined;
}

/** The CRO scorecard's sections: goals, key metrics, pipeline, win rates with intervals, themes at stake, SLA breaches. */
export function ScorecardBody({ slug, scorecard: s, goals }: BodyProps) {
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {s.period.label} ({formatDay(s.period.start)} – {formatDay(s.period.end)}), counted up to {formatDay(s.asOf)}; changes compare with{' '}
        {s.previousPeriod.label}. Every number opens the records behind it.
      </Text>
      <ReportSection title="Goals at a glance">
        {goals === undefined ? (
          <Skeleton height={60} />
        ) : goals.length === 0 ? (
          <Text size="sm" c="dimmed">
            No shared goal for {s.period.label} yet.{' '}
            <Anchor component={Link} to={`/w/${slug}/goals`} size="sm" underline="always">
              All goals
            </Anchor>
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {goals.map((g) => (
              <Stack key={g.id} gap={6} p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Anchor component={Link} to={`/w/${slug}/goals/${g.id}`} fw={600} size="sm">
                    {g.title}
                  </Anchor>
                  <GoalStatusBadge status={g.status} size="sm" />
                </Group>
                <Text size="xs" c="dimmed">
                  Owners: {g.owners.map((o) => o.name).join(', ')}
                </Text>
                {g.keyResults.map((kr) => (
                  <KeyResultLine key={kr.id} slug={slug} kr={kr} period={g.period} />
                ))}
              </Stack>
            ))}
          </SimpleGrid>
        )}
      </ReportSection>

      <ReportSection title="Key metrics">
        <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="md">
          {s.keyMetrics.map((m) => (
            <MetricTile key={m.metric} slug={slug} m={m} s={s} />
          ))}
        </SimpleGrid>
      </ReportSection>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <ReportSection title="Open pipeline by stage">
            <PipelineSection slug={slug} s={s} />
          </ReportSection>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <ReportSection title="Top themes by revenue at stake">
            <ThemesSection slug={slug} s={s} />
          </ReportSection>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <ReportSection title="Win rate by segment">
            <RatesSection slug={slug} s={s} rows={s.winRateBySegment} groupBy="segment" empty="No closed deals with a segment in this period." />
          </ReportSection>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <ReportSection title="Win rate against each competitor">
            <RatesSection slug={slug} s={s} rows={s.winRateByCompetitor} groupBy="competitor" empty="No closed deal named a competitor in this period." />
          </ReportSection>
        </Grid.Col>
      </Grid>

      <ReportSection title="Requests breaching their SLA">
        <BreachesSection slug={slug} s={s} />
      </ReportSection>
    </Stack>
  );
}

function MetricTile({ slug, m, s }: { slug: string; m: ScorecardMetric; s: Scorecard }) {
  const unit = { kind: m.kind, unit: m.unit };
  const tone = changeTone(m.change, m.higherIsBetter);
  const text = formatMetricValue(m.current, unit);
  return (
    <Stack gap={4} p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
      <Text size="sm" fw={600}>
        {m.title}
      </Text>
      <Anchor
        component={Link}
        to={recordsPath(slug, m.metric, { from: s.period.start, to: s.asOf })}
        fw={700}
        size={m.current.noData ? 'md' : 'lg'}
        aria-label={`${m.title}: ${text}. The records behind it`}
      >
        {text}
      </Anchor>
      <Text size="xs" c={tone === 'good' ? 'teal.9' : tone === 'bad' ? 'red.9' : 'dimmed'}>
        {formatChange(m.change, unit)} vs {s.previousPeriod.label}
        {!m.previous.noData && ` (${formatMetricValue(m.previous, unit)})`}
      </Text>
      {m.current.withoutAmount > 0 && (
        <Text size="xs" c="dimmed">
          {m.current.withoutAmount} {m.current.withoutAmount === 1 ? 'deal has' : 'deals have'} no amount (counted, not summed)
        </Text>
      )}
      <Suspense fallback={<Skeleton height={64} />}>
        <Charts.Sparkline title={m.title} unit={unit} points={m.series.map((p) => ({ label: p.period.label, value: p.noData ? null : p.value }))} />
      </Suspense>
    </Stack>
  );
}

function PipelineSection({ slug, s }: { slug: string; s: Scorecard }) {
  if (s.pipelineByStage.length === 0) return <Text size="sm" c="dimmed">No open deals.</Text>;
  return (
    <>
      <Suspense fallback={<Skeleton height={160} />}>
        <Charts.AmountBars
          title="Open pipeline by stage"
          axisLabel="Open amount"
          currency={s.baseCurrency}
          bars={s.pipelineByStage.map((p) => ({ label: p.stage, amount: Number(p.amount), count: p.count }))}
        />
      </Suspense>
      <Stack gap={2} component="ul" aria-label="Open deals by stage" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {s.pipelineByStage.map((p) => (
          <Group key={p.stage} component="li" justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm">{p.stage}</Text>
            <Anchor component={Link} to={`/w/${slug}/deals?status=open&stage=${encodeURIComponent(p.stage)}&scope=all`} size="sm">
              {formatMoney(p.amount, s.baseCurrency, { compact: true, rounded: true })} · {p.count} {p.count === 1 ? 'deal' : 'deals'}
              {p.withoutAmount > 0 && ` (${p.withoutAmount} without an amount)`}
            </Anchor>
          </Group>
        ))}
      </Stack>
    </>
  );
}

const PROPORTION = { kind: 'proportion', unit: 'fraction' } as const;

function RatesSection({ slug, s, rows, groupBy, empty }: { slug: string; s: Scorecard; rows: MetricValue[]; groupBy: 'segment' | 'competitor'; empty: string }) {
  if (rows.length === 0) return <Text size="sm" c="dimmed">{empty}</Text>;
  return (
    <>
      <Suspense fallback={<Skeleton height={160} />}>
        <Charts.RateBars
          title={`Win rate by ${groupBy}, ${s.period.label}`}
          rows={rows.map((r) => ({ label: r.label, value: r.noData ? null : r.value, low: r.low, high: r.high, text: formatMetricValue(r, PROPORTION) }))}
        />
      </Suspense>
      <Stack gap={2} component="ul" aria-label={`Win rate by ${groupBy}`} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {rows.map((r) => (
          <Group key={r.key} component="li" justify="space-between" gap="xs" wrap="wrap">
            <Text size="sm">{r.label}</Text>
            <Anchor component={Link} to={recordsPath(slug, 'win-rate', { from: s.period.start, to: s.asOf, groupBy, key: r.key })} size="sm">
              {formatMetricValue(r, PROPORTION)}
            </Anchor>
          </Group>
        ))}
      </Stack>
    </>
  );
}

function ThemesSection({ slug, s }: { slug: string; s: Scorecard }) {
  if (s.topThemes.length === 0) return <Text size="sm" c="dimmed">No theme has open or lost deals behind it.</Text>;
  const money = (x: string) => formatMoney(x, s.baseCurrency, { compact: true, rounded: true });
  return (
    <Stack gap={0} component="ol" aria-label="Themes by revenue at stake" style={{ paddingLeft: 18, margin: 0 }}>
      {s.topThemes.map((t) => (
        <Stack key={t.id} gap={0} component="li" py={4}>
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Anchor component={Link} to={`/w/${slug}/feedback/themes/${t.id}`} size="sm" fw={500}>
              {t.name}
            </Anchor>
            <Text size="sm" fw={700}>
              {money(t.revenueAtStake)}
            </Text>
          </Group>
          <Group gap={6}>
            <Badge variant="light" color="gray" size="xs" tt="none">
              {THEME_STATUS_LABELS[t.status as ThemeStatus] ?? t.status}
            </Badge>
            <Text size="xs" c="dimmed">
              {money(t.openPipeline)} open ({t.openDeals} {t.openDeals === 1 ? 'deal' : 'deals'}) · {money(t.lostRevenue)} lost ({t.lostDeals}) · {t.items}{' '}
              {t.items === 1 ? 'item' : 'items'}
            </Text>
          </Group>
        </Stack>
      ))}
    </Stack>
  );
}

function BreachesSection({ slug, s }: { slug: string; s: Scorecard }) {
  const b = s.requestsBreachingSla;
  if (b === null) return <Text size="sm" c="dimmed">No requests yet.</Text>;
  if (b.count === 0) return <Text size="sm" c="dimmed">No open request is past its SLA.</Text>;
  return (
    <>
      <Text size="sm">
        <b>{b.count}</b> open {b.count === 1 ? 'request is' : 'requests are'} past their SLA.
      </Text>
      <Stack gap={2} component="ul" aria-label="Requests breaching their SLA" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {b.items.map((r) => (
          <Group key={r.id} component="li" justify="space-between" gap="xs" wrap="wrap">
            <Anchor component={Link} to={`/w/${slug}/requests/${r.id}`} size="sm">
              {r.title}
            </Anchor>
            <Text size="xs" c="dimmed">
              {[r.requester, r.dueAt ? `due ${formatDateTime(r.dueAt)}` : null].filter(Boolean).join(' · ')}
            </Text>
          </Group>
        ))}
      </Stack>
    </>
  );
}
