import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Button, Card, Collapse, Group, Progress, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import type { FeedbackResponseMetrics } from '@tandem/contracts';
import { DataTable, formatCount, percent, QueryView, type DataTableColumn } from '../../../../app/kit/index.ts';
import { useFeedbackMetrics } from '../../hooks/use-feedback.ts';
import { formatHours, plural } from '../shared/theme-bits.tsx';

/** How well marketing answers the field: the strip over the theme board. */
export function ThemeResponseMetrics({ slug }: { slug: string }) {
  const metrics = useFeedbackMetrics(slug);
  return (
    <QueryView
      query={metrics}
      error="Could not load the response metrics"
      skeleton={
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" aria-busy="true" aria-label="Loading response metrics">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} height={92} radius="md" />
          ))}
        </SimpleGrid>
      }
    >
      {(data) => <MetricsStrip slug={slug} metrics={data} />}
    </QueryView>
  );
}

function MetricsStrip({ slug, metrics }: { slug: string; metrics: FeedbackResponseMetrics }) {
  const [open, { toggle }] = useDisclosure(false);
  const { overall, untriaged, byPerson } = metrics;
  return (
    <Card withBorder radius="md" p="sm" component="section" aria-label="How marketing answers feedback">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <Tile title="Feedback with a response">
            <Group gap={8} align="baseline" wrap="nowrap">
              <Text fw={650} fz="xl">
                {overall.items ? percent(overall.responseRate) : '—'}
              </Text>
              <Text size="xs" c="dimmed">
                {formatCount(overall.responded)} of {plural(overall.items, 'item')}
              </Text>
            </Group>
            <Progress value={overall.responseRate * 100} size="sm" color="teal" aria-label="Share of feedback with a response" />
          </Tile>
          <Tile title="Median time to acknowledge">
            <Text fw={650} fz="xl">
              {formatHours(overall.medianHoursToAcknowledge)}
            </Text>
            <Text size="xs" c="dimmed">
              {overall.acknowledgedByPerson
                ? `over ${plural(overall.acknowledgedByPerson, 'item')} a PMM acknowledged`
                : 'Nothing acknowledged yet'}
            </Text>
          </Tile>
          <Tile title="Waiting for triage">
            <Text fw={650} fz="xl" c={untriaged > 0 ? 'orange' : undefined}>
              {formatCount(untriaged)}
            </Text>
            {untriaged > 0 ? (
              <Anchor component={Link} to={`/w/${slug}/feedback?theme=none`} size="xs">
                See the untriaged {untriaged === 1 ? 'item' : 'items'}
              </Anchor>
            ) : (
              <Text size="xs" c="dimmed">
                Every item has a theme
              </Text>
            )}
          </Tile>
        </SimpleGrid>
        {byPerson.length > 0 && (
          <>
            <Group>
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={toggle}
                rightSection={open ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
                aria-expanded={open}
                aria-controls="response-by-pmm"
              >
                {open ? 'Hide' : 'Show'} each PMM's numbers ({byPerson.length})
              </Button>
            </Group>
            <Collapse expanded={open} id="response-by-pmm">
              <ByPerson rows={byPerson} />
            </Collapse>
          </>
        )}
      </Stack>
    </Card>
  );
}

type PersonRow = FeedbackResponseMetrics['byPerson'][number];

const BY_PERSON: DataTableColumn<PersonRow>[] = [
  { key: 'person', header: 'PMM', cell: (r) => r.person.name },
  { key: 'acknowledged', header: 'Items acknowledged', align: 'right', cell: (r) => formatCount(r.acknowledged) },
  {
    key: 'responded',
    header: 'With a response',
    align: 'right',
    cell: (r) => (
      <>
        {percent(r.responseRate)}{' '}
        <Text span size="xs" c="dimmed">
          ({formatCount(r.responded)} of {formatCount(r.items)})
        </Text>
      </>
    ),
  },
  { key: 'median', header: 'Median time to acknowledge', align: 'right', cell: (r) => formatHours(r.medianHoursToAcknowledge) },
];

function ByPerson({ rows }: { rows: FeedbackResponseMetrics['byPerson'] }) {
  return (
    <DataTable
      aria-label="Response by PMM"
      rows={rows}
      rowKey={(r) => r.person.userId}
      columns={BY_PERSON}
      minWidth={560}
      verticalSpacing={6}
      cardProps={() => ({ p: 'xs', radius: 'sm' })}
      renderCard={(r) => (
        <>
          <Text size="sm" fw={600}>
            {r.person.name}
          </Text>
          <Text size="xs" c="dimmed">
            {percent(r.responseRate)} answered ({formatCount(r.responded)} of {formatCount(r.items)}) · acknowledged in{' '}
            {formatHours(r.medianHoursToAcknowledge)} (median)
          </Text>
        </>
      )}
    />
  );
}

function Tile({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4} role="group" aria-label={title} px={4}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.3 }}>
        {title}
      </Text>
      {children}
    </Stack>
  );
}
