import { Link, useLocation } from 'react-router-dom';
import { Anchor, Text } from '@mantine/core';
import type { Deal } from '@tandem/contracts';
import { formatRelative, type DataTableColumn } from '../../../app/kit/index.ts';
import type { DealSort } from '../hooks/deals.keys.ts';
import { DealAmount, OwnerName } from './deal-bits.tsx';
import { DealTable, ownerColumn } from './deal-table.tsx';

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
  return (
    <DealTable
      aria-label="Deals"
      rows={deals}
      slug={slug}
      subtitle={(d) =>
        d.account ? (
          <>
            <Anchor component={Link} to={`/w/${slug}/accounts/${d.account.id}`} c="dimmed" size="xs">
              {d.account.name}
            </Anchor>
            {d.account.segment && ` · ${d.account.segment}`}
          </>
        ) : (
          'No account'
        )
      }
      amount={(d) => <DealAmount deal={d} baseCurrency={baseCurrency} />}
      moreColumns={[ownerColumn, updatedColumn]}
      cardAside={(d) => <OwnerName owner={d.owner} size="xs" />}
      sort={sort}
      onSort={onSort}
      linkState={state}
      minWidth={900}
    />
  );
}

const updatedColumn: DataTableColumn<Deal> = {
  key: 'updatedAt',
  header: 'Updated',
  sort: { key: 'updatedAt', first: 'desc' },
  cell: (d) => (
    <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }} title={d.updatedAt}>
      {formatRelative(d.updatedAt)}
    </Text>
  ),
};

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
