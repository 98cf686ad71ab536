import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Button, Card, Group, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import type { ThemeDetail } from '@tandem/contracts';
import { usePhone } from '../../../app/use-phone.ts';
import { StatusBadge } from '../../deals/components/deal-bits.tsx';
import { formatDay, formatMoney } from '../../../app/kit/format.ts';

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
  const phone = usePhone();
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
        ) : phone ? (
          <Stack gap="xs" role="list" aria-label="Linked deals">
            {deals.map((d) => (
              <Paper key={d.id} withBorder p="sm" radius="md" role="listitem">
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
              </Paper>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="xs" aria-label="Linked deals">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Deal</Table.Th>
                  <Table.Th>Stage</Table.Th>
                  <Table.Th ta="right">Amount ({baseCurrency ?? 'base'})</Table.Th>
                  <Table.Th>Close date</Table.Th>
                  <Table.Th>Linked by</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {deals.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td maw={320}>
                      <Anchor component={Link} to={`/w/${slug}/deals/${d.id}`} size="sm" fw={500} lineClamp={1}>
                        {d.name}
                      </Anchor>
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {d.account ?? 'No account'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <StatusBadge status={d.stageCategory} size="xs" />
                        <Text size="sm" lineClamp={1}>
                          {d.stage}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Amount deal={d} baseCurrency={baseCurrency} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {formatDay(d.closeDate)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label={VIA_HINTS[d.via]} withArrow multiline w={240}>
                        <Text size="sm" c="dimmed" w="fit-content">
                          {VIA_LABELS[d.via]}
                        </Text>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
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

function Amount({ deal, baseCurrency }: { deal: ThemeDeal; baseCurrency: string | undefined }) {
  return (
    <Text size="sm" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} c={deal.amountBase === null ? 'dimmed' : undefined}>
      {formatMoney(deal.amountBase, baseCurrency, { rounded: true })}
    </Text>
  );
}
