import { useId, useState } from 'react';
import { Button, Group, Stack, Text, Title, type TitleOrder } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { DataTable, type DataTableColumn } from './data-table.tsx';
import { formatCount } from './format.ts';

/** A line of an uploaded file that an import refused: where (line, and the column when known), the value, and why (the shape of the touchpoint import's). */
export interface RefusedLine {
  line: number;
  column?: string | null;
  value?: string | null;
  message: string;
}

export interface RefusedLinesProps {
  lines: readonly RefusedLine[];
  /** The heading over the table; the section and its table are named by it. */
  title: string;
  titleOrder?: TitleOrder;
  /** The uploaded file's name: the download is "<name>-refused-lines.csv". */
  fileName: string;
}

const PAGE = 50;

/**
 * Refused lines as a CSV the user opens beside the file: every cell quoted, CRLF line ends, and a cell a spreadsheet
 * would run as a formula (=, +, -, @, tab, CR) prefixed with a quote. Column and Value only when some line has one.
 */
export function refusedLinesCsv(lines: readonly RefusedLine[]): string {
  const located = lines.some((l) => l.column);
  const q = (v: string | number | null | undefined) => `"${String(v ?? '').replace(/^[=+\-@\t\r]/, "'$&").replace(/"/g, '""')}"`;
  const header = located ? 'Line,Column,Value,Problem' : 'Line,Problem';
  const row = (l: RefusedLine) => (located ? [l.line, l.column, l.value, l.message] : [l.line, l.message]).map(q).join(',');
  return [header, ...lines.map(row)].join('\r\n') + '\r\n';
}

function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${fileName.replace(/\.[^.]+$/, '') || 'import'}-refused-lines.csv`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Lines of an uploaded file with a problem each — where (line, and the column when known), the value, and why — as a
 * table (cards on a phone), the first 50 then more on demand. A line can have several problems. Used bare for an
 * import's warnings and refused rows when the server keeps the download, and inside `RefusedLines` otherwise.
 */
export function LineProblems({ lines, label }: { lines: readonly RefusedLine[]; label: string }) {
  const [shown, setShown] = useState(PAGE);
  const located = lines.some((l) => l.column);
  const columns: DataTableColumn<RefusedLine>[] = [
    { key: 'line', header: 'Line', headerProps: { w: 72 }, cell: (l) => l.line },
    ...(located
      ? [
          { key: 'column', header: 'Column', cell: (l: RefusedLine) => l.column ?? '—' },
          {
            key: 'value',
            header: 'Value',
            cell: (l: RefusedLine) => <span style={{ wordBreak: 'break-word' }}>{l.value || '(empty)'}</span>,
          },
        ]
      : []),
    { key: 'problem', header: 'Problem', cell: (l) => l.message },
  ];
  const visible = lines.slice(0, shown);
  const more = lines.length - visible.length;
  return (
    <Stack gap="sm">
      <DataTable
        aria-label={label}
        rows={visible}
        // A line can be refused for several reasons: the place in the list is the key.
        rowKey={(_, i) => String(i)}
        columns={columns}
        minWidth={520}
        verticalSpacing={6}
        renderCard={(l) => (
          <>
            <Text size="xs" c="dimmed">
              Line {l.line}
              {l.column ? ` · ${l.column}` : ''}
            </Text>
            {located && (
              <Text size="sm" style={{ wordBreak: 'break-word' }}>
                {l.value || '(empty)'}
              </Text>
            )}
            <Text size="sm">{l.message}</Text>
          </>
        )}
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

/** The lines an import refused under a heading, with all of them as CSV. */
export function RefusedLines({ lines, title, titleOrder = 2, fileName }: RefusedLinesProps) {
  const titleId = useId();
  if (lines.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" gap="xs">
        <Title order={titleOrder} size="h4" id={titleId}>
          {title}
        </Title>
        <Button variant="default" size="xs" leftSection={<IconDownload size={16} />} onClick={() => download(fileName, refusedLinesCsv(lines))}>
          Download the refused lines (CSV)
        </Button>
      </Group>
      <LineProblems lines={lines} label={title} />
    </Stack>
  );
}
