import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { Deal } from '@tandem/contracts';
import { DataTable, formatDay, formatRelative, type DataTableColumn } from '../../../app/kit/index.ts';
import type { DealSort } from '../hooks/deals.keys.ts';
import { DealAmount, OwnerName, StatusBadge } from './deal-bits.tsx';

interface DealsTableProps {
  deals: Deal[];
  slug: string;
  baseCurrency: string | undefined;
  sort: DealSort;
  onSort: (sort: DealSort) => void;
}

/** The deal page's "Deals" link returns to the list as it was filtered. */
export interface DealsListState {
  dealsSearch?: string;
}

/** The deal list: sortable columns on a desktop, cards on a phone; a click on a row opens the deal. */
export function DealsTable({ deals, slug, baseCurrency, sort, onSort }: DealsTableProps) {
  const state: DealsListState = { dealsSearch: useLocation().search };
  const dealPath = (d: Deal) => `/w/${slug}/deals/${d.id}`;
  // Descending first where bigger or later is what people look for.
  const columns: DataTableColumn<Deal>[] = [
    {
      key: 'name',
      header: 'Deal',
      sort: 'name',
      cellProps: { maw: 340 },
      cell: (d) => (
        <>
          <Anchor component={Link} to={dealPath(d)} state={state} size="sm" fw={500} lineClamp={1}>
            {d.name}
          </Anchor>
          <Text size="xs" c="dimmed" lineClamp={1}>
            {d.account ? (
              <>
                <Anchor component={Link} to={`/w/${slug}/accounts/${d.account.id}`} c="dimmed" size="xs">
                  {d.account.name}
                </Anchor>
                {d.account.segment && ` · ${d.account.segment}`}
              </>
            ) : (
              'No account'
            )}
          </Text>
        </>
      ),
    },
    {
      key: 'stage',
      header: 'Stage',
      cell: (d) => (
        <>
          <Group gap={6} wrap="nowrap">
            <StatusBadge status={d.stageCategory} size="xs" />
            <Text size="sm" lineClamp={1}>
              {d.stage}
            </Text>
          </Group>
          {d.stageCategory === 'open' && d.probability !== null && (
            <Text size="xs" c="dimmed">
              {d.probability}% probability
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'amount',
      header: 'Amount',
      align: 'right',
      sort: { key: 'amount', first: 'desc' },
      cell: (d) => <DealAmount deal={d} baseCurrency={baseCurrency} />,
    },
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
    { key: 'owner', header: 'Owner', cell: (d) => <OwnerName owner={d.owner} /> },
    {
      key: 'updatedAt',
      header: 'Updated',
      sort: { key: 'updatedAt', first: 'desc' },
      cell: (d) => (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }} title={d.updatedAt}>
          {formatRelative(d.updatedAt)}
        </Text>
      ),
    },
  ];

  return (
    <DataTable
      aria-label="Deals"
      rows={deals}
      rowKey={(d) => d.id}
      columns={columns}
      minWidth={900}
      sort={sort}
      onSort={onSort}
      rowHref={dealPath}
      rowLinkState={state}
      renderCard={(d) => <DealCard deal={d} href={dealPath(d)} state={state} baseCurrency={baseCurrency} />}
    />
  );
}

function DealCard({ deal: d, href, state, baseCurrency }: { deal: Deal; href: string; state: DealsListState; baseCurrency: string | undefined }) {
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Anchor component={Link} to={href} state={state} size="sm" fw={600} lineClamp={2}>
            {d.name}
          </Anchor>
          <Text size="xs" c="dimmed" truncate>
            {d.account ? d.account.name : 'No account'}
            {d.account?.segment && ` · ${d.account.segment}`}
          </Text>
        </Stack>
        <DealAmount deal={d} baseCurrency={baseCurrency} />
      </Group>
      <Group gap={6} wrap="wrap">
        <StatusBadge status={d.stageCategory} size="xs" />
        <Text size="xs">{d.stage}</Text>
      </Group>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Meta label={d.stageCategory === 'open' ? 'Closes' : 'Closed'}>{formatDay(d.closeDate)}</Meta>
        <OwnerName owner={d.owner} size="xs" />
      </Group>
    </Stack>
  );
}

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text size="xs" c="dimmed">
      {label} <Text span size="xs" c="dark">{children}</Text>
    </Text>
  );
}

/** The phone's sort control (the cards have no headers to click). */
export const SORT_OPTIONS: { value: DealSort; label: string }[] = [
  { value: '-closeDate', label: 'Close date, latest first' },
  { value: 'closeDate', label: 'Close date, earliest first' },
  { value: '-amount', label: 'Amount, largest first' },
  { value: 'amount', label: 'Amount, smallest first' },
  { value: 'name', label: 'Name, A–Z' },
  { value: '-name', label: 'Name, Z–A' },
  { value: '-updatedAt', label: 'Recently updated' },
  { value: 'updatedAt', label: 'Least recently updated' },
];
