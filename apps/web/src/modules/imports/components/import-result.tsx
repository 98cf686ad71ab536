import { Link } from 'react-router-dom';
import { Alert, Anchor, Badge, Button, Card, DataList, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconDownload, IconFlask, IconInfoCircle } from '@tabler/icons-react';
import type { ImportCounts, ImportDetail } from '@tandem/contracts';
import { formatDateTime, LineProblems } from '../../../app/kit/index.ts';
import { useRequiredSession } from '../../../app/session.tsx';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { rejectedRowsUrl } from '../hooks/use-imports.ts';
import { formatBytes, formatCount, importedNothing, plural, sourceLabel } from './import-fields.ts';

type CountKey = Exclude<keyof ImportCounts, 'rows'>;
const STATS: { key: CountKey; label: string; caption: string; color?: string }[] = [
  { key: 'created', label: 'Created', caption: 'New deals' },
  { key: 'updated', label: 'Updated', caption: 'Changed since the last import' },
  { key: 'unchanged', label: 'Unchanged', caption: 'Already up to date' },
  { key: 'removed', label: 'Removed', caption: 'Missing from a full sync', color: 'orange' },
  { key: 'invalid', label: 'Invalid', caption: 'Rows skipped', color: 'red' },
  { key: 'warnings', label: 'Warnings', caption: 'Imported, with a note', color: 'yellow.8' },
];

