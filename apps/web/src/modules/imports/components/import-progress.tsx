import { Card, Group, Loader, Progress, Stack, Stepper, Text } from '@mantine/core';
import type { ImportDetail, ImportProgress as Progression } from '@tandem/contracts';
import { usePhone } from '../../../app/use-phone.ts';
import { formatCount } from './import-fields.ts';

const PHASES: { phase: Progression['phase']; label: string; description: string }[] = [
  { phase: 'scanning', label: 'Check the file', description: 'Dates, amounts, columns' },
  { phase: 'reading', label: 'Read the rows', description: 'Each row becomes a deal' },
  { phase: 'writing', label: 'Save the deals', description: 'All at once, or nothing' },
];

/** A running import, polled every second by the page. */
export function ImportProgress({ detail }: { detail: ImportDetail }) {
  const phone = usePhone();
  const progress = detail.progress ?? { phase: 'queued' as const, rows: 0, totalRows: null };
  const active = PHASES.findIndex((p) => p.phase === progress.phase);
  // Only reading has a known end; checking and saving show a moving bar.
  const fraction = progress.phase === 'reading' && progress.totalRows ? Math.min(1, progress.rows / progress.totalRows) : null;

  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
      <Stack gap="lg">
        <Group gap="sm" wrap="nowrap">
          <Loader size="sm" />
          <Text fw={600} size="lg" aria-live="polite">
            {progress.phase === 'queued' ? `Starting the import of ${detail.fileName}…` : `Importing ${detail.fileName}…`}
          </Text>
        </Group>
        <Stepper active={Math.max(0, active)} size="sm" orientation={phone ? 'vertical' : 'horizontal'} allowNextStepsSelect={false}>
          {PHASES.map((p) => (
            <Stepper.Step key={p.phase} label={p.label} description={p.description} loading={p.phase === progress.phase} />
          ))}
        </Stepper>
        <Stack gap={6}>
          <Progress
            value={fraction === null ? 100 : fraction * 100}
            animated
            striped={fraction === null}
            size="lg"
            aria-label="Import progress"
          />
          <Text size="sm" c="dimmed">
            {progressText(progress)}
          </Text>
        </Stack>
        <Text size="sm" c="dimmed">
          You can leave this page: the import goes on on the server, and its result stays here and in the list of imports.
          Nothing changes in Tandem until every row is saved.
        </Text>
      </Stack>
    </Card>
  );
}

function progressText(p: Progression): string {
  switch (p.phase) {
    case 'queued':
      return 'Imports run one at a time: when another one is running, this one starts right after it.';
    case 'scanning':
      return `${formatCount(p.rows)} rows checked`;
    case 'reading':
      return p.totalRows ? `${formatCount(p.rows)} of ${formatCount(p.totalRows)} rows read` : `${formatCount(p.rows)} rows read`;
    case 'writing':
      return `Saving ${formatCount(p.rows)} rows in one go`;
    case 'done':
      return 'Done';
    default: {
      const never: never = p.phase;
      return never;
    }
  }
}
