import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Breadcrumbs, Card, Group, List, SegmentedControl, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconTimeline } from '@tabler/icons-react';
import type { CapacityView } from '@tandem/contracts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { PageSkeleton } from '../../../../app/components/page-skeleton.tsx';
import { formatDay, QueryView } from '../../../../app/kit/index.ts';
import { useRequiredSession } from '../../../../app/session.tsx';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useCapacityView } from '../../hooks/use-capacity.ts';
import { CapacityEditor } from './capacity-editor.tsx';
import { CapacityQueue } from './capacity-queue.tsx';
import { hours, lineSummary, myRows, standingSentence } from './capacity-text.ts';

const CapacityChart = lazy(async () => ({ default: (await import('./capacity-chart.tsx')).CapacityChart }));

const WEEK_OPTIONS = ['4', '8', '12', '26'];

/** `/requests/capacity`: demand against capacity week by week, and the queue with the line. */
export function CapacityPage() {
  const ws = useWorkspace();
  const [weeks, setWeeks] = useState('8');
  const view = useCapacityView(ws.slug, Number(weeks));
  return (
    <>
      <Breadcrumbs mb="xs" separatorMargin={6}>
        <Anchor component={Link} to={`/w/${ws.slug}/requests`} size="sm">
          Requests
        </Anchor>
        <Text size="sm" c="dimmed">
          Capacity
        </Text>
      </Breadcrumbs>
      <PageHeader
        title="Capacity and the line"
        description="Week by week, the hours of work that requests need against the hours product marketing has for them. In the queue below, the line shows which requests will not be done by their date if the order stays as it is today."
      />
      <QueryView
        query={view}
        skeleton={<PageSkeleton />}
        error="Could not load the capacity plan"
      >
        {(data) => <CapacityBody data={data} weeks={weeks} onWeeks={setWeeks} />}
      </QueryView>
    </>
  );
}

function CapacityBody({ data, weeks, onWeeks }: { data: CapacityView; weeks: string; onWeeks: (w: string) => void }) {
  const ws = useWorkspace();
  const session = useRequiredSession();
  const mine = myRows(data.rows, session.user.id);
  const canEdit = ws.can('requests.triage');
  return (
    <Stack gap="lg">
      <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="sm">
          <Group justify="space-between" align="center" gap="sm">
            <Title order={2} size="h4">
              Hours needed and hours available
            </Title>
            <SegmentedControl
              size="xs"
              aria-label="Weeks shown"
              value={weeks}
              onChange={onWeeks}
              data={WEEK_OPTIONS.map((w) => ({ value: w, label: `${w} weeks` }))}
            />
          </Group>
          <Suspense fallback={<Skeleton h={260} aria-label="Loading the chart" />}>
            <CapacityChart weeks={data.weeks} />
          </Suspense>
        </Stack>
      </Card>

      {mine.length > 0 && (
        <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
          <Stack gap="xs">
            <Title order={2} size="h4">
              Your requests
            </Title>
            <List spacing={4} size="sm">
              {mine.map((r) => (
                <List.Item key={r.requestId}>
                  <Anchor component={Link} to={`/w/${ws.slug}/requests/${r.requestId}`} size="sm" underline="always">
                    #{r.number} {r.title}
                  </Anchor>
                  <Text size="sm" c={r.belowLine ? 'red.9' : undefined}>
                    {standingSentence(r, (d) => formatDay(d))}
                  </Text>
                </List.Item>
              ))}
            </List>
          </Stack>
        </Card>
      )}

      <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            The queue and the line
          </Title>
          <Text size="sm">{lineSummary(data)}</Text>
          {data.rows.length > 0 ? (
            <CapacityQueue rows={data.rows} lineIndex={data.lineIndex} slug={ws.slug} userId={session.user.id} />
          ) : (
            <Group gap="xs" c="dimmed">
              <IconTimeline size={18} aria-hidden />
              <Text size="sm" c="dimmed">
                Once a PMM gives a request an estimate, it is planned here.
              </Text>
            </Group>
          )}
          <Group gap="lg">
            {data.unestimated > 0 && canEdit && (
              <Anchor component={Link} to={`/w/${ws.slug}/requests?status=new`} size="sm" underline="always">
                Triage the requests without an estimate
              </Anchor>
            )}
            <Anchor component={Link} to={`/w/${ws.slug}/requests/settings`} size="sm" underline="always">
              How the score and the clocks are set
            </Anchor>
          </Group>
        </Stack>
      </Card>

      <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            Who works on requests
          </Title>
          <Text size="sm" c="dimmed">
            Hours a week each PMM gives to requests. The plan fills each week with these hours, in queue order.
          </Text>
          {canEdit ? (
            <CapacityEditor slug={ws.slug} capacity={data.capacity} />
          ) : data.capacity.some((c) => c.weeklyHours > 0) ? (
            <List spacing={2} size="sm">
              {data.capacity.filter((c) => c.weeklyHours > 0).map((c) => (
                <List.Item key={c.user.userId}>
                  {c.user.name}: {hours(c.weeklyHours)} h a week
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed">
              No PMM has set hours for requests yet.
            </Text>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}
