import { useState } from 'react';
import { Group, Select, Stack, Text, type ComboboxItem, type ComboboxParsedItem, type MantineSize, type OptionsFilter } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Deal } from '@tandem/contracts';
import { useAccount, useDeal } from '../../../deals/index.ts';
import { useAccountSearch, useDealSearch } from '../../hooks/use-record-options.ts';

type DealOption = Pick<Deal, 'id' | 'name' | 'account' | 'stageCategory' | 'competitors'>;

const STAGE_WORDS = { open: 'Open', won: 'Won', lost: 'Lost' } as const;

interface DealPickerProps {
  slug: string;
  value: string | null;
  /** Only this account's deals are offered (the linked one stays). */
  accountId: string | null;
  mine: DealOption[];
  others: DealOption[];
  loading: boolean;
  onChange: (deal: DealOption | null) => void;
  error?: string;
  size: MantineSize;
}

/** Matches what was typed against the deal's name and its account's name. */
function dealFilter(byId: Map<string, DealOption>): OptionsFilter {
  return ({ options, search }) => {
    const words = search.toLowerCase().split(/\s+/).filter(Boolean);
    const hit = (o: ComboboxItem) => {
      const d = byId.get(o.value);
      const hay = `${o.label} ${d?.account?.name ?? ''}`.toLowerCase();
      return words.every((w) => hay.includes(w));
    };
    const out: ComboboxParsedItem[] = [];
    for (const o of options) {
      if ('group' in o) {
        const items = o.items.filter(hit);
        if (items.length) out.push({ group: o.group, items });
      } else if (hit(o)) out.push(o);
    }
    return out;
  };
}

export function DealPicker({ slug, value, accountId, mine, others, loading, onChange, error, size }: DealPickerProps) {
  // A deal linked before the form opened may be older than the recent ones offered.
  const linked = useDeal(slug, value ?? undefined).data;
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search, 250);
  // What the server finds beyond the deals at hand (a deal the rep neither owns nor saw updated lately).
  const found = useDealSearch(slug, typed === linked?.name ? '' : typed, accountId).data?.items ?? [];
  const byId = new Map<string, DealOption>();
  for (const d of [...mine, ...others]) byId.set(d.id, d);
  const more = found.filter((d) => !byId.has(d.id));
  for (const d of more) byId.set(d.id, d);
  if (linked && !byId.has(linked.id)) byId.set(linked.id, linked);
  const fits = (d: DealOption) => !accountId || d.account?.id === accountId || d.id === value;
  const option = (d: DealOption) => ({ value: d.id, label: d.name });
  const data = [
    ...(linked && ![...mine, ...others, ...more].some((d) => d.id === linked.id) ? [{ group: 'Linked', items: [option(linked)] }] : []),
    { group: 'Your deals', items: mine.filter(fits).map(option) },
    { group: 'Recently updated', items: others.filter(fits).map(option) },
    { group: accountId ? "This account's other deals" : 'Other deals', items: more.filter(fits).map(option) },
  ].filter((g) => g.items.length > 0);

  return (
    <Select
      label="Deal"
      placeholder={loading ? 'Loading deals…' : 'Type a deal or account name'}
      data={data}
      value={value}
      onChange={(id) => onChange(id ? (byId.get(id) ?? null) : null)}
      searchable
      onSearchChange={setSearch}
      clearable
      filter={dealFilter(byId)}
      limit={60}
      maxDropdownHeight={320}
      nothingFoundMessage={
        accountId ? 'No deal with this account matches' : 'No deal matches'
      }
      renderOption={({ option: o }) => {
        const d = byId.get(o.value);
        return (
          <Stack gap={0}>
            <Text size="sm">{o.label}</Text>
            {d && (
              <Text size="xs" c="dimmed">
                {[d.account?.name, STAGE_WORDS[d.stageCategory]].filter(Boolean).join(' · ')}
              </Text>
            )}
          </Stack>
        );
      }}
      error={error}
      size={size}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

interface AccountPickerProps {
  slug: string;
  value: string | null;
  /** The name when the form already knows it (from the linked deal). */
  knownName?: string;
  onChange: (account: { id: string; name: string } | null) => void;
  error?: string;
  size: MantineSize;
}

/** Searches accounts by name or domain as the rep types. */
export function AccountPicker({ slug, value, knownName, onChange, error, size }: AccountPickerProps) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const [focused, setFocused] = useState(false);
  const results = useAccountSearch(slug, q, focused);
  const current = useAccount(slug, value && !knownName ? value : undefined).data;
  const items = results.data?.items ?? [];
  const data: ComboboxItem[] = items.map((a) => ({ value: a.id, label: a.name }));
  const segments = new Map(items.map((a) => [a.id, a.segment]));
  const name = knownName ?? current?.name;
  if (value && !data.some((o) => o.value === value)) data.unshift({ value, label: name ?? 'Linked account' });

  return (
    <Select
      label="Account"
      placeholder="Type an account name"
      data={data}
      value={value}
      onChange={(id, o) => onChange(id ? { id, name: o?.label ?? '' } : null)}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      onFocus={() => setFocused(true)}
      // The API has filtered already; the current choice stays listed.
      filter={({ options }) => options}
      nothingFoundMessage={results.isFetching ? 'Searching…' : 'No account matches'}
      renderOption={({ option: o }) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm">{o.label}</Text>
          {segments.get(o.value) && (
            <Text size="xs" c="dimmed">
              {segments.get(o.value)}
            </Text>
          )}
        </Group>
      )}
      error={error}
      size={size}
    />
  );
}
