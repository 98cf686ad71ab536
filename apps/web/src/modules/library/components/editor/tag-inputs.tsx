import { MultiSelect, SimpleGrid, TagsInput, Text } from '@mantine/core';
import { TAG_FACET_LABELS, type AssetTagsInput } from '@tandem/contracts';
import { useCompetitorOptions } from '../../hooks/use-assets.ts';

export type TagValues = Required<AssetTagsInput>;
export const NO_TAGS: TagValues = { products: [], segments: [], personas: [], competitors: [], stages: [], regions: [] };

const FREE_FACETS = ['products', 'segments', 'personas', 'stages', 'regions'] as const;
const HINTS: Record<(typeof FREE_FACETS)[number], string> = {
  products: 'e.g. Analytics, Platform',
  segments: 'e.g. Enterprise, Mid-market',
  personas: 'e.g. CFO, Data engineer',
  stages: 'e.g. Discovery, Negotiation',
  regions: 'e.g. EMEA, North America',
};

/** One input per facet: free words (Enter or comma adds one), and competitors picked from their records. */
export function TagInputs({ slug, value, onChange, errors }: { slug: string; value: TagValues; onChange: (v: TagValues) => void; errors: Record<string, string> }) {
  const competitors = useCompetitorOptions(slug);
  const options = competitors.data ?? [];
  // Tags already on the asset stay visible even when the list has not loaded (or no longer has them).
  const known = new Set(options.map((o) => o.value));
  const data = [...options, ...value.competitors.filter((id) => !known.has(id)).map((id) => ({ value: id, label: 'Unknown competitor' }))];
  const error = (facet: string) => Object.entries(errors).find(([k]) => k === `tags.${facet}` || k.startsWith(`tags.${facet}.`))?.[1];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      {FREE_FACETS.map((facet) => (
        <TagsInput
          key={facet}
          label={TAG_FACET_LABELS[facet]}
          placeholder={value[facet].length ? undefined : HINTS[facet]}
          value={value[facet]}
          onChange={(v) => onChange({ ...value, [facet]: v })}
          splitChars={[',']}
          clearable
          error={error(facet)}
        />
      ))}
      <MultiSelect
        label={TAG_FACET_LABELS.competitors}
        placeholder={options.length ? 'Pick competitors' : undefined}
        data={data}
        value={value.competitors}
        onChange={(v) => onChange({ ...value, competitors: v })}
        searchable
        clearable
        disabled={!competitors.isPending && data.length === 0}
        nothingFoundMessage="No competitor by that name"
        error={error('competitors')}
        description={
          !competitors.isPending && options.length === 0 ? (
            <Text span size="xs" c="dimmed">
              No competitors recorded yet: once they are added on the Competitors page, you can tag them here.
            </Text>
          ) : undefined
        }
      />
    </SimpleGrid>
  );
}
