import { useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import type { ImportRowError } from '@tandem/contracts';
import { DataTable, type DataTableColumn } from '../../../app/kit/index.ts';
import { formatCount } from './import-fields.ts';

const PAGE = 50;

const COLUMNS: DataTableColumn<ImportRowError>[] = [
  { key: 'line', header: 'Line', headerProps: { w: 80 }, cell: (p) => p.line },
  {
    key: 'column',
    header: 'Column',
    headerProps: { w: '18%' },
    cell: (p) => (
      <Text size="sm" truncate title={p.column}>
        {p.column}
      </Text>
    ),
  },
  {
    key: 'value',
    header: 'Value',
    headerProps: { w: '22%' },
    cell: (p) => (
      <Text size="sm" ff="monospace" truncate title={p.value}>
        {p.value || (
          <Text span c="dimmed" size="sm">
            (empty)
          </Text>
        )}
      </Text>
    ),
  },
  { key: 'problem', header: 'Problem', cell: (p) => <Text size="sm">{p.message}</Text> },
];

/** Rows the import refused or noted: where (line, column), the value, and why. */
export function RowProblems({ problems, label }: { problems: ImportRowError[]; label: string }) {
  const [shown, setShown] = useState(PAGE);
  const visible = problems.slice(0, shown);
  const more = problems.length - visible.length;

  return (
    <Stack gap="sm">
      <DataTable
        aria-label={label}
        rows={visible}
        // A line can have several problems, and the same one twice: the place in the list is the key.
        rowKey={(_, i) => String(i)}
        columns={COLUMNS}
        verticalSpacing={6}
        striped
        renderCard={(p) => <ProblemCard problem={p} />}
      />
      {more > 0 && (
        <Group justify="center">
          <Button variant="default" size="xs" onClick={() => setShown((n) => n + 200)}>
            Show {formatCount(Math.min(200, more))} more of {formatCount(more)}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function ProblemCard({ problem: p }: { problem: ImportRowError }) {
  return (
    <>
      <Text size="xs" c="dimmed">
        Line {p.line} · {p.column}
      </Text>
      {p.value && (
        <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {p.value}
        </Text>
      )}
      <Text size="sm">{p.message}</Text>
    </>
  );
}
