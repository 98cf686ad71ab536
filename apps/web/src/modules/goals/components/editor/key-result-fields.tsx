import { Button, Checkbox, Fieldset, Group, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { MetricDefinition } from '@tandem/contracts';
import { draftErrors, inPercent, metricOptions, type KeyResultDraft } from './key-result-draft.ts';

interface Props {
  index: number;
  draft: KeyResultDraft;
  metrics: MetricDefinition[];
  segments: string[];
  /** The workspace's teams, for metrics that take a team. */
  teams: { value: string; label: string }[];
  showErrors: boolean;
  onChange: (d: KeyResultDraft) => void;
  onRemove: () => void;
}

/** One key result: what it measures (a metric with its definition and filters, or manual check-ins), from where to where. */
export function KeyResultFields({ index, draft: d, metrics, segments, teams, showErrors, onChange, onRemove }: Props) {
  const def = metrics.find((m) => m.name === d.metric);
  const errors = showErrors ? draftErrors(d) : {};
  const percent = inPercent(d, def);
  const set = (patch: Partial<KeyResultDraft>) => onChange({ ...d, ...patch });
  const unitHint = d.kind === 'manual' ? d.unit || 'your unit' : def ? (percent ? '%' : def.kind === 'currency' ? def.unit : def.kind) : '';
  return (
    <Fieldset legend={`Key result ${index + 1}`} radius="md" p="sm">
      <Stack gap="sm">
        <TextInput label="Title" required value={d.title} onChange={(e) => set({ title: e.currentTarget.value })} error={errors.title} maxLength={200} />
        <SegmentedControl
          aria-label={`Key result ${index + 1}: how it is measured`}
          value={d.kind}
          onChange={(v) => set({ kind: v === 'manual' ? 'manual' : 'metric' })}
          data={[
            { value: 'metric', label: 'Computed from a metric' },
            { value: 'manual', label: 'Checked in by hand' },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
        {d.kind === 'metric' ? (
          <>
            <Select
              label="Metric"
              required
              searchable
              placeholder="Choose a metric"
              data={metricOptions(metrics)}
              value={d.metric}
              onChange={(v) => {
                const next = metrics.find((m) => m.name === v);
                set({ metric: v, direction: next ? (next.higherIsBetter ? 'increase' : 'decrease') : null });
              }}
              error={errors.metric}
            />
            {def && (
              <Text size="sm" c="dimmed">
                {def.definition}
              </Text>
            )}
            {def && (
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                {def.filters.includes('segment') && (
                  <Select label="Segment" placeholder="Every segment" data={segments} value={d.segment} onChange={(v) => set({ segment: v })} clearable searchable />
                )}
                {def.filters.includes('competitor') && (
                  <TextInput label="Competitor" placeholder="Any competitor" value={d.competitor} onChange={(e) => set({ competitor: e.currentTarget.value })} />
                )}
                {def.filters.includes('product') && (
                  <TextInput label="Product" placeholder="Every product" value={d.product} onChange={(e) => set({ product: e.currentTarget.value })} />
                )}
                {def.filters.includes('team') && (
                  <Select label="Team" placeholder="Every team" data={teams} value={d.team} onChange={(v) => set({ team: v })} clearable searchable />
                )}
              </SimpleGrid>
            )}
            {def?.byAmount && (
              <Checkbox label="Weigh by amount instead of counting deals" checked={d.byAmount} onChange={(e) => set({ byAmount: e.currentTarget.checked })} />
            )}
          </>
        ) : (
          <TextInput label="Unit" placeholder="e.g. battlecards, calls" value={d.unit} onChange={(e) => set({ unit: e.currentTarget.value })} maxLength={30} />
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NumberInput
            label={`Baseline${unitHint ? ` (${unitHint})` : ''}`}
            required
            value={d.baseline}
            onChange={(v) => set({ baseline: v })}
            error={errors.baseline}
            decimalScale={percent ? 1 : 2}
          />
          <NumberInput
            label={`Target${unitHint ? ` (${unitHint})` : ''}`}
            required
            value={d.target}
            onChange={(v) => set({ target: v })}
            error={errors.target}
            decimalScale={percent ? 1 : 2}
          />
          <Select
            label="Better when"
            data={[
              { value: 'increase', label: 'Higher' },
              { value: 'decrease', label: 'Lower' },
            ]}
            value={d.direction}
            placeholder="From the metric"
            onChange={(v) => set({ direction: v === 'increase' || v === 'decrease' ? v : null })}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="subtle" color="red" size="xs" onClick={onRemove}>
            Remove key result {index + 1}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
