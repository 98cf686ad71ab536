import { Link } from 'react-router-dom';
import { Anchor, Group, Stack, Text, Tooltip } from '@mantine/core';
import type { ImportCounts, ImportRecord } from '@tandem/contracts';
import { DataTable, formatDateTime, formatRelative, type DataTableColumn } from '../../../app/kit/index.ts';
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

/** Past imports, newest first: a table on a desktop, cards on a phone. */
export function ImportHistory({ imports, slug, tz }: ImportHistoryProps) {
  const columns: DataTableColumn<ImportRecord>[] = [
    {
      key: 'file',
      header: 'File',
      cell: (i) => (
        <>
          <Anchor component={Link} to={`/w/${slug}/imports/${i.id}`} size="sm" fw={500} display="block" maw={180} truncate title={i.fileName}>
            {i.fileName}
          </Anchor>
          {i.fileSize > 0 && (
            <Text size="xs" c="dimmed">
              {formatBytes(i.fileSize)}
            </Text>
          )}
        </>
      ),
    },
    { key: 'source', header: 'Source', cellProps: { style: { whiteSpace: 'nowrap' } }, cell: (i) => <SourceText record={i} twoLines /> },
    {
      key: 'run',
      header: 'Run',
      cell: (i) => (
        <>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {i.createdBy.name}
          </Text>
          <Tooltip label={formatDateTime(i.createdAt, tz)} withArrow>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {formatRelative(i.createdAt)}
            </Text>
          </Tooltip>
        </>
      ),
    },
    { key: 'status', header: 'Status', cellProps: { miw: 110 }, cell: (i) => <ImportStatusBadge record={i} /> },
    ...COUNT_COLUMNS.map(
      (c): DataTableColumn<ImportRecord> => ({ key: c.key, header: c.label, align: 'right', cell: (i) => <CountText record={i} count={c.key} /> }),
    ),
  ];
  return (
    <DataTable
      aria-label="Past imports"
      rows={imports}
      rowKey={(i) => i.id}
      columns={columns}
      minWidth={880}
      verticalSpacing="sm"
      horizontalSpacing="xs"
      highlightOnHover
      renderCard={(i) => <ImportCard record={i} slug={slug} tz={tz} />}
    />
  );
}

function ImportCard({ record: i, slug, tz }: { record: ImportRecord; slug: string; tz: string }) {
  return (
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
