import { useState } from 'react';
import { Group, List, Stack, Switch, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ImportPreview, ImportRowError } from '@tandem/contracts';
import { fieldLabel, plural } from './import-fields.ts';

interface PreviewRowsProps {
  preview: ImportPreview;
  /** The field each column fills as chosen on the page (the preview may still be catching up). */
  fieldFor: (header: string) => string | null;
  /** Why the rows are not checked yet (a required field has no column, the file has a problem), or null. */
  unchecked: string | null;
  strict: boolean;
}

const ERROR_BG = 'var(--mantine-color-red-light)';
const WARNING_BG = 'var(--mantine-color-yellow-light)';

/** The first rows as the file has them, with the cells the import would refuse marked. */
export function PreviewRows({ preview, fieldFor, unchecked, strict }: PreviewRowsProps) {
  // Wide exports (Salesforce reports run to dozens of columns) start with the mapped ones only.
  const [all, setAll] = useState(preview.headers.length <= 10);
  const mapped = preview.headers.filter((h) => fieldFor(h));
  const shown = all || mapped.length === 0 ? preview.headers : mapped;
  const bad = preview.rows.filter((r) => r.errors.length > 0);
  const problems = preview.rows.flatMap((r) => [...r.errors.map((e) => ({ ...e, kind: 'error' as const })), ...r.warnings.map((w) => ({ ...w, kind: 'warning' as const }))]);

  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="xs">
        <Text size="sm" c={bad.length ? 'red' : 'dimmed'} fw={bad.length ? 500 : undefined} aria-live="polite">
          {unchecked
            ? `The first ${plural(preview.rows.length, 'row')}, not checked until ${unchecked}.`
            : bad.length
              ? `${plural(bad.length, 'row')} of the first ${preview.rows.length} cannot be imported${strict ? ': with “Stop on any invalid row” on, nothing would be imported.' : ' and would be skipped.'}`
              : `The first ${plural(preview.rows.length, 'row')} are ready to import.`}
        </Text>
        {mapped.length > 0 && mapped.length < preview.headers.length && (
          <Switch
            size="sm"
            checked={all}
            onChange={(e) => setAll(e.currentTarget.checked)}
            label={`Show all ${preview.headers.length} columns`}
          />
        )}
      </Group>
      <Table.ScrollContainer
        minWidth={Math.max(560, shown.length * 150)}
        maxHeight={460}
        // A region that scrolls is reachable by keyboard (focus it, then arrow keys), as axe's scrollable-region-focusable asks.
        scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': 'First rows of the file, scrollable' } }}
      >
        <Table verticalSpacing={6} horizontalSpacing="sm" stickyHeader withColumnBorders withTableBorder fz="sm" aria-label="First rows of the file">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={64}>Line</Table.Th>
              {shown.map((h) => (
                <Table.Th key={h} style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" fw={600} truncate maw={220}>
                    {h}
                  </Text>
                  <Text size="xs" c="dimmed" fw={400}>
                    {fieldFor(h) ? fieldLabel(fieldFor(h)!) : 'Custom field'}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((row) => (
              <Table.Tr key={row.line}>
                <Table.Td c={row.errors.length ? 'red' : 'dimmed'}>
                  <Group gap={4} wrap="nowrap">
                    {row.line}
                    {row.errors.length > 0 && <IconAlertCircle size={14} aria-label="Row has errors" />}
                  </Group>
                </Table.Td>
                {shown.map((h) => (
                  <PreviewCell key={h} value={row.cells[h] ?? ''} errors={row.errors.filter((e) => e.column === h)} warnings={row.warnings.filter((w) => w.column === h)} />
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {problems.length > 0 && (
        <List size="sm" spacing={4} aria-label="Problems in the first rows">
          {problems.map((p, i) => (
            <List.Item key={i} c={p.kind === 'error' ? 'red' : 'yellow.8'}>
              <Text span size="sm" fw={500}>
                Line {p.line}, {p.column}
                {p.value && ` “${p.value}”`}:
              </Text>{' '}
              <Text span size="sm" c="var(--mantine-color-text)">
                {p.message}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function PreviewCell({ value, errors, warnings }: { value: string; errors: ImportRowError[]; warnings: ImportRowError[] }) {
  const messages = [...errors, ...warnings].map((e) => e.message);
  const cell = (
    <Table.Td
      bg={errors.length ? ERROR_BG : warnings.length ? WARNING_BG : undefined}
      aria-invalid={errors.length > 0 || undefined}
      style={{ maxWidth: 260, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
    >
      {value || <Text span c="dimmed" size="sm">—</Text>}
    </Table.Td>
  );
  if (!messages.length) return cell;
  return (
    <Tooltip label={messages.join(' · ')} multiline maw={320} withArrow>
      {cell}
    </Tooltip>
  );
}
