import { useState, type FormEvent } from 'react';
import { Alert, Button, Fieldset, Group, NumberInput, SimpleGrid, Stack } from '@mantine/core';
import { REQUEST_TYPE_LABELS, type RequestSettings, type RequestType } from '@tandem/contracts';
import { useSectionSave } from './use-section-save.ts';

type Targets = Partial<Record<RequestType, { firstResponseHours: number | string; deliveryHours: number | string }>>;

const num = (v: number | string) => (v === '' ? Number.NaN : Number(v));

/** First-response and delivery targets per type, in business hours, each beside its default. */
export function SlaTargetsForm({ settings, editable }: { settings: RequestSettings; editable: boolean }) {
  const section = useSectionSave();
  const [targets, setTargets] = useState<Targets>(() => Object.fromEntries(settings.types.map((t) => [t.type, { ...t }])));
  const defaults = new Map(settings.defaults.types.map((t) => [t.type, t]));

  async function submit(e: FormEvent) {
    e.preventDefault();
    // Every type in the settings' order, so the server's "types.2.deliveryHours" names the field shown third.
    const types = settings.types.map((t) => ({
      type: t.type,
      firstResponseHours: num(targets[t.type]?.firstResponseHours ?? t.firstResponseHours),
      deliveryHours: num(targets[t.type]?.deliveryHours ?? t.deliveryHours),
    }));
    await section.save({ types }, 'Saved the targets. Clocks of open requests now count against them; nobody was notified.', (k) => /^types\.\d+\.(firstResponseHours|deliveryHours)$/.test(k));
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Response and delivery targets">
      <Stack gap="sm">
        {section.failure && (
          <Alert color="red" variant="light" title="Not saved">
            {section.failure}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          {settings.types.map((t, i) => {
            const d = defaults.get(t.type);
            const field = (key: 'firstResponseHours' | 'deliveryHours', label: string) => (
              <NumberInput
                label={label}
                description={d ? `Default ${d[key]} h` : undefined}
                value={targets[t.type]?.[key] ?? t[key]}
                onChange={(v) => {
                  section.clear(`types.${i}.${key}`);
                  setTargets((all) => ({ ...all, [t.type]: { ...(all[t.type] ?? t), [key]: v } }));
                }}
                min={0.5}
                max={2000}
                clampBehavior="none"
                step={1}
                decimalScale={1}
                suffix=" business h"
                readOnly={!editable}
                error={section.errors[`types.${i}.${key}`] || undefined}
              />
            );
            return (
              <Fieldset key={t.type} legend={REQUEST_TYPE_LABELS[t.type]} radius="md" p="sm">
                <Stack gap="xs">
                  {field('firstResponseHours', 'First response')}
                  {field('deliveryHours', 'Delivery')}
                </Stack>
              </Fieldset>
            );
          })}
        </SimpleGrid>
        {editable && (
          <Group>
            <Button type="submit" loading={section.saving}>
              Save targets
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
