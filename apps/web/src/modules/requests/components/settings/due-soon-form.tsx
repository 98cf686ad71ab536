import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, NumberInput, Stack } from '@mantine/core';
import type { RequestSettings } from '@tandem/contracts';
import { useSectionSave } from './use-section-save.ts';

/** The share of a target left when a clock turns "due soon", typed as a percentage. */
export function DueSoonForm({ settings, editable }: { settings: RequestSettings; editable: boolean }) {
  const section = useSectionSave();
  const [percent, setPercent] = useState<number | string>(Math.round(settings.dueSoonFraction * 100));
  const n = percent === '' ? Number.NaN : Number(percent);

  async function submit(e: FormEvent) {
    e.preventDefault();
    await section.save({ dueSoonFraction: n / 100 }, `Saved: a clock is due soon when ${n}% of its target is left. Nobody was notified.`, (k) => k === 'dueSoonFraction');
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="When a clock is due soon">
      <Stack gap="sm">
        {section.failure && (
          <Alert color="red" variant="light" title="Not saved">
            {section.failure}
          </Alert>
        )}
        <NumberInput
          label="Due soon when this much of the target is left"
          description={Number.isFinite(n) ? `With an 8-hour target, “due soon” starts ${(Math.round(8 * n) / 100).toLocaleString('en-US')} business hours before the deadline.` : 'A percentage from 5 to 90'}
          value={percent}
          onChange={(v) => {
            section.clear('dueSoonFraction');
            setPercent(v);
          }}
          min={5}
          max={90}
          clampBehavior="none"
          step={5}
          allowDecimal={false}
          suffix="%"
          readOnly={!editable}
          maw={360}
          error={section.errors.dueSoonFraction ? 'A whole percentage from 5% to 90%' : undefined}
        />
        {editable && (
          <Group>
            <Button type="submit" loading={section.saving}>
              Save
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
