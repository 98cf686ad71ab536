import { Link } from 'react-router-dom';
import { Anchor, Group, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import type { ImportCounts, ImportRecord } from '@tandem/contracts';
import { formatDateTime, formatRelative } from '../../../app/kit/format.ts';
import { usePhone } from '../../../app/use-phone.ts';
import { FORMAT_LABELS, formatBytes, formatCount, sourceLabel } from './import-fields.ts';
import { ImportStatusBadge } from './import-status-badge.tsx';

const COUNT_COLUMNS: { key: keyof ImportCounts; label: string }[] = [
  { key: 'created', label: 'Created' },
  { key: 'updated', label: 'Updated' },
  { key: 'unchanged', label: 'Unchanged' },
  { key: 'removed', label: 'Removed' },
  { key: 'invalid', label: 'Invalid' },
];

interface ImportHistoryProps {
  imports: ImportRecord[];
  slug: string;
  tz: string;
}

export function ImportHistory(props: ImportHistoryProps) {
  const phone = usePhone();
  if (phone) return <ImportCards {...props} />;
  const { imports, slug, tz } = props;
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table verticalSpacing="sm" horizontalSpacing="xs" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>File</Table.Th>
            <Table.Th>Source</Table.Th>
            <Table.Th>Run</Table.Th>
            <Table.Th>Status</Table.Th>
            {COUNT_COLUMNS.map((c) => (
              <Table.Th key={c.key} ta="right">
                {c.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {imports.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>
                <Anchor component={Link} to={`/w/${slug}/imports/${i.id}`} size="sm" fw={500} display="block" maw={180} truncate title={i.fileName}>
                  {i.fileName}
                </Anchor>
                {i.fileSize > 0 && (
                  <Text size="xs" c="dimmed">
                    {formatBytes(i.fileSize)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <SourceText record={i} twoLines />
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {i.createdBy.name}
                </Text>
                <Tooltip label={formatDateTime(i.createdAt, tz)} withArrow>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {formatRelative(i.createdAt)}
                  </Text>
                </Tooltip>
              </Table.Td>
              <Table.Td miw={110}>
                <ImportStatusBadge record={i} />
              </Table.Td>
              {COUNT_COLUMNS.map((c) => (
                <Table.Td key={c.key} ta="right">
                  <CountText record={i} count={c.key} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ImportCards({ imports, slug, tz }: ImportHistoryProps) {
  return (
    <Stack gap="xs">
      {imports.map((i) => (
        <Paper key={i.id} withBorder radius="md" p="sm">
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/w/${slug}/imports/${i.id}`} size="sm" fw={600} truncate>
                  {i.fileName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {i.createdBy.name} · {formatDateTime(i.createdAt, tz)}
                </Text>
              </Stack>
              <div style={{ flexShrink: 0 }}>
                <ImportStatusBadge record={i} />
              </div>
            </Group>
            <SourceText record={i} />
            {i.counts && <CountsLine counts={i.counts} />}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

/** "5 created · 1 invalid": the counts that are not zero, in a line. */
function CountsLine({ counts }: { counts: ImportCounts }) {
  const parts = COUNT_COLUMNS.filter((c) => counts[c.key] > 0).map((c) => ({ ...c, n: counts[c.key] }));
  if (!parts.length) return <Text size="sm" c="dimmed">No deals changed</Text>;
  return (
    <Text size="sm">
      {parts.map((p, i) => (
        <Text span key={p.key} c={p.key === 'invalid' ? 'red' : undefined} fw={p.key === 'invalid' ? 600 : undefined}>
          {i > 0 && ' · '}
          {formatCount(p.n)} {p.label.toLowerCase()}
        </Text>
      ))}
    </Text>
  );
}

function SourceText({ record, twoLines = false }: { record: ImportRecord; twoLines?: boolean }) {
  const { source, format } = record;
  if (!twoLines || !format || !source || source === format) return <Text size="sm">{sourceLabel(source, format)}</Text>;
  return (
    <>
      <Text size="sm">{source}</Text>
      <Text size="xs" c="dimmed">
        {FORMAT_LABELS[format]}
      </Text>
    </>
  );
}

function CountText({ record, count }: { record: ImportRecord; count: keyof ImportCounts }) {
  const n = record.counts?.[count];
  if (n === undefined) return <Text size="sm" c="dimmed">—</Text>;
  const alarming = count === 'invalid' && n > 0;
  return (
    <Text size="sm" c={n === 0 ? 'dimmed' : alarming ? 'red' : undefined} fw={alarming ? 600 : undefined}>
      {formatCount(n)}
    </Text>
  );
}
