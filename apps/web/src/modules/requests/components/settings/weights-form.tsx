import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { SCORE_PART_LABELS, SCORE_PARTS, type RequestSettings } from '@tandem/contracts';
import { weightsPreview, type WeightValues } from './settings-text.ts';
import { useSectionSave } from './use-section-save.ts';

const PART_HELP = {
  pipeline: 'Linked open deals: amount × stage probability',
  urgency: 'How near the needed-by and close dates are',
  reach: 'How many people and accounts ask for it',
  strategic: 'Points an admin gives, with a reason',
} as const;

/** The four weights, with a sentence saying what they mean for the score as they are typed. */
export function WeightsForm({ settings, editable }: { settings: RequestSettings; editable: boolean }) {
  const section = useSectionSave();
  const [weights, setWeights] = useState<WeightValues>({ ...settings.weights });
  const preview = weightsPreview(weights);
  const isDefault = SCORE_PARTS.every((p) => Number(weights[p]) === settings.defaults.weights[p]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = Object.fromEntries(SCORE_PARTS.map((p) => [p, weights[p] === '' ? Number.NaN : Number(weights[p])]));
    await section.save({ weights: body }, 'Saved the weights. Every open request was scored again and the queue reordered; the change is in the audit log.', (k) => /^weights\.(pipeline|urgency|reach|strategic)$/.test(k));
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Score weights">
      <Stack gap="sm">
        {section.failure && (
          <Alert color="red" variant="light" title="Not saved">
            {section.failure}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {SCORE_PARTS.map((p) => (
            <NumberInput
              key={p}
              label={SCORE_PART_LABELS[p]}
              description={`${PART_HELP[p]} (default ${settings.defaults.weights[p]})`}
              value={weights[p]}
              onChange={(v) => {
                section.clear(`weights.${p}`);
                setWeights((w) => ({ ...w, [p]: v }));
              }}
              min={0}
              max={10}
              clampBehavior="none"
              step={0.05}
              decimalScale={2}
              readOnly={!editable}
              error={section.errors[`weights.${p}`] || undefined}
            />
          ))}
        </SimpleGrid>
        <Paper withBorder radius="sm" p="sm" bg="var(--mantine-color-gray-0)" aria-live="polite">
          <Text size="sm">{preview ?? 'Each weight is a number from 0 to 10.'}</Text>
        </Paper>
        {editable && (
          <Group>
            <Button type="submit" loading={section.saving}>
              Save weights
            </Button>
            <Button variant="default" disabled={isDefault} onClick={() => setWeights({ ...settings.defaults.weights })}>
              Use the defaults
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
