import { Select, Table, Text } from '@mantine/core';
import { FEEDBACK_IMPORT_FIELDS, type FeedbackImportField, type FeedbackImportMapping, type FeedbackImportPreview } from '@tandem/contracts';
import { usePhone } from '../../../app/use-phone.ts';
import { assign, IMPORT_FIELD_HINTS, IMPORT_FIELD_LABELS } from './import-fields.ts';

const IGNORE = '__ignore__';
const FIELD_DATA = [
  { value: IGNORE, label: 'Don’t import' },
  ...FEEDBACK_IMPORT_FIELDS.map((f) => ({ value: f, label: IMPORT_FIELD_LABELS[f] })),
];

interface ImportMappingProps {
  preview: FeedbackImportPreview;
  mapping: FeedbackImportMapping;
  onChange: (mapping: FeedbackImportMapping) => void;
}

/** Which field each column fills, next to what the column holds. */
export function ImportMapping({ preview, mapping, onChange }: ImportMappingProps) {
  const phone = usePhone();
  const samples = (column: string) =>
    preview.rows
      .map((r) => r[column] ?? '')
      .filter(Boolean)
      .slice(0, 3);
  return (
    <Table.ScrollContainer minWidth={phone ? 0 : 640}>
      <Table verticalSpacing="xs" aria-label="Columns of the file">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Column in the file</Table.Th>
            {!phone && <Table.Th>First values</Table.Th>}
            <Table.Th w={phone ? 170 : 260}>Imported as</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.columns.map((column) => {
            const field = mapping[column] ?? null;
            return (
              <Table.Tr key={column}>
                <Table.Td>
                  <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                    {column}
                  </Text>
                  {phone && (
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {samples(column).join(' · ') || 'empty in the first rows'}
                    </Text>
                  )}
                </Table.Td>
                {!phone && (
                  <Table.Td maw={320}>
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {samples(column).join(' · ') || 'empty in the first rows'}
                    </Text>
                  </Table.Td>
                )}
                <Table.Td>
                  <Select
                    aria-label={`Field for ${column}`}
                    data={FIELD_DATA}
                    value={field ?? IGNORE}
                    allowDeselect={false}
                    onChange={(v) => onChange(assign(mapping, column, v && v !== IGNORE ? (v as FeedbackImportField) : null))}
                    description={field ? IMPORT_FIELD_HINTS[field] : undefined}
                    inputWrapperOrder={['input', 'description']}
                    size="sm"
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The first rows, columns that are imported only, as the fields they become. */
export function ImportRowsPreview({ preview, mapping }: { preview: FeedbackImportPreview; mapping: FeedbackImportMapping }) {
  const shown = preview.columns.filter((c) => mapping[c]);
  if (shown.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={Math.max(480, shown.length * 160)} maxHeight={360}>
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
