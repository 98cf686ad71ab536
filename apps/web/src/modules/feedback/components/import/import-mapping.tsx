import { Select, Stack, Table, Text } from '@mantine/core';
import { FEEDBACK_IMPORT_FIELDS, type FeedbackImportField, type FeedbackImportMapping, type FeedbackImportPreview } from '@tandem/contracts';
import { usePhone } from '../../../../app/use-phone.ts';
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
      .slice(0, 3)
      .join(' · ') || 'empty in the first rows';
  const picker = (column: string) => {
    const field = mapping[column] ?? null;
    return (
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
    );
  };

  if (phone) {
    // A table squeezes the pickers on a phone: one block per column instead.
    return (
      <Stack gap={0} role="list" aria-label="Columns of the file">
        {preview.columns.map((column) => (
          <Stack key={column} gap={6} py="sm" role="listitem" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
            <div>
              <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                {column}
              </Text>
              <Text size="xs" c="dimmed" lineClamp={1}>
                {samples(column)}
              </Text>
            </div>
            {picker(column)}
          </Stack>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" aria-label="Columns of the file">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Column in the file</Table.Th>
            <Table.Th>First values</Table.Th>
            <Table.Th w={260}>Imported as</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.columns.map((column) => (
            <Table.Tr key={column}>
              <Table.Td>
                <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {column}
                </Text>
              </Table.Td>
              <Table.Td maw={320}>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {samples(column)}
                </Text>
              </Table.Td>
              <Table.Td>{picker(column)}</Table.Td>
            </Table.Tr>
          ))}
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
