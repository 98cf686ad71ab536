import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Anchor, Breadcrumbs, Button, Card, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { ASSET_TYPE_LABELS, ASSET_TYPES, REVIEW_DAYS_DEFAULT, type AssetType, type LibrarySettings } from '@tandem/contracts';
import { errorMessage } from '../../../../app/api-error.ts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { PageSkeleton } from '../../../../app/components/page-skeleton.tsx';
import { notifySuccess } from '../../../../app/components/notify.ts';
import { problemFieldErrors, type FieldErrors } from '../../../../app/forms.ts';
import { QueryView } from '../../../../app/kit/index.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useLibrarySettings, useUpdateLibrarySettings } from '../../hooks/use-assets.ts';

/** `/library/settings`: how long each type of asset stays fresh after a publish or a verify. */
export function LibrarySettingsPage() {
  const ws = useWorkspace();
  const settings = useLibrarySettings(ws.slug);
  return (
    <>
      <Breadcrumbs mb="xs" separatorMargin={6}>
        <Anchor component={Link} to={`/w/${ws.slug}/library`} size="sm">
          Library
        </Anchor>
        <Text size="sm" c="dimmed">
          Settings
        </Text>
      </Breadcrumbs>
      <PageHeader
        title="Library settings"
        description="How many days each type of asset stays fresh after it is published or verified. After that it shows as overdue everywhere, and its owner is reminded once a day."
      />
      <QueryView query={settings} skeleton={<PageSkeleton />}>
        {(s) => <ReviewDaysForm settings={s} />}
      </QueryView>
    </>
  );
}

function ReviewDaysForm({ settings }: { settings: LibrarySettings }) {
  const ws = useWorkspace();
  const save = useUpdateLibrarySettings(ws.slug);
  const [days, setDays] = useState<Record<AssetType, number | string>>(settings.reviewDays);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    setFailure(null);
    const local: FieldErrors = {};
    for (const t of ASSET_TYPES) {
      const n = Number(days[t]);
      if (days[t] === '' || !Number.isInteger(n) || n < 1 || n > 730) local[`reviewDays.${t}`] = 'A whole number of days from 1 to 730';
    }
    if (Object.keys(local).length) return setErrors(local);
    const changed = Object.fromEntries(ASSET_TYPES.filter((t) => Number(days[t]) !== settings.reviewDays[t]).map((t) => [t, Number(days[t])]));
    if (!Object.keys(changed).length) return notifySuccess('Nothing changed.');
    try {
      await save.mutateAsync({ reviewDays: changed });
      const n = Object.keys(changed).length;
      notifySuccess(`Saved ${n} review ${n === 1 ? 'period' : 'periods'}. They apply from each asset's next publish or verify; nobody was notified.`);
    } catch (err) {
      const fields = problemFieldErrors(err);
      setErrors(fields);
      setFailure(Object.keys(fields).length ? null : errorMessage(err));
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} maw={860}>
        <Stack gap="md">
          {failure && (
            <Alert color="red" variant="light" title="Not saved">
              {failure}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
            {ASSET_TYPES.map((t) => (
              <NumberInput
                key={t}
                label={ASSET_TYPE_LABELS[t]}
                description={Number(days[t]) === REVIEW_DAYS_DEFAULT ? 'The default' : `Default: ${REVIEW_DAYS_DEFAULT}`}
                value={days[t]}
                onChange={(v) => setDays({ ...days, [t]: v })}
                min={1}
                max={730}
                allowDecimal={false}
                suffix=" days"
                error={errors[`reviewDays.${t}`]}
              />
            ))}
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </Card>
    </form>
  );
}
