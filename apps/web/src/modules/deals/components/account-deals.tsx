import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { Deal } from '@tandem/contracts';
import { DataTable, formatCount, formatDay, InfiniteQueryView, TableSkeleton, type DataTableColumn } from '../../../app/kit/index.ts';
import type { DealSort } from '../hooks/deals.keys.ts';
import { useDealPages } from '../hooks/use-deals.ts';
import { DealAmount, OwnerName, StatusBadge } from './deal-bits.tsx';

/** The deals of one account on its page: stage, amount, owner and close date, latest close first. */
export function AccountDeals({ slug, accountId, baseCurrency }: { slug: string; accountId: string; baseCurrency: string | undefined }) {
  const [sort, setSort] = useState<DealSort>('-closeDate');
  const deals = useDealPages(slug, { accountId }, sort);
  const dealPath = (d: Deal) => `/w/${slug}/deals/${d.id}`;
  const columns: DataTableColumn<Deal>[] = [
    {
      key: 'name',
      header: 'Deal',
      sort: 'name',
      cell: (d) => (
        <Anchor component={Link} to={dealPath(d)} size="sm" fw={500}>
          {d.name}
        </Anchor>
      ),
    },
    {
      key: 'stage',
      header: 'Stage',
      cell: (d) => (
        <Group gap={6} wrap="wrap">
          <StatusBadge status={d.stageCategory} size="xs" />
          <Text size="sm">{d.stage}</Text>
        </Group>
      ),
    },
    { key: 'amount', header: 'Amount', align: 'right', sort: { key: 'amount', first: 'desc' }, cell: (d) => <DealAmount deal={d} baseCurrency={baseCurrency} /> },
    { key: 'owner', header: 'Owner', cell: (d) => <OwnerName owner={d.owner} /> },
    {
      key: 'closeDate',
      header: 'Close date',
      sort: { key: 'closeDate', first: 'desc' },
      cell: (d) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatDay(d.closeDate)}
        </Text>
      ),
    },
  ];

  return (
    <Card withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="account-deals-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="account-deals-title">
          Deals
        </Title>
        <InfiniteQueryView
          query={deals}
          items={(p) => p.items}
          skeleton={<TableSkeleton rows={4} />}
          empty={{
            content: (
              <Text size="sm" c="dimmed">
                No deals are linked to this account yet.
              </Text>
            ),
          }}
        >
          {(rows, data) => {
            const total = data.pages[0]?.total ?? rows.length;
            return (
              <>
                <Text size="sm" c="dimmed">
                  {rows.length < total ? `Showing ${formatCount(rows.length)} of ${formatCount(total)} deals` : `${formatCount(total)} ${total === 1 ? 'deal' : 'deals'}`}
                </Text>
                <DataTable
                  aria-label="Deals of this account"
                  rows={rows}
                  rowKey={(d) => d.id}
                  columns={columns}
                  sort={sort}
                  onSort={setSort}
                  rowHref={dealPath}
                  minWidth={640}
                  renderCard={(d) => <AccountDealCard deal={d} href={dealPath(d)} baseCurrency={baseCurrency} />}
                />
              </>
            );
          }}
        </InfiniteQueryView>
      </Stack>
    </Card>
  );
}

function AccountDealCard({ deal: d, href, baseCurrency }: { deal: Deal; href: string; baseCurrency: string | undefined }) {
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Anchor component={Link} to={href} size="sm" fw={600} style={{ minWidth: 0 }}>
          {d.name}
        </Anchor>
        <DealAmount deal={d} baseCurrency={baseCurrency} />
      </Group>
      <Group gap={6} wrap="wrap">
        <StatusBadge status={d.stageCategory} size="xs" />
        <Text size="xs">{d.stage}</Text>
      </Group>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="xs" c="dimmed">
          {d.stageCategory === 'open' ? 'Closes' : 'Closed'} {formatDay(d.closeDate)}
        </Text>
        <OwnerName owner={d.owner} size="xs" />
      </Group>
    </Stack>
  );
}