/** A finished import (completed or undone): what it did, and what it could not. */
export function ImportResultView({ detail }: { detail: ImportDetail }) {
  const ws = useWorkspace();
  const session = useRequiredSession();
  const tz = session.user.timeZone;
  const result = detail.result;
  const counts = detail.counts;
  const undone = detail.status === 'undone';

  return (
    <Stack gap="lg">
      {undone && (
        <Alert color="orange" variant="light" icon={<IconArrowBackUp size={18} />} title={`Undone ${formatDateTime(detail.undoneAt, tz)}`}>
          The deals this import created were deleted, and the deals it changed or removed were put back as they were before
          it. The counts below are what it had done.
        </Alert>
      )}
      {importedNothing(detail) && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={detail.dryRun ? 'Nothing would be imported' : 'Nothing was imported'} role="alert">
          Every one of the {plural(detail.counts?.rows ?? 0, 'row')} of this file was rejected, so no deal was created or updated.
          The rows below say why; fix the file and upload it again.
        </Alert>
      )}
      {detail.dryRun && (
        <Alert color="blue" variant="light" icon={<IconFlask size={18} />} title="Dry run: nothing was changed">
          These are the counts the import would have had. Upload the file again to import it for real.
        </Alert>
      )}

      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" role="list" aria-label="Import result">
        {STATS.map((s) => {
          const n = (result ?? counts)?.[s.key] ?? 0;
          return (
            <Paper key={s.key} withBorder radius="md" p="md" role="listitem" aria-label={`${s.label}: ${n}`}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {s.label}
              </Text>
              <Text fz={26} fw={700} lh={1.3} c={n > 0 && s.color ? s.color : n === 0 ? 'dimmed' : undefined}>
                {formatCount(n)}
              </Text>
              <Text size="xs" c="dimmed">
                {s.caption}
              </Text>
            </Paper>
          );
        })}
      </SimpleGrid>

      {!undone && result && result.unknownStages.length > 0 && (
        <Card withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
          <Stack gap="sm">
            <Group gap="xs">
              <IconAlertTriangle size={20} color="var(--mantine-color-yellow-7)" />
              <Title order={3} fz="lg">
                Stages Tandem does not know
              </Title>
            </Group>
            <Text size="sm" c="dimmed">
              These deals came in as open. Tell Tandem which of these stages are won or lost, and every deal in them is
              updated, including past imports.
            </Text>
            <Table verticalSpacing={4} maw={480}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Stage</Table.Th>
                  <Table.Th ta="right">Deals</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.unknownStages.map((s) => (
                  <Table.Tr key={s.stage}>
                    <Table.Td>{s.stage}</Table.Td>
                    <Table.Td ta="right">{formatCount(s.count)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {ws.can('deals.settings') ? (
              <Button component={Link} to={`/w/${ws.slug}/settings/deals`} variant="light" style={{ alignSelf: 'flex-start' }}>
                Map these stages
              </Button>
            ) : (
              <Text size="sm">An admin of this workspace can map them in the deal settings.</Text>
            )}
          </Stack>
        </Card>
      )}

      {result && result.invalid > 0 && (
        <Card withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
          <Stack gap="sm">
            <Group justify="space-between" gap="sm">
              <Title order={3} fz="lg">
                {plural(result.invalid, 'row')} not imported
              </Title>
              <Button
                component="a"
                href={rejectedRowsUrl(ws.slug, detail.id)}
                download
                variant="default"
                leftSection={<IconDownload size={16} />}
              >
                Download rejected rows (CSV)
              </Button>
            </Group>
            <Text size="sm" c="dimmed">
              The download has these rows as the file had them, with a column saying what is wrong. Fix them and import
              that file{detail.full ? ' (without full sync, or the rest would be removed)' : ''}.
              {result.errorsTruncated && ` Below are the first ${formatCount(result.errors.length)} problems; the download has all of them.`}
            </Text>
            <LineProblems lines={result.errors} label="Rows not imported" />
          </Stack>
        </Card>
      )}

      {detail.warningList.length > 0 && (
        <Card withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
          <Stack gap="sm">
            <Title order={3} fz="lg">
              {plural(result?.warnings ?? detail.warningList.length, 'warning')}
            </Title>
            <Text size="sm" c="dimmed">
              These rows were imported; something in them was read differently than it was written.
            </Text>
            <LineProblems lines={detail.warningList} label="Warnings" />
          </Stack>
        </Card>
      )}

      <Card withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
        <Stack gap="sm">
          <Title order={3} fz="lg">
            Details
          </Title>
          <DataList labelWidth={140}>
            <DataList.Item>
              <DataList.ItemLabel>File</DataList.ItemLabel>
              <DataList.ItemValue>
                {detail.fileName}
                {detail.fileSize > 0 && ` (${formatBytes(detail.fileSize)})`}
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Source</DataList.ItemLabel>
              <DataList.ItemValue>{sourceLabel(detail.source, detail.format)}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Rows read</DataList.ItemLabel>
              <DataList.ItemValue>{counts ? formatCount(counts.rows) : '—'}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Options</DataList.ItemLabel>
              <DataList.ItemValue>
                <Group gap={4}>
                  {!detail.full && !detail.dryRun && <Text size="sm">Update and add</Text>}
                  {detail.full && (
                    <Badge variant="outline" color="orange" tt="none">
                      Full sync
                    </Badge>
                  )}
                  {detail.dryRun && (
                    <Badge variant="outline" color="gray" tt="none">
                      Dry run
                    </Badge>
                  )}
                </Group>
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Run by</DataList.ItemLabel>
              <DataList.ItemValue>{detail.createdBy.name}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Started</DataList.ItemLabel>
              <DataList.ItemValue>{formatDateTime(detail.startedAt ?? detail.createdAt, tz)}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Took</DataList.ItemLabel>
              <DataList.ItemValue>{duration(detail.startedAt, detail.finishedAt)}</DataList.ItemValue>
            </DataList.Item>
          </DataList>
        </Stack>
      </Card>

      {!undone && !detail.dryRun && result && result.created + result.updated > 0 && (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <IconInfoCircle size={16} color="var(--mantine-color-dimmed)" style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="sm" c="dimmed">
            Deals are in the{' '}
            <Anchor component={Link} to={`/w/${ws.slug}/deals`} size="sm" underline="always">
              deal list
            </Anchor>
            ; the next import of “{detail.source}” updates them by their ID.
          </Text>
        </Group>
      )}
    </Stack>
  );
}

function duration(from: string | null, to: string | null): string {
  if (!from || !to) return '—';
  const s = Math.max(0, (new Date(to).getTime() - new Date(from).getTime()) / 1000);
  if (s < 1) return 'Under a second';
  if (s < 60) return `${Math.round(s)} seconds`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}
