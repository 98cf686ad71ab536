import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Anchor, Breadcrumbs, Button, Card, Grid, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { IconSearchOff } from '@tabler/icons-react';
import type { CompetitorPage as CompetitorPageData } from '@tandem/contracts';
import { isApiError } from '../../../../app/api-error.ts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { PageSkeleton } from '../../../../app/components/page-skeleton.tsx';
import { EmptyResult, formatCount, formatMoney, QueryView } from '../../../../app/kit/index.ts';
import { useRequiredSession } from '../../../../app/session.tsx';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { isCompetitorId, useCompetitor } from '../../hooks/use-competitors.ts';
import { WinRateText } from '../influence/win-rate-text.tsx';
import { AssetLine, Battlecards, FieldIntel, QuarterTable, Section, Themes } from './competitor-sections.tsx';
import type { WinRateChart as LoadedWinRateChart } from './win-rate-chart.tsx';

// The chart library is most of this page's weight: the page shows while it loads.
const loadChart = () => import('./win-rate-chart.tsx');
const WinRateChart = lazy(async () => ({ default: (await loadChart()).WinRateChart }));
// Once its code is here (the route's loader asks for it with the page), the chart is drawn in the page's own render,
// not behind the Suspense boundary: behind it, even with the code loaded, the chart's skeleton came with the h1 and
// the chart 300 ms after it on every open by a link (React reveals a boundary's content no sooner than 300 ms after
// its fallback showed); drawn directly, it comes with the h1.
let LoadedChart: typeof LoadedWinRateChart | null = null;
/** The chart's code, asked for as soon as this page's code runs; the route's loader waits for it (router.tsx). */
export const chartReady: Promise<void> = loadChart().then(
  (m) => {
    LoadedChart = m.WinRateChart;
  },
  () => undefined,
);
// The edit form (the modal, tag input, text area and the form's code) only once someone asks to edit: a rep opening
// the page before a call never does, and its chunks were on the page's first load.
const CompetitorModal = lazy(async () => ({ default: (await import('./competitor-modal.tsx')).CompetitorModal }));

/** The page a rep opens before a competitive call: battlecards first, then how deals against them go, and what the field hears. */
export function CompetitorPage() {
  const ws = useWorkspace();
  const { competitorId } = useParams();
  const page = useCompetitor(ws.slug, competitorId);
  if (!isCompetitorId(competitorId) || (page.isError && isApiError(page.error) && page.error.status === 404)) {
    return <CompetitorNotFound slug={ws.slug} />;
  }
  return (
    <QueryView
      query={page}
      skeleton={<PageSkeleton />}
      renderError={(box) => (
        <>
          <PageHeader title="Competitor" />
          {box}
        </>
      )}
    >
      {(data) => <CompetitorView page={data} />}
    </QueryView>
  );
}

