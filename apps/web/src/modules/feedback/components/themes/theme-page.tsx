import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Anchor, Breadcrumbs, Button, Card, Grid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconGitMerge, IconSearchOff } from '@tabler/icons-react';
import type { ThemeDetail } from '@tandem/contracts';
import { isApiError } from '../../../../app/api-error.ts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { PageSkeleton } from '../../../../app/components/page-skeleton.tsx';
import { EmptyResult, QueryView } from '../../../../app/kit/index.ts';
import { useRequiredSession } from '../../../../app/session.tsx';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { ThemeDecisions } from '../../../decisions/index.ts';
import { useWorkspaceDetails } from '../../../workspaces/index.ts';
import { isThemeId, useTheme } from '../../hooks/use-themes.ts';
import { ThemeDealsTable } from './theme-deals-table.tsx';
import { ThemeHeader } from './theme-header.tsx';
import { ThemeItems } from './theme-items.tsx';
import { ThemeMetricCards } from './theme-metric-cards.tsx';
import { CurrentResponse, ThemeStatusPanel } from './theme-status-panel.tsx';

// The chart library is most of this page's weight: the page shows while it loads.
const ThemeTrendChart = lazy(async () => ({ default: (await import('./theme-trend-chart.tsx')).ThemeTrendChart }));

export function ThemePage() {
  const ws = useWorkspace();
  const { themeId } = useParams();
  const theme = useTheme(ws.slug, themeId);
  if (!isThemeId(themeId) || (theme.isError && isApiError(theme.error) && theme.error.status === 404)) {
    return <ThemeNotFound slug={ws.slug} />;
  }
  return (
    <QueryView
      query={theme}
      skeleton={<PageSkeleton />}
      renderError={(box) => (
        <>
          <PageHeader title="Theme" />
          {box}
        </>
      )}
    >
      {(data) => (data.mergedInto ? <MergedTheme theme={data} slug={ws.slug} /> : <ThemeView theme={data} />)}
    </QueryView>
  );
}

function ThemeView({ theme }: { theme: ThemeDetail }) {
  const ws = useWorkspace();
  const tz = useRequiredSession().user.timeZone;
  const baseCurrency = useWorkspaceDetails(ws.slug).data?.baseCurrency;
  return (
    <>
      <ThemeHeader theme={theme} />
      <Stack gap="lg">
        <CurrentResponse theme={theme} tz={tz} />
        <ThemeMetricCards theme={theme} baseCurrency={baseCurrency} tz={tz} />
        <Grid gap="lg" align="flex-start">
          {/* On a phone, status and links come before the chart and the long list of items. */}
          <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 1, md: 2 }}>
            <Stack gap="lg">
              <ThemeStatusPanel theme={theme} tz={tz} />
              <ThemeDecisions themeId={theme.id} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 2, md: 1 }}>
            <Stack gap="lg">
              <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="theme-trend-title">
                <Stack gap="sm">
                  <Title order={3} size="h4" id="theme-trend-title">
                    Items per week
                  </Title>
                  <Suspense fallback={<Skeleton height={200} radius="sm" aria-label="Loading the chart" />}>
                    <ThemeTrendChart trend={theme.metrics.trend} />
                  </Suspense>
                </Stack>
              </Card>
              <ThemeItems theme={theme} baseCurrency={baseCurrency} tz={tz} />
            </Stack>
          </Grid.Col>
        </Grid>
        <ThemeDealsTable theme={theme} slug={ws.slug} baseCurrency={baseCurrency} />
      </Stack>
    </>
  );
}

function MergedTheme({ theme, slug }: { theme: ThemeDetail; slug: string }) {
  const target = theme.mergedInto!;
  return (
    <>
      <Breadcrumbs mb="xs" separatorMargin={6}>
        <Anchor component={Link} to={`/w/${slug}/feedback/themes`} size="sm">
          Themes
        </Anchor>
        <Text size="sm" c="dimmed" lineClamp={1}>
          {theme.name}
        </Text>
      </Breadcrumbs>
      <PageHeader title={theme.name} documentTitle={`${theme.name} · Themes`} />
      <Alert color="blue" variant="light" icon={<IconGitMerge size={18} />} title="This theme was merged into another">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">
            Its items, numbers and response now live in{' '}
            <Anchor component={Link} to={`/w/${slug}/feedback/themes/${target.id}`} fw={600}>
              {target.name}
            </Anchor>
            .
          </Text>
          <Button component={Link} to={`/w/${slug}/feedback/themes/${target.id}`} size="xs">
            Open {target.name}
          </Button>
        </Stack>
      </Alert>
    </>
  );
}

function ThemeNotFound({ slug }: { slug: string }) {
  return (
    <>
      <PageHeader title="Theme not found" />
      <Card withBorder radius="md" p="xl">
        <EmptyResult
          icon={<IconSearchOff size={28} />}
          title="This theme is not in this workspace"
          description="It may have been removed, or the link may belong to another workspace or be incomplete."
          action={
            <Button component={Link} to={`/w/${slug}/feedback/themes`}>
              Back to themes
            </Button>
          }
        />
      </Card>
    </>
  );
}
