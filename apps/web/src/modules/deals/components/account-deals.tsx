import { useState } from 'react';
import { Card, Stack, Text, Title } from '@mantine/core';
import { formatCount, InfiniteQueryView, TableSkeleton } from '../../../app/kit/index.ts';
import type { DealSort } from '../hooks/deals.keys.ts';
import { useDealPages } from '../hooks/use-deals.ts';
import { DealAmount, OwnerName } from './deal-bits.tsx';
import { DealTable, ownerColumn } from './deal-table.tsx';

/** The deals of one account on its page: stage, amount, owner and close date, latest close first. */
export function AccountDeals({ slug, accountId, baseCurrency }: { slug: string; accountId: string; baseCurrency: string | undefined }) {
  const [sort, setSort] = useState<DealSort>('-closeDate');
  const deals = useDealPages(slug, { accountId }, sort);
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
                <DealTable
                  aria-label="Deals of this account"
                  rows={rows}
                  slug={slug}
                  amount={(d) => <DealAmount deal={d} baseCurrency={baseCurrency} />}
                  moreColumns={[ownerColumn]}
                  columnOrder={['name', 'stage', 'amount', 'owner', 'closeDate']}
                  cardAside={(d) => <OwnerName owner={d.owner} size="xs" />}
                  sort={sort}
                  onSort={setSort}
                  minWidth={640}
                />
              </>
            );
          }}
        </InfiniteQueryView>
      </Stack>
    </Card>
  );
}