function CompetitorView({ page }: { page: CompetitorPageData }) {
  const ws = useWorkspace();
  const tz = useRequiredSession().user.timeZone ?? undefined;
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  // Mounted from the first Edit on and kept, so that the modal closes with its transition.
  const [editedOnce, setEditedOnce] = useState(false);
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const c = page.competitor;
  const cur = page.baseCurrency;
  const plotted = page.quarters.some((q) => q.rate !== null);
  // One draft object while the modal is open: a new one would start the form over.
  const draft = useMemo(() => (editing ? { competitor: c } : null), [editing, c]);
  return (
    <>
      <Breadcrumbs mb="xs" separatorMargin={6}>
        <Anchor component={Link} to={`/w/${ws.slug}/competitors`} size="sm">
          Competitors
        </Anchor>
        <Text size="sm" c="dimmed" lineClamp={1}>
          {c.name}
        </Text>
      </Breadcrumbs>
      <PageHeader
        title={c.name}
        documentTitle={`${c.name} · Competitors`}
        description={
          <>
            {c.aliases.length > 0 && <>Also written as {c.aliases.join(', ')}. </>}
            {c.website && (
              <Anchor href={c.website} target="_blank" rel="noopener noreferrer" size="sm" underline="always">
                {c.website.replace(/^https?:\/\//, '')}
              </Anchor>
            )}
            {c.description && <Text size="sm" mt={4}>{c.description}</Text>}
          </>
        }
        actions={
          ws.can('competitors.write') && (
            <Button
              variant="default"
              onClick={() => {
                setEditedOnce(true);
                setEditing(true);
              }}
            >
              Edit
            </Button>
          )
        }
      />
      <Stack gap="lg">
        <Battlecards page={page} slug={ws.slug} canWriteLibrary={ws.can('library.write')} />
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" role="region" aria-label={`Deals against ${c.name}`}>
          <Tile title="Win rate against them">
            <WinRateText winRate={page.winRate} size="lg" />
          </Tile>
          <Tile title="Lost against them">
            <Text fw={650} fz={{ base: 'lg', sm: 'xl' }}>
              {formatMoney(page.lostRevenue.amount, cur, { compact: true })}
            </Text>
            <Text size="xs" c="dimmed">
              {formatCount(page.lostRevenue.deals)} lost {page.lostRevenue.deals === 1 ? 'deal' : 'deals'}
              {page.lostRevenue.withoutAmount > 0 ? `, ${formatCount(page.lostRevenue.withoutAmount)} without an amount` : ''}
            </Text>
          </Tile>
          <Tile title="Open pipeline against them">
            <Text fw={650} fz={{ base: 'lg', sm: 'xl' }}>
              {formatMoney(page.openPipeline.amount, cur, { compact: true })}
            </Text>
            <Text size="xs" c="dimmed">
              {formatCount(page.openPipeline.deals)} open {page.openPipeline.deals === 1 ? 'deal' : 'deals'}
            </Text>
          </Tile>
          <Tile title="Linked">
            <Text fw={650} fz={{ base: 'lg', sm: 'xl' }}>
              {formatCount(page.linked.deals)} deals
            </Text>
            <Text size="xs" c="dimmed">
              and {formatCount(page.linked.feedback)} feedback {page.linked.feedback === 1 ? 'item' : 'items'} name them
            </Text>
          </Tile>
        </SimpleGrid>
        <Section
          id="trend-title"
          title="Win rate by close quarter"
          action={
            page.quarters.length > 0 && (
              // Two toggle buttons, not a SegmentedControl: its sliding indicator measures the page's layout on
              // the first render (forced layouts in the trace of a cold open, before the chart).
              <Button.Group aria-label="Show the win rate as">
                {(['chart', 'table'] as const).map((v) => (
                  <Button key={v} size="compact-xs" variant={view === v ? 'filled' : 'default'} aria-pressed={view === v} onClick={() => setView(v)}>
                    {v === 'chart' ? 'Chart' : 'Table'}
                  </Button>
                ))}
              </Button.Group>
            )
          }
        >
          {page.quarters.length === 0 ? (
            <Text size="sm" c="dimmed">
              No deal naming {c.name} has closed yet.
            </Text>
          ) : view === 'table' || !plotted ? (
            <>
              {!plotted && view === 'chart' && (
                <Text size="sm" c="dimmed">
                  No quarter has the 10 closed deals a rate needs, so there is nothing to chart yet.
                </Text>
              )}
              <QuarterTable page={page} />
            </>
          ) : (
            <figure style={{ margin: 0 }} aria-label={`Win rate against ${c.name} by close quarter; the same numbers are in the table view`}>
              {LoadedChart ? (
                <LoadedChart quarters={page.quarters} />
              ) : (
                <Suspense fallback={<Skeleton height={220} radius="sm" aria-label="Loading the chart" />}>
                  <WinRateChart quarters={page.quarters} />
                </Suspense>
              )}
              <Text component="figcaption" size="xs" c="dimmed" mt={4}>
                The line is the win rate of closed deals naming {c.name}; the band is where it likely lies (95%). Quarters with fewer than 10 closed
                deals show no point: not enough data.
              </Text>
            </figure>
          )}
        </Section>
        <Grid gap="lg" align="flex-start">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap="lg">
              <Themes page={page} slug={ws.slug} />
              {page.assets.length > 0 && (
                <Section id="assets-title" title="Other material about them">
                  <Stack gap="sm">
                    {page.assets.map((a) => (
                      <AssetLine key={a.id} asset={a} slug={ws.slug} showType />
                    ))}
                  </Stack>
                </Section>
              )}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <FieldIntel page={page} slug={ws.slug} tz={tz} />
          </Grid.Col>
        </Grid>
      </Stack>
      {editedOnce && (
        <Suspense fallback={null}>
          <CompetitorModal slug={ws.slug} draft={draft} onClose={() => setEditing(false)} onDeleted={() => void navigate(`/w/${ws.slug}/competitors`)} />
        </Suspense>
      )}
    </>
  );
}

function Tile({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" p="sm" role="group" aria-label={title}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
        {title}
      </Text>
      {children}
    </Card>
  );
}

function CompetitorNotFound({ slug }: { slug: string }) {
  return (
    <>
      <PageHeader title="Competitor not found" />
      <Card withBorder radius="md" p="xl">
        <EmptyResult
          icon={<IconSearchOff size={28} />}
          title="No such competitor here"
          description="It may have been deleted, or the link is from another workspace."
          action={
            <Button component={Link} to={`/w/${slug}/competitors`} variant="light">
              All competitors
            </Button>
          }
        />
      </Card>
    </>
  );
}
