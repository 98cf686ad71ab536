import type { MouseEvent, ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Anchor, Checkbox, Group, Paper, SimpleGrid, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import type { Theme, ThemeListQuery } from '@tandem/contracts';
import { formatCount, formatRelative } from '../../../app/kit/format.ts';
import { usePhone } from '../../../app/use-phone.ts';
import { competitorsText, Money, plural, Sparkline, ThemeStatusBadge } from './theme-bits.tsx';

export type ThemeSort = ThemeListQuery['sort'];

export const THEME_SORT_OPTIONS: { value: ThemeSort; label: string }[] = [
  { value: '-openPipeline', label: 'Open pipeline at stake' },
  { value: '-lostRevenue', label: 'Lost revenue' },
  { value: '-items', label: 'Most items' },
  { value: '-lastSeen', label: 'Last seen' },
  { value: 'name', label: 'Name, A–Z' },
];

interface ThemeBoardTableProps {
  themes: Theme[];
  slug: string;
  baseCurrency: string | undefined;
  sort: ThemeSort;
  onSort: (sort: ThemeSort) => void;
  /** Set for people who may merge: rows get checkboxes. */
  selection?: { selected: ReadonlySet<string>; toggle: (id: string) => void; setAll: (ids: string[]) => void };
}

export function ThemeBoardTable(props: ThemeBoardTableProps) {
  const phone = usePhone();
  return phone ? <ThemeCards {...props} /> : <ThemeRows {...props} />;
}

function ThemeRows({ themes, slug, baseCurrency, sort, onSort, selection }: ThemeBoardTableProps) {
  const navigate = useNavigate();
  const th = (key: ThemeSort, label: string, align?: 'right') => (
    <SortableTh sortKey={key} label={label} sort={sort} onSort={onSort} align={align} />
  );
  const open = (e: MouseEvent, id: string) => {
    if ((e.target as HTMLElement).closest('a, button, input, label')) return;
    void navigate(`/w/${slug}/feedback/themes/${id}`);
  };
  const allSelected = !!selection && themes.length > 0 && themes.every((t) => selection.selected.has(t.id));
  const someSelected = !!selection && themes.some((t) => selection.selected.has(t.id));
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" horizontalSpacing="xs" highlightOnHover aria-label="Themes">
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th w={36}>
                <Checkbox
                  aria-label={allSelected ? 'Select no themes' : 'Select every theme shown'}
                  checked={allSelected}
                  indeterminate={someSelected && !allSelected}
                  onChange={() => selection.setAll(allSelected ? [] : themes.map((t) => t.id))}
                />
              </Table.Th>
            )}
            {th('name', 'Theme')}
            <Table.Th>Status</Table.Th>
            {th('-items', 'Items', 'right')}
            {th('-openPipeline', 'Open pipeline at stake', 'right')}
            {th('-lostRevenue', 'Lost', 'right')}
            <Table.Th ta="right">Won</Table.Th>
            <Table.Th>Weekly trend</Table.Th>
            {th('-lastSeen', 'Last seen')}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {themes.map((t) => {
            const m = t.metrics;
            const checked = selection?.selected.has(t.id) ?? false;
            return (
              <Table.Tr
                key={t.id}
                onClick={(e) => open(e, t.id)}
                style={{ cursor: 'pointer' }}
                bg={checked ? 'var(--mantine-color-blue-0)' : undefined}
              >
                {selection && (
                  <Table.Td>
                    <Checkbox aria-label={`Select ${t.name}`} checked={checked} onChange={() => selection.toggle(t.id)} />
                  </Table.Td>
                )}
                <Table.Td miw={220} maw={320}>
                  <Anchor component={Link} to={`/w/${slug}/feedback/themes/${t.id}`} size="sm" fw={500} lineClamp={2}>
                    {t.name}
                  </Anchor>
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {t.owner ? `Owner: ${t.owner.name}` : 'No owner'}
                  </Text>
                  {m.topCompetitors.length > 0 && (
                    <Text size="xs" c="dimmed" lineClamp={1} title={competitorsText(m.topCompetitors, 10)}>
                      vs {competitorsText(m.topCompetitors)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <ThemeStatusBadge status={t.status} size="sm" />
                </Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  <Text size="sm">{formatCount(m.items)}</Text>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {plural(m.accounts, 'account')}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Money amount={m.openPipeline} currency={baseCurrency} fw={600} />
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {plural(m.openDeals, 'open deal')}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Money amount={m.lostRevenue} currency={baseCurrency} />
                </Table.Td>
                <Table.Td ta="right">
                  <Money amount={m.wonRevenue} currency={baseCurrency} />
                </Table.Td>
                <Table.Td>
                  <Sparkline trend={m.trend} width={72} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }} title={m.lastSeen ?? undefined}>
                    {m.lastSeen ? formatRelative(m.lastSeen) : '—'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
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
  sortKey: ThemeSort;
  label: string;
  sort: ThemeSort;
  onSort: (sort: ThemeSort) => void;
  align?: 'right';
}) {
  const active = sort === sortKey;
  const Icon = !active ? IconSelector : sortKey === 'name' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th aria-sort={active ? (sortKey === 'name' ? 'ascending' : 'descending') : 'none'} ta={align}>
      <UnstyledButton onClick={() => onSort(sortKey)} aria-label={`Sort by ${label.toLowerCase()}`}>
        <Group gap={4} wrap="nowrap" justify={align === 'right' ? 'flex-end' : 'flex-start'}>
          <Text size="sm" fw={700} c={active ? undefined : 'dark.4'} ta={align}>
            {label}
          </Text>
          <Icon size={14} color={active ? undefined : 'var(--mantine-color-gray-5)'} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

function ThemeCards({ themes, slug, baseCurrency, selection }: ThemeBoardTableProps) {
  return (
    <Stack gap="xs" role="list" aria-label="Themes">
      {themes.map((t) => {
        const m = t.metrics;
        const checked = selection?.selected.has(t.id) ?? false;
        return (
          <Paper key={t.id} withBorder p="sm" radius="md" role="listitem" bg={checked ? 'var(--mantine-color-blue-0)' : undefined}>
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <Group gap="xs" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
                  {selection && (
                    <Checkbox mt={2} aria-label={`Select ${t.name}`} checked={checked} onChange={() => selection.toggle(t.id)} />
                  )}
                  <Anchor component={Link} to={`/w/${slug}/feedback/themes/${t.id}`} size="sm" fw={600} lineClamp={2}>
                    {t.name}
                  </Anchor>
                </Group>
                <ThemeStatusBadge status={t.status} size="sm" />
              </Group>
              <SimpleGrid cols={3} spacing="xs">
                <CardFact label="Open pipeline">
                  <Money amount={m.openPipeline} currency={baseCurrency} fw={600} />
                </CardFact>
                <CardFact label="Lost">
                  <Money amount={m.lostRevenue} currency={baseCurrency} />
                </CardFact>
                <CardFact label="Won">
                  <Money amount={m.wonRevenue} currency={baseCurrency} />
                </CardFact>
              </SimpleGrid>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="xs" c="dimmed">
                  {plural(m.items, 'item')} · {plural(m.accounts, 'account')} · {m.lastSeen ? `seen ${formatRelative(m.lastSeen)}` : 'never seen'}
                </Text>
                <Sparkline trend={m.trend} width={64} height={20} />
              </Group>
              {m.topCompetitors.length > 0 && (
                <Text size="xs" c="dimmed" lineClamp={1}>
                  Competitors: {competitorsText(m.topCompetitors)}
                </Text>
              )}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}

function CardFact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {children}
    </Stack>
  );
}
