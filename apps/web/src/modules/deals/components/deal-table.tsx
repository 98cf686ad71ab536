import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { Deal, StageCategory } from '@tandem/contracts';
import { DataTable, formatDay, type DataTableColumn } from '../../../app/kit/index.ts';
import type { DealSort } from '../hooks/deals.keys.ts';
import { OwnerName, StatusBadge } from './deal-bits.tsx';

/** What every deal table shows of a deal: the deal list's rows, an account's deals, a theme's. */
export interface DealTableRow {
  id: string;
  name: string;
  stage: string;
  stageCategory: StageCategory;
  closeDate: string | null;
  /** Shown under an open deal's stage, where the row has it. */
  probability?: number | null;
}

export interface DealTableProps<T extends DealTableRow> {
  'aria-label': string;
  rows: readonly T[];
  slug: string;
  /** The line under the deal's name, in the table and on the phone's card (its account); none where all share one. */
  subtitle?: (deal: T) => ReactNode;
  amount: (deal: T) => ReactNode;
  amountHeader?: string;
  /** Columns after the close date (owner, last update, how the deal is linked). */
  moreColumns?: DataTableColumn<T>[];
  /** The columns' keys in the order a page shows them, where it differs from the above. */
  columnOrder?: string[];
  /** The bottom right of the phone's card, across from the close date (the owner, how the deal is linked). */
  cardAside?: (deal: T) => ReactNode;
  /** Sortable headers (deal, amount, close date) when given. */
  sort?: DealSort;
  onSort?: (sort: DealSort) => void;
  /** `state` for the links to a deal: where its page's "Deals" link returns to. */
  linkState?: unknown;
  minWidth?: number;
}

/**
 * The one deal table: deal (and its account), stage, amount and close date, then the columns a page adds; a click on a
 * row opens the deal, and a phone gets cards. The deal list, an account's page and a theme's page use it.
 */
export function DealTable<T extends DealTableRow>({
  rows,
  slug,
  subtitle,
  amount,
  amountHeader = 'Amount',
  moreColumns = [],
  columnOrder,
  cardAside,
  sort,
  onSort,
  linkState,
  minWidth,
  'aria-label': label,
}: DealTableProps<T>) {
  const dealPath = (d: T) => `/w/${slug}/deals/${d.id}`;
  // Descending first where bigger or later is what people look for.
  const all: DataTableColumn<T>[] = [
    {
      key: 'name',
      header: 'Deal',
      sort: 'name',
      cellProps: { maw: 340 },
      cell: (d) => (
        <>
          <Anchor component={Link} to={dealPath(d)} state={linkState} size="sm" fw={500} lineClamp={1}>
            {d.name}
          </Anchor>
          {subtitle && (
            <Text size="xs" c="dimmed" lineClamp={1}>
              {subtitle(d)}
            </Text>
          )}
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
          {d.stageCategory === 'open' && d.probability != null && (
            <Text size="xs" c="dimmed">
              {d.probability}% probability
            </Text>
          )}
        </>
      ),
    },
    { key: 'amount', header: amountHeader, align: 'right', sort: { key: 'amount', first: 'desc' }, cell: amount },
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
    ...moreColumns,
  ];
  const columns = columnOrder ? columnOrder.flatMap((key) => all.filter((c) => c.key === key)) : all;

  return (
    <DataTable
      aria-label={label}
      rows={rows}
      rowKey={(d) => d.id}
      columns={columns}
      minWidth={minWidth}
      sort={sort}
      onSort={onSort}
      rowHref={dealPath}
      rowLinkState={linkState}
      renderCard={(d) => (
        <Stack gap={4}>
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Anchor component={Link} to={dealPath(d)} state={linkState} size="sm" fw={600} lineClamp={2}>
                {d.name}
              </Anchor>
              {subtitle && (
                <Text size="xs" c="dimmed" truncate>
                  {subtitle(d)}
                </Text>
              )}
            </Stack>
            {amount(d)}
          </Group>
          <Group gap={6} wrap="wrap">
            <StatusBadge status={d.stageCategory} size="xs" />
            <Text size="xs">{d.stage}</Text>
          </Group>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text size="xs" c="dimmed">
              {d.stageCategory === 'open' ? 'Closes' : 'Closed'}{' '}
              <Text span size="xs" c="dark">
                {formatDay(d.closeDate)}
              </Text>
            </Text>
            {cardAside?.(d)}
          </Group>
        </Stack>
      )}
    />
  );
}

/** The owner column of the deal list and an account's deals. */
export const ownerColumn: DataTableColumn<{ owner: Deal['owner'] }> = { key: 'owner', header: 'Owner', cell: (d) => <OwnerName owner={d.owner} /> };
