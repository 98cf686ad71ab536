import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Checkbox, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Theme, ThemeListQuery } from '@tandem/contracts';
import { DataTable, formatCount, formatRelative, type DataTableColumn } from '../../../../app/kit/index.ts';
import { competitorsText, Money, plural, Sparkline, ThemeStatusBadge } from '../shared/theme-bits.tsx';

export type ThemeSort = ThemeListQuery['sort'];

export const THEME_SORT_OPTIONS: { value: ThemeSort; label: string }[] = [
  { value: '-openPipeline', label: 'Open pipeline at stake' },
  { value: '-lostRevenue', label: 'Lost revenue' },
  { value: '-items', label: 'Most items' },
  { value: '-lastSeen', label: 'Last seen' },
  { value: 'name', label: 'Name, A–Z' },
];

type Selection = { selected: ReadonlySet<string>; toggle: (id: string) => void; setAll: (ids: string[]) => void };

interface ThemeBoardTableProps {
  themes: Theme[];
  slug: string;
  baseCurrency: string | undefined;
  sort: ThemeSort;
  onSort: (sort: ThemeSort) => void;
  /** Set for people who may merge: rows get checkboxes. */
  selection?: Selection;
}

// The API sorts each of these one way only: a second click keeps it.
const byItems = { key: 'items', first: 'desc', fixed: true } as const;
const byOpenPipeline = { key: 'openPipeline', first: 'desc', fixed: true } as const;
const byLostRevenue = { key: 'lostRevenue', first: 'desc', fixed: true } as const;
const byLastSeen = { key: 'lastSeen', first: 'desc', fixed: true } as const;
const byName = { key: 'name', fixed: true } as const;

const numbers = { style: { fontVariantNumeric: 'tabular-nums' } } as const;
const selectedBg = (checked: boolean) => (checked ? 'var(--mantine-color-blue-0)' : undefined);

function columns(themes: Theme[], slug: string, baseCurrency: string | undefined, selection: Selection | undefined): DataTableColumn<Theme>[] {
  const allSelected = !!selection && themes.length > 0 && themes.every((t) => selection.selected.has(t.id));
  const someSelected = !!selection && themes.some((t) => selection.selected.has(t.id));
  const select: DataTableColumn<Theme>[] = selection
    ? [
        {
          key: 'select',
          label: 'Select',
          header: (
            <Checkbox
              aria-label={allSelected ? 'Select no themes' : 'Select every theme shown'}
              checked={allSelected}
              indeterminate={someSelected && !allSelected}
              onChange={() => selection.setAll(allSelected ? [] : themes.map((t) => t.id))}
            />
          ),
          headerProps: { w: 36 },
          hiddenOnPhone: true,
          cell: (t) => <Checkbox aria-label={`Select ${t.name}`} checked={selection.selected.has(t.id)} onChange={() => selection.toggle(t.id)} />,
        },
      ]
    : [];
  return [
    ...select,
    {
      key: 'name',
      header: 'Theme',
      sort: byName,
      cellProps: { miw: 220, maw: 320 },
      cell: (t) => (
        <>
          <Anchor component={Link} to={`/w/${slug}/feedback/themes/${t.id}`} size="sm" fw={500} lineClamp={2}>
            {t.name}
          </Anchor>
          <Text size="xs" c="dimmed" lineClamp={1}>
            {t.owner ? `Owner: ${t.owner.name}` : 'No owner'}
          </Text>
          {t.metrics.topCompetitors.length > 0 && (
            <Text size="xs" c="dimmed" lineClamp={1} title={competitorsText(t.metrics.topCompetitors, 10)}>
              vs {competitorsText(t.metrics.topCompetitors)}
            </Text>
          )}
        </>
      ),
    },
    { key: 'status', header: 'Status', cell: (t) => <ThemeStatusBadge status={t.status} size="sm" /> },
    {
      key: 'items',
      header: 'Items',
      align: 'right',
      sort: byItems,
      cellProps: numbers,
      cell: (t) => (
        <>
          <Text size="sm">{formatCount(t.metrics.items)}</Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {plural(t.metrics.accounts, 'account')}
          </Text>
        </>
      ),
    },
    {
      key: 'openPipeline',
      header: 'Open pipeline at stake',
      align: 'right',
      sort: byOpenPipeline,
      cell: (t) => (
        <>
          <Money amount={t.metrics.openPipeline} currency={baseCurrency} fw={600} />
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {plural(t.metrics.openDeals, 'open deal')}
          </Text>
        </>
      ),
    },
    { key: 'lostRevenue', header: 'Lost', align: 'right', sort: byLostRevenue, cell: (t) => <Money amount={t.metrics.lostRevenue} currency={baseCurrency} /> },
    { key: 'wonRevenue', header: 'Won', align: 'right', cell: (t) => <Money amount={t.metrics.wonRevenue} currency={baseCurrency} /> },
    { key: 'trend', header: 'Weekly trend', cell: (t) => <Sparkline trend={t.metrics.trend} width={72} /> },
    {
      key: 'lastSeen',
      header: 'Last seen',
      sort: byLastSeen,
      cell: (t) => (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }} title={t.metrics.lastSeen ?? undefined}>
          {t.metrics.lastSeen ? formatRelative(t.metrics.lastSeen) : '—'}
        </Text>
      ),
    },
  ];
}

/** The theme board: sortable columns on a desktop, a card per theme on a phone; a click on a row opens the theme. */
export function ThemeBoardTable({ themes, slug, baseCurrency, sort, onSort, selection }: ThemeBoardTableProps) {
  const isSelected = (t: Theme) => selection?.selected.has(t.id) ?? false;
  return (
    <DataTable
      aria-label="Themes"
      rows={themes}
      rowKey={(t) => t.id}
      columns={columns(themes, slug, baseCurrency, selection)}
      minWidth={900}
      horizontalSpacing="xs"
      sort={sort}
      onSort={onSort}
      rowHref={(t) => `/w/${slug}/feedback/themes/${t.id}`}
      rowProps={(t) => ({ bg: selectedBg(isSelected(t)) })}
      cardProps={(t) => ({ bg: selectedBg(isSelected(t)) })}
      renderCard={(t) => <ThemeCard theme={t} slug={slug} baseCurrency={baseCurrency} selection={selection} />}
    />
  );
}

function ThemeCard({ theme: t, slug, baseCurrency, selection }: { theme: Theme; slug: string; baseCurrency: string | undefined; selection?: Selection }) {
  const m = t.metrics;
  return (
    <Stack gap={6}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Group gap="xs" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
          {selection && (
            <Checkbox mt={2} aria-label={`Select ${t.name}`} checked={selection.selected.has(t.id)} onChange={() => selection.toggle(t.id)} />
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
