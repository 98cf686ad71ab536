import { Table, Text } from '@mantine/core';
import type { FeedbackImportMapping, FeedbackImportPreview } from '@tandem/contracts';
import { ColumnMapping } from '../../../../app/kit/index.ts';
import { FEEDBACK_CATALOGUE, IMPORT_FIELD_LABELS, feedbackMappingShape } from './import-fields.ts';

interface ImportMappingProps {
  preview: FeedbackImportPreview;
  mapping: FeedbackImportMapping;
  onChange: (mapping: FeedbackImportMapping) => void;
}

/** Which field each column fills, next to what the column holds: the kit's column mapping over the feedback fields. */
export function ImportMapping({ preview, mapping, onChange }: ImportMappingProps) {
  return (
    <ColumnMapping
      catalogue={FEEDBACK_CATALOGUE}
      shape={feedbackMappingShape}
      mapping={mapping}
      onChange={onChange}
      headers={preview.columns}
      rows={preview.rows}
    />
  );
}

/** The first rows, columns that are imported only, as the fields they become. */
export function ImportRowsPreview({ preview, mapping }: { preview: FeedbackImportPreview; mapping: FeedbackImportMapping }) {
  const shown = preview.columns.filter((c) => mapping[c]);
  if (shown.length === 0) return null;
  return (
    // Wider than a phone: the scrolling area takes the keyboard focus, so it can be scrolled without a mouse.
    <Table.ScrollContainer
      minWidth={Math.max(480, shown.length * 160)}
      maxHeight={360}
      scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': 'First rows, scrollable' } }}
    >
      <Table verticalSpacing={6} withTableBorder withColumnBorders stickyHeader fz="sm" aria-label="First rows of the file">
        <Table.Thead>
          <Table.Tr>
            {shown.map((c) => (
              <Table.Th key={c}>
                <Text size="sm" fw={600}>
                  {IMPORT_FIELD_LABELS[mapping[c]!]}
                </Text>
                <Text size="xs" c="dimmed" fw={400}>
                  {c}
                </Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.rows.slice(0, 5).map((row, i) => (
            <Table.Tr key={i}>
              {shown.map((c) => (
                <Table.Td key={c} maw={320}>
                  <Text size="sm" lineClamp={2}>
                    {row[c] || <Text span c="dimmed">—</Text>}
                  </Text>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
