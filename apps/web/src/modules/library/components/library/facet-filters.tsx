import { useState } from 'react';
import { Anchor, Checkbox, Group, Stack, Switch, Text } from '@mantine/core';
import { ASSET_STATUS_LABELS, ASSET_STATUSES, ASSET_TYPE_LABELS, TAG_FACET_LABELS, type AssetSearchFacets, type AssetType, type FacetValue } from '@tandem/contracts';
import { formatCount } from '../../../../app/kit/index.ts';
import type { AssetSearchParams } from '../../hooks/use-search.ts';
import { toggleValue, type ListParam } from './search-params.ts';

/** The facets in the order a rep narrows down: what kind, against whom, when in the deal, then the rest. */
const GROUPS: { key: Exclude<ListParam, 'status'>; label: string }[] = [
  { key: 'type', label: 'Type' },
  { key: 'competitors', label: TAG_FACET_LABELS.competitors },
  { key: 'stages', label: TAG_FACET_LABELS.stages },
  { key: 'products', label: TAG_FACET_LABELS.products },
  { key: 'segments', label: TAG_FACET_LABELS.segments },
  { key: 'personas', label: TAG_FACET_LABELS.personas },
  { key: 'regions', label: TAG_FACET_LABELS.regions },
];
const SHOWN = 6;

interface FacetFiltersProps {
  params: AssetSearchParams;
  facets: AssetSearchFacets | null | undefined;
  canWrite: boolean;
  onChange: (next: AssetSearchParams) => void;
}

/** Facet filters with how many results each value would give, counted under the other filters. */
export function FacetFilters({ params, facets, canWrite, onChange }: FacetFiltersProps) {
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Switch label="Review overdue only" checked={!!params.overdue} onChange={(e) => onChange({ ...params, overdue: e.currentTarget.checked || undefined })} />
        {canWrite && <Switch label="Mine only" checked={params.owner === 'me'} onChange={(e) => onChange({ ...params, owner: e.currentTarget.checked ? 'me' : undefined })} />}
      </Stack>
      {canWrite && (
        <FacetGroup
          label="Status"
          values={ASSET_STATUSES.map((s) => ({ value: s, label: ASSET_STATUS_LABELS[s], count: -1 }))}
          selected={params.status ?? []}
          onToggle={(v) => onChange(toggleValue(params, 'status', v))}
          hint="Draft and published unless you choose"
        />
      )}
      {GROUPS.map((g) => {
        const values = (facets?.[g.key === 'type' ? 'type' : g.key] ?? []).map((v) =>
          g.key === 'type' ? { ...v, label: ASSET_TYPE_LABELS[v.value as AssetType] ?? v.label } : v,
        );
        const selected = (params[g.key] ?? []) as string[];
        if (!values.length && !selected.length) return null;
        return <FacetGroup key={g.key} label={g.label} values={values} selected={selected} onToggle={(v) => onChange(toggleValue(params, g.key, v))} />;
      })}
    </Stack>
  );
}

function FacetGroup({ label, values, selected, onToggle, hint }: { label: string; values: FacetValue[]; selected: string[]; onToggle: (value: string) => void; hint?: string }) {
  const [all, setAll] = useState(false);
  // A chosen value stays listed even when nothing under the other filters has it (count 0).
  const missing = selected.filter((s) => !values.some((v) => v.value === s)).map((s) => ({ value: s, label: s, count: 0 }));
  const list = [...values, ...missing];
  const shown = all ? list : list.filter((v, i) => i < SHOWN || selected.includes(v.value));
  return (
    <Stack gap={6} role="group" aria-label={label}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      {hint && selected.length === 0 && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
      {shown.map((v) => (
        <Group key={v.value} justify="space-between" wrap="nowrap" gap="xs">
          <Checkbox size="sm" label={v.label} checked={selected.includes(v.value)} onChange={() => onToggle(v.value)} styles={{ label: { wordBreak: 'break-word' } }} />
          {v.count >= 0 && (
            <Text size="xs" c="dimmed" aria-label={`${v.count} results`}>
              {formatCount(v.count)}
            </Text>
          )}
        </Group>
      ))}
      {list.length > shown.length && (
        <Anchor component="button" type="button" size="xs" onClick={() => setAll(true)} ta="left">
          Show all {list.length}
        </Anchor>
      )}
    </Stack>
  );
}
