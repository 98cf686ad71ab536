import type { ReactNode } from 'react';
import { Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { Influence, InfluenceGroup } from '@tandem/contracts';
import { formatCount, formatMoney, QueryView } from '../../../../app/kit/index.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useInfluence } from '../../hooks/use-influence.ts';
import { WinRateText } from './win-rate-text.tsx';

/**
 * The closed deals this asset touched before they closed, beside the closed deals it did not touch from the same
 * segments and close quarters: each with its sample and interval, or "not enough data". It says what the numbers
 * are — an association — and what they are not.
 */
export function InfluencePanel({ assetId }: { assetId: string }) {
  const ws = useWorkspace();
  const influence = useInfluence(ws.slug, assetId);
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="influence-title">
      <Stack gap="md">
        <Title order={3} size="h4" id="influence-title">
          Deals this asset was associated with
        </Title>
        <QueryView query={influence} skeleton={<Skeleton height={160} radius="sm" />} error="Could not load the deals this asset touched">
          {(data) => <InfluenceView data={data} />}
        </QueryView>
      </Stack>
    </Card>
  );
}

function InfluenceView({ data }: { data: Influence }) {
  const cur = data.baseCurrency;
  if (data.touched.winRate.closed === 0) {
    return (
      <Stack gap="xs">
        <Text size="sm">
          No closed deal used this asset before it closed yet, so there is nothing to compare. When reps attach it to a deal, share it or open it
          from a deal, the deal counts here once it closes.
        </Text>
        {data.influencedPipeline.open.deals > 0 && (
          <Text size="sm" c="dimmed">
            Open deals using it: {formatCount(data.influencedPipeline.open.deals)}, {formatMoney(data.influencedPipeline.open.amount, cur, { compact: true })}.
          </Text>
        )}
      </Stack>
    );
  }
  const segments = new Set(data.cells.map((c) => c.segment ?? '—')).size;
  const quarters = new Set(data.cells.map((c) => c.quarter)).size;
  return (
    <Stack gap="md">
      {/* Side by side even in the asset page's narrow column: the comparison is the point. */}
      <SimpleGrid cols={2} spacing="xs">
        <GroupCard title="Used before they closed" group={data.touched} currency={cur} accent="grape" />
        <GroupCard title="Not used, same segments and quarters" group={data.comparison} currency={cur} accent="gray" />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        <b>Used</b>: closed deals where someone attached, shared, opened or viewed this asset for the deal before its close date.{' '}
        <b>Not used</b>: closed deals it was not used on, from the same {segments === 1 ? 'segment' : `${segments} segments`} and{' '}
        {quarters === 1 ? 'close quarter' : `${quarters} close quarters`} as the deals that used it.
      </Text>
      <Group gap="xl" wrap="wrap">
        <Stat label="Pipeline it touched" value={formatMoney(data.influencedPipeline.amount, cur, { compact: true })}>
          {formatCount(data.influencedPipeline.deals)} deals, {formatCount(data.influencedPipeline.open.deals)} still open (
          {formatMoney(data.influencedPipeline.open.amount, cur, { compact: true })})
        </Stat>
        <Stat label="Won revenue it touched" value={formatMoney(data.influencedRevenue.amount, cur, { compact: true })}>
          {formatCount(data.influencedRevenue.deals)} won deals
        </Stat>
      </Group>
      <Text size="sm" c="dimmed" maw={720}>
        <b>Associated with, not caused by.</b> Reps choose which deals to use material on, so a difference between the two groups can come from the
        deals themselves. Read it as a lead worth checking, not as proof that the asset wins deals.
      </Text>
    </Stack>
  );
}

function GroupCard({ title, group, currency, accent }: { title: string; group: InfluenceGroup; currency: string; accent: string }) {
  return (
    <Card withBorder radius="md" p="xs" role="group" aria-label={title} style={{ borderTop: `3px solid var(--mantine-color-${accent}-5)` }}>
      <Stack gap={6}>
        <Text size="sm" fw={600} lh={1.3}>
          {title}
        </Text>
        <WinRateText winRate={group.winRate} size="lg" />
        <Text size="xs">
          Won {formatMoney(group.revenue, currency, { compact: true })} of {formatMoney(group.closedAmount, currency, { compact: true })}
          {group.withoutAmount > 0 ? ` (${formatCount(group.withoutAmount)} without an amount)` : ''}
        </Text>
      </Stack>
    </Card>
  );
}

function Stat({ label, value, children }: { label: string; value: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={650} fz="lg">
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {children}
      </Text>
    </Stack>
  );
}
