import { useState } from 'react';
import { MultiSelect, Stack, Text, type MantineSize } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Deal } from '@tandem/contracts';
import { useRequiredSession } from '../../../../app/session.tsx';
import { useDeal } from '../../../deals/index.ts';
import { useDealSearch, useMyDeals } from '../../hooks/use-request-options.ts';

type DealOption = Pick<Deal, 'id' | 'name' | 'account' | 'stageCategory'>;
const STAGE_WORDS = { open: 'Open', won: 'Won', lost: 'Lost' } as const;

interface DealsPickerProps {
  slug: string;
  value: string[];
  onChange: (ids: string[]) => void;
  /** A deal linked before the form opened (from its page): its name is fetched when not at hand. */
  linkedId?: string;
  label?: string;
  description?: string;
  error?: string;
  size?: MantineSize;
}

/** Several deals, searched by deal or account name: your own recent deals first, then what the server finds. */
export function DealsPicker({ slug, value, onChange, linkedId, label = 'Deals this is for', description, error, size = 'sm' }: DealsPickerProps) {
  const user = useRequiredSession().user;
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search, 250);
  const mine = useMyDeals(slug, user.id, true);
  const found = useDealSearch(slug, typed);
  const linked = useDeal(slug, linkedId).data;
  // Names of deals chosen earlier stay known while the search moves on.
  const [known, setKnown] = useState<Map<string, DealOption>>(() => new Map());
  const byId = new Map<string, DealOption>(known);
  for (const d of [...(mine.data?.items ?? []), ...(found.data?.items ?? [])]) byId.set(d.id, d);
  if (linked) byId.set(linked.id, linked);
  const label_ = (d: DealOption) => (d.account ? `${d.name} · ${d.account.name}` : d.name);
  const data = [...byId.values()].map((d) => ({ value: d.id, label: label_(d) }));
  for (const id of value) if (!byId.has(id)) data.unshift({ value: id, label: 'Linked deal' });

  return (
    <MultiSelect
      label={label}
      description={description ?? 'Optional. Their pipeline counts toward the request’s priority.'}
      placeholder={value.length ? undefined : mine.isPending ? 'Loading your deals…' : 'Type a deal or account name'}
      data={data}
      value={value}
      onChange={(ids) => {
        setKnown((prev) => {
          const next = new Map(prev);
          for (const id of ids) {
            const d = byId.get(id);
            if (d) next.set(id, d);
          }
          return next;
        });
        onChange(ids);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      clearable
      limit={50}
      maxDropdownHeight={300}
      nothingFoundMessage={typed.trim().length < 2 ? 'Type two letters or more to search every deal' : found.isFetching ? 'Searching…' : 'No deal matches'}
      renderOption={({ option }) => {
        const d = byId.get(option.value);
        return (
          <Stack gap={0}>
            <Text size="sm">{d?.name ?? option.label}</Text>
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
