import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Button, Card, Collapse, Group, SegmentedControl, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import type { AssetUsage } from '@tandem/contracts';
import { formatCount, formatDay, QueryView } from '../../../../app/kit/index.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useAssetUsage } from '../../hooks/use-usage.ts';
import { UsageVotes } from './usage-votes.tsx';

const UsageChart = lazy(async () => ({ default: (await import('./usage-chart.tsx')).UsageChart }));

const PERIODS = [
  { value: '90', label: '90 days' },
  { value: '365', label: 'Year' },
];

function Count({ label, value, hint }: { label: string; value: number; hint?: string }) {
  return (
    <Stack gap={0} role="group" aria-label={label}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.3 }}>
        {label}
      </Text>
      <Text fw={700} size="xl" lh={1.3}>
        {formatCount(value)}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Stack>
  );
}

function Counts({ totals }: { totals: AssetUsage['totals'] }): ReactNode {
  return (
    <SimpleGrid cols={{ base: 3, md: 2, lg: 3 }} spacing="sm" verticalSpacing="sm">
      <Count label="Views" value={totals.views} hint={`by ${formatCount(totals.viewers)} ${totals.viewers === 1 ? 'person' : 'people'}`} />
      <Count label="Downloads" value={totals.downloads} />
      <Count label="Copies" value={totals.copies} />
      <Count label="Shares" value={totals.shares} />
      <Count label="Share opens" value={totals.shareOpens} hint="by prospects" />
      <Count label="Deals attached" value={totals.dealsAttached} hint="now" />
    </SimpleGrid>
  );
}

/** The weekly numbers as a visible table, for whoever prefers numbers to bars. */
function WeeksTable({ weeks }: { weeks: AssetUsage['weeks'] }) {
  const shown = weeks.filter((w) => w.views > 0);
  if (!shown.length) return <Text size="sm">No views in this period.</Text>;
  return (
    <Table.ScrollContainer minWidth={280} mah={280}>
      <Table striped verticalSpacing={4} aria-label="Views per week">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Week of</Table.Th>
            <Table.Th ta="right">Views</Table.Th>
            <Table.Th ta="right">People</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...shown].reverse().map((w) => (
            <Table.Tr key={w.weekStart}>
              <Table.Td>{formatDay(w.weekStart)}</Table.Td>
              <Table.Td ta="right">{w.views}</Table.Td>
              <Table.Td ta="right">{w.viewers}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * How an asset is used: weekly views and distinct viewers (a chart with a table beside it), downloads, copies, shares,
 * share opens and deals attached over the period, and helpful votes with comments. Used on the asset page.
 */
export function UsagePanel({ assetId }: { assetId: string }) {
  const { slug, can } = useWorkspace();
  const [days, setDays] = useState('365');
  const [asTable, setAsTable] = useState(false);
  const usage = useAssetUsage(slug, assetId, Number(days));
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="asset-usage-title">
      <Stack gap="sm">
        <Group justify="space-between" align="center">
          <Title order={2} size="h4" id="asset-usage-title">
            Usage
          </Title>
          <SegmentedControl size="xs" data={PERIODS} value={days} onChange={setDays} aria-label="Period" />
        </Group>
        <QueryView query={usage} skeleton={<Skeleton h={260} radius="md" />} error="Could not load the usage">
          {(u) => (
            <Stack gap="md">
              <Counts totals={u.totals} />
              <div>
                {u.totals.views === 0 ? (
                  <Text size="sm" c="dimmed">
                    Nobody has viewed it since {formatDay(u.from)}.
                  </Text>
                ) : (
                  <Suspense fallback={<Skeleton h={220} />}>
                    <UsageChart weeks={u.weeks} />
                  </Suspense>
                )}
                {u.totals.views > 0 && (
                  <>
                    <Group justify="flex-end">
                      <Button variant="subtle" size="compact-xs" onClick={() => setAsTable((x) => !x)} aria-expanded={asTable}>
                        {asTable ? 'Hide the table' : 'Show as a table'}
                      </Button>
                    </Group>
                    <Collapse expanded={asTable}>
                      <WeeksTable weeks={u.weeks} />
                    </Collapse>
                  </>
                )}
              </div>
              <UsageVotes key={u.votes.mine?.updatedAt ?? 'none'} slug={slug} assetId={assetId} votes={u.votes} canVote={can('library.use')} />
            </Stack>
          )}
        </QueryView>
      </Stack>
    </Card>
  );
}
