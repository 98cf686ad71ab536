import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Button, Card, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import type { ThemeDetail } from '@tandem/contracts';
import { DataTable, formatDay, formatMoney, type DataTableColumn } from '../../../../app/kit/index.ts';
import { StatusBadge } from '../../../deals/index.ts';

type ThemeDeal = ThemeDetail['deals'][number];

const VIA_LABELS: Record<ThemeDeal['via'], string> = { item: 'Named in an item', account: "Item's account" };
const VIA_HINTS: Record<ThemeDeal['via'], string> = {
  item: 'An item in this theme names this deal',
  account: "An item names only this deal's account, so the account's deals count",
};

const FIRST = 10;
const CATEGORY_ORDER = { open: 0, lost: 1, won: 2 } as const;

/** What is at stake first: open deals, then lost, then won, the largest first in each. */
function byStake(a: ThemeDeal, b: ThemeDeal): number {
  return CATEGORY_ORDER[a.stageCategory] - CATEGORY_ORDER[b.stageCategory] || Number(b.amountBase ?? 0) - Number(a.amountBase ?? 0);
}

/** The deals behind the theme's money: open, won and lost, each once. The ten largest first; the rest on request. */
export function ThemeDealsTable({ theme, slug, baseCurrency }: { theme: ThemeDetail; slug: string; baseCurrency: string | undefined }) {
  const [all, setAll] = useState(false);
  const sorted = [...theme.deals].sort(byStake);
  const deals = all ? sorted : sorted.slice(0, FIRST);
  const more = sorted.length - deals.length;
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="theme-deals-title">
      <Stack gap="md">
        <Title order={3} size="h4" id="theme-deals-title">
          Linked deals ({theme.deals.length})
        </Title>
        {theme.deals.length > FIRST && (
          <Text size="sm" c="dimmed" mt={-8}>
            Open deals first, then lost and won, the largest first.
          </Text>
        )}
        {theme.deals.length === 0 ? (
          <Text size="sm" c="dimmed">
            No deals yet. When reps log feedback against a deal or an account, its deals show here and count toward the pipeline at stake.
          </Text>
        ) : (
          <DataTable
            aria-label="Linked deals"
            rows={deals}
            rowKey={(d) => d.id}
            columns={columns(slug, baseCurrency)}
            renderCard={(d) => <DealCard deal={d} slug={slug} baseCurrency={baseCurrency} />}
          />
        )}
        {(more > 0 || all) && theme.deals.length > FIRST && (
          <Group>
            <Button variant="default" size="xs" onClick={() => setAll((x) => !x)}>
              {all ? `Show the first ${FIRST}` : `Show all ${theme.deals.length} deals`}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function columns(slug: string, baseCurrency: string | undefined): DataTableColumn<ThemeDeal>[] {
  return [
    {
      key: 'deal',
      header: 'Deal',
      cellProps: { maw: 320 },
      cell: (d) => (
        <>
          <Anchor component={Link} to={`/w/${slug}/deals/${d.id}`} size="sm" fw={500} lineClamp={1}>
            {d.name}
          </Anchor>
          <Text size="xs" c="dimmed" lineClamp={1}>
            {d.account ?? 'No account'}
          </Text>
        </>
      ),
    },
    {
      key: 'stage',
      header: 'Stage',
      cell: (d) => (
        <Group gap={6} wrap="nowrap">
          <StatusBadge status={d.stageCategory} size="xs" />
          <Text size="sm" lineClamp={1}>
            {d.stage}
          </Text>
        </Group>
      ),
    },
    { key: 'amount', header: `Amount (${baseCurrency ?? 'base'})`, align: 'right', cell: (d) => <Amount deal={d} baseCurrency={baseCurrency} /> },
    {
      key: 'closeDate',
      header: 'Close date',
      cell: (d) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatDay(d.closeDate)}
        </Text>
      ),
    },
    {
      key: 'via',
      header: 'Linked by',
      cell: (d) => (
        <Tooltip label={VIA_HINTS[d.via]} withArrow multiline w={240}>
          <Text size="sm" c="dimmed" w="fit-content">
            {VIA_LABELS[d.via]}
          </Text>
        </Tooltip>
      ),
    },
  ];
}

/** A deal on a phone: name and account, the amount at the right, then stage, date and how it is linked. */
function DealCard({ deal: d, slug, baseCurrency }: { deal: ThemeDeal; slug: string; baseCurrency: string | undefined }) {
  return (
    <>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Anchor component={Link} to={`/w/${slug}/deals/${d.id}`} size="sm" fw={600} lineClamp={2}>
            {d.name}
          </Anchor>
          <Text size="xs" c="dimmed" truncate>
            {d.account ?? 'No account'}
          </Text>
        </Stack>
        <Amount deal={d} baseCurrency={baseCurrency} />
      </Group>
      <Group gap={6} mt={4} wrap="wrap">
        <StatusBadge status={d.stageCategory} size="xs" />
        <Text size="xs">{d.stage}</Text>
        <Text size="xs" c="dimmed">
          · {d.stageCategory === 'open' ? 'closes' : 'closed'} {formatDay(d.closeDate)} · {VIA_LABELS[d.via].toLowerCase()}
        </Text>
      </Group>
    </>
  );
}

function Amount({ deal, baseCurrency }: { deal: ThemeDeal; baseCurrency: string | undefined }) {
  return (
    <Text size="sm" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} c={deal.amountBase === null ? 'dimmed' : undefined}>
      {formatMoney(deal.amountBase, baseCurrency, { rounded: true })}
    </Text>
  );
}
