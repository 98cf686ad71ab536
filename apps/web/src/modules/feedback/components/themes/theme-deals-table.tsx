import { useState } from 'react';
import { Button, Card, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import type { ThemeDetail } from '@tandem/contracts';
import { formatMoney, type DataTableColumn } from '../../../../app/kit/index.ts';
import { DealTable } from '../../../deals/index.ts';

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
          <DealTable
            aria-label="Linked deals"
            rows={deals}
            slug={slug}
            subtitle={(d) => d.account ?? 'No account'}
            amountHeader={`Amount (${baseCurrency ?? 'base'})`}
            amount={(d) => <Amount deal={d} baseCurrency={baseCurrency} />}
            moreColumns={[viaColumn]}
            cardAside={(d) => (
              <Text size="xs" c="dimmed">
                {VIA_LABELS[d.via]}
              </Text>
            )}
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

/** How the deal came to the theme. */
const viaColumn: DataTableColumn<ThemeDeal> = {
  key: 'via',
  header: 'Linked by',
  cell: (d) => (
    <Tooltip label={VIA_HINTS[d.via]} withArrow multiline w={240}>
      <Text size="sm" c="dimmed" w="fit-content">
        {VIA_LABELS[d.via]}
      </Text>
    </Tooltip>
  ),
};

function Amount({ deal, baseCurrency }: { deal: ThemeDeal; baseCurrency: string | undefined }) {
  return (
    <Text size="sm" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} c={deal.amountBase === null ? 'dimmed' : undefined}>
      {formatMoney(deal.amountBase, baseCurrency, { rounded: true })}
    </Text>
  );
}
