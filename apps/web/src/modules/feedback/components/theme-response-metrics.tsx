import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Button, Card, Collapse, Group, Paper, Progress, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import type { FeedbackResponseMetrics } from '@tandem/contracts';
import { QueryError } from '../../../app/components/query-state.tsx';
import { usePhone } from '../../../app/use-phone.ts';
import { formatCount, percent } from '../../../app/kit/format.ts';
import { useResponseMetrics } from '../hooks/use-themes.ts';
import { formatHours, plural } from './theme-bits.tsx';

/** How well marketing answers the field: the strip over the theme board. */
export function ThemeResponseMetrics({ slug }: { slug: string }) {
  const metrics = useResponseMetrics(slug);
  if (metrics.isError) {
    return <QueryError error={metrics.error} onRetry={() => void metrics.refetch()} title="Could not load the response metrics" />;
  }
  if (!metrics.data) {
    return (
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" aria-busy="true" aria-label="Loading response metrics">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} height={92} radius="md" />
        ))}
      </SimpleGrid>
    );
  }
  return <MetricsStrip slug={slug} metrics={metrics.data} />;
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
            <Text fw={650} fz="xl" c={untriaged > 0 ? 'orange.8' : undefined}>
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

function ByPerson({ rows }: { rows: FeedbackResponseMetrics['byPerson'] }) {
  const phone = usePhone();
  if (phone) {
    return (
      <Stack gap="xs" role="list" aria-label="Response by PMM">
        {rows.map((r) => (
          <Paper key={r.person.userId} withBorder p="xs" radius="sm" role="listitem">
            <Text size="sm" fw={600}>
              {r.person.name}
            </Text>
            <Text size="xs" c="dimmed">
              {percent(r.responseRate)} answered ({formatCount(r.responded)} of {formatCount(r.items)}) · acknowledged in{' '}
              {formatHours(r.medianHoursToAcknowledge)} (median)
            </Text>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={6} aria-label="Response by PMM" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>PMM</Table.Th>
            <Table.Th ta="right">Items acknowledged</Table.Th>
            <Table.Th ta="right">With a response</Table.Th>
            <Table.Th ta="right">Median time to acknowledge</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.person.userId}>
              <Table.Td>{r.person.name}</Table.Td>
              <Table.Td ta="right">{formatCount(r.acknowledged)}</Table.Td>
              <Table.Td ta="right">
                {percent(r.responseRate)}{' '}
                <Text span size="xs" c="dimmed">
                  ({formatCount(r.responded)} of {formatCount(r.items)})
                </Text>
              </Table.Td>
              <Table.Td ta="right">{formatHours(r.medianHoursToAcknowledge)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
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
