import type { MouseEvent, ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { Anchor, Group, Paper, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import type { Deal, DealSortKey } from '@tandem/contracts';
import { formatDay, formatRelative } from '../../../app/kit/format.ts';
import { usePhone } from '../../../app/use-phone.ts';
import type { DealSort } from '../api/deals.api.ts';
import { DealAmount, OwnerName, StatusBadge } from './deal-bits.tsx';

interface DealsTableProps {
  deals: Deal[];
  slug: string;
  baseCurrency: string | undefined;
  sort: DealSort;
  onSort: (sort: DealSort) => void;
}

/** Descending first where bigger or later is what people look for. */
const FIRST_DIRECTION: Record<DealSortKey, '' | '-'> = { closeDate: '-', amount: '-', name: '', updatedAt: '-' };

export function DealsTable(props: DealsTableProps) {
  const phone = usePhone();
  return phone ? <DealCards {...props} /> : <DealRows {...props} />;
}

/** The deal page's "Deals" link returns to the list as it was filtered. */
export interface DealsListState {
  dealsSearch?: string;
}

function DealRows({ deals, slug, baseCurrency, sort, onSort }: DealsTableProps) {
  const navigate = useNavigate();
  const state: DealsListState = { dealsSearch: useLocation().search };
  const th = (key: DealSortKey, label: string, align?: 'right') => (
    <SortableTh sortKey={key} label={label} sort={sort} onSort={onSort} align={align} />
  );
  // The whole row opens the deal; links inside it keep their own target.
  const open = (e: MouseEvent, id: string) => {
    if ((e.target as HTMLElement).closest('a, button')) return;
    void navigate(`/w/${slug}/deals/${id}`, { state });
  };
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" highlightOnHover aria-label="Deals">
        <Table.Thead>
          <Table.Tr>
            {th('name', 'Deal')}
            <Table.Th>Stage</Table.Th>
            {th('amount', 'Amount', 'right')}
            {th('closeDate', 'Close date')}
            <Table.Th>Owner</Table.Th>
            {th('updatedAt', 'Updated')}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deals.map((d) => (
            <Table.Tr key={d.id} onClick={(e) => open(e, d.id)} style={{ cursor: 'pointer' }}>
              <Table.Td maw={340}>
                <Anchor component={Link} to={`/w/${slug}/deals/${d.id}`} state={state} size="sm" fw={500} lineClamp={1}>
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
              </Table.Td>
              <Table.Td>
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
              </Table.Td>
              <Table.Td>
                <DealAmount deal={d} baseCurrency={baseCurrency} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatDay(d.closeDate)}
                </Text>
              </Table.Td>
              <Table.Td>
                <OwnerName owner={d.owner} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }} title={d.updatedAt}>
                  {formatRelative(d.updatedAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function SortableTh({
  sortKey,
  label,
  sort,
  onSort,
  align,
}: {
  sortKey: DealSortKey;
  label: string;
  sort: DealSort;
  onSort: (sort: DealSort) => void;
  align?: 'right';
}) {
  const active = sort.replace(/^-/, '') === sortKey;
  const desc = sort.startsWith('-');
  const next: DealSort = active ? (desc ? sortKey : `-${sortKey}`) : (`${FIRST_DIRECTION[sortKey]}${sortKey}` as DealSort);
  const Icon = !active ? IconSelector : desc ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th aria-sort={active ? (desc ? 'descending' : 'ascending') : 'none'} ta={align}>
      <UnstyledButton onClick={() => onSort(next)} aria-label={`Sort by ${label.toLowerCase()}`}>
        <Group gap={4} wrap="nowrap" justify={align === 'right' ? 'flex-end' : 'flex-start'}>
          <Text size="sm" fw={700} c={active ? undefined : 'dark.4'}>
            {label}
          </Text>
          <Icon size={14} color={active ? undefined : 'var(--mantine-color-gray-5)'} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

function DealCards({ deals, slug, baseCurrency }: DealsTableProps) {
  const state: DealsListState = { dealsSearch: useLocation().search };
  return (
    <Stack gap="xs" role="list" aria-label="Deals">
      {deals.map((d) => (
        <Paper key={d.id} withBorder p="sm" radius="md" role="listitem">
          <Stack gap={4}>
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/w/${slug}/deals/${d.id}`} state={state} size="sm" fw={600} lineClamp={2}>
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
        </Paper>
      ))}
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
