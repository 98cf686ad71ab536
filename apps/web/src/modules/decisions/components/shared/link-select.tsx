import { MultiSelect } from '@mantine/core';
import type { DecisionLink, DecisionLinksInput } from '@tandem/contracts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useLinkOptions } from '../../hooks/use-decisions.ts';

const LINK_GROUPS = { theme: 'Feedback themes', asset: 'Library assets', goal: 'Goals' } as const;
const TYPES = ['theme', 'asset', 'goal'] as const;

/** A link as the picker's value: `theme:<id>`. */
export const linkValue = (l: Pick<DecisionLink, 'type' | 'id'>) => `${l.type}:${l.id}`;

/** The picker's values as the API's `{ themeIds, assetIds, goalIds }`. */
export function linksInput(values: readonly string[]): Required<DecisionLinksInput> {
  const idsOf = (type: string) => values.filter((v) => v.startsWith(`${type}:`)).map((v) => v.slice(type.length + 1));
  return { themeIds: idsOf('theme'), assetIds: idsOf('asset'), goalIds: idsOf('goal') };
}

/**
 * Picks the feedback themes, library assets and goals a decision concerns, grouped by kind. `current`: links the
 * decision already has, kept selectable even when the options list (the 200 most recent of each) leaves them out.
 */
export function LinkSelect({ value, onChange, current = [], label, error }: { value: string[]; onChange: (v: string[]) => void; current?: readonly DecisionLink[]; label: string; error?: string }) {
  const ws = useWorkspace();
  const options = useLinkOptions(ws.slug);
  const items = [...(options.data?.items ?? [])];
  for (const l of current) if (!items.some((i) => i.type === l.type && i.id === l.id)) items.push(l);
  const data = TYPES.map((type) => ({
    group: LINK_GROUPS[type],
    items: items.filter((l) => l.type === type).map((l) => ({ value: linkValue(l), label: l.title })),
  }));
  return (
    <MultiSelect label={label} data={data} value={value} onChange={onChange} error={error} searchable clearable placeholder="Feedback themes, library assets, goals" />
  );
}
