import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import type { PmmCapacity } from '@tandem/contracts';
import { errorMessage } from '../../../../app/api-error.ts';
import { notifySuccess } from '../../../../app/components/notify.ts';
import { problemFieldErrors } from '../../../../app/forms.ts';
import { useUpdatePmmCapacity } from '../../hooks/use-capacity.ts';
import { hours } from './capacity-text.ts';

/** Weekly hours per PMM (and admin who triages), for those who triage: saving re-plans the queue and moves the line. */
export function CapacityEditor({ slug, capacity }: { slug: string; capacity: PmmCapacity[] }) {
  // The server lists every active member who may triage (0 h when never set), by name.
  const people = useMemo(() => capacity.map((c) => ({ userId: c.user.userId, name: c.user.name, weeklyHours: c.weeklyHours })), [capacity]);
  const save = useUpdatePmmCapacity(slug);
  const [edits, setEdits] = useState<Record<string, number | string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    setFailure(null);
    const changed = people.filter((p) => p.userId in edits && Number(edits[p.userId]) !== p.weeklyHours);
    const local: Record<string, string> = {};
    for (const p of changed) {
      const v = edits[p.userId];
      const n = Number(v);
      if (v === '' || !Number.isFinite(n)) local[p.userId] = 'Hours a week, a number from 0 to 80';
      else if (n < 0 || n > 80) local[p.userId] = 'From 0 to 80 hours a week';
    }
    if (Object.keys(local).length) return setErrors(local);
    if (!changed.length) return notifySuccess('Nothing changed.');
    const items = changed.map((p) => ({ userId: p.userId, weeklyHours: Number(edits[p.userId]) }));
    try {
      await save.mutateAsync({ items });
      setEdits({});
      notifySuccess(
        `Saved weekly hours for ${changed.map((p) => p.name).join(', ')}. The plan and the line were worked out again; nobody was notified.`,
      );
    } catch (err) {
      // The server names fields by position ("items.2.weeklyHours"): show each next to its person.
      const fields = problemFieldErrors(err);
      const byPerson: Record<string, string> = {};
      for (const [key, message] of Object.entries(fields)) {
        const m = /^items\.(\d+)/.exec(key);
        const who = m ? items[Number(m[1])]?.userId : undefined;
        if (who) byPerson[who] = message;
      }
      setErrors(byPerson);
      setFailure(Object.keys(byPerson).length ? null : errorMessage(err));
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Weekly hours per PMM">
      <Stack gap="sm">
        {failure && (
          <Alert color="red" variant="light" title="Not saved">
            {failure}
          </Alert>
        )}
        {people.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nobody may triage requests yet: invite your PMMs (the marketing role) to plan their hours here.
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
            {people.map((p) => (
              <NumberInput
                key={p.userId}
                label={p.name}
                description={`Now ${hours(p.weeklyHours)} h a week`}
                value={edits[p.userId] ?? p.weeklyHours}
                onChange={(v) => setEdits((e) => ({ ...e, [p.userId]: v }))}
                min={0}
                max={80}
                // Not clamped: 100 stays 100 and is refused next to the field ("From 0 to 80 hours a week").
                clampBehavior="none"
                step={1}
                decimalScale={1}
                suffix=" h a week"
                error={errors[p.userId]}
              />
            ))}
          </SimpleGrid>
        )}
        <Group>
          <Button type="submit" loading={save.isPending} disabled={people.length === 0}>
            Save weekly hours
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
