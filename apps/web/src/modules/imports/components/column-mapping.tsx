import { Badge, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { IconCheck, IconPoint } from '@tabler/icons-react';
import type { ImportMapping, ImportPreview } from '@tandem/contracts';
import { usePhone } from '../../../app/use-phone.ts';
import { DEAL_FIELDS, FIELD_HINTS, FIELD_LABELS, REQUIRED_FIELDS, fieldLabel, type DealField } from './import-fields.ts';
import { assignColumn, fieldOf } from './mapping.ts';

const CUSTOM = '__custom';

interface ColumnMappingProps {
  preview: ImportPreview;
  /** Other CSV: the mapping being edited; null for Salesforce and HubSpot, whose columns the server matches. */
  mapping: ImportMapping | null;
  onChange: (mapping: ImportMapping) => void;
}

/** Each column of the file and the deal field it fills. */
export function ColumnMapping({ preview, mapping, onChange }: ColumnMappingProps) {
  const phone = usePhone();
  const fieldFor = (header: string) => (mapping ? fieldOf(mapping, header) : (preview.columns.find((c) => c.header === header)?.field ?? null));
  const samples = (header: string) => sampleValues(preview, header);

  const columns = preview.headers.map((header) => ({ header, field: fieldFor(header), samples: samples(header) }));
  const control = (header: string, field: string | null) =>
    mapping ? (
      <FieldSelect header={header} field={field} mapping={mapping} onChange={(f) => onChange(assignColumn(mapping, header, f))} />
    ) : (
      <FieldText field={field} />
    );

  return (
    <Stack gap="sm">
      <RequiredFields fieldFor={(f) => (mapping ? (mapping.fields[f] ?? null) : (preview.columns.find((c) => c.field === f)?.header ?? null))} />
      {phone ? (
        <Stack gap="xs">
          {columns.map((c) => (
            <Paper key={c.header} withBorder radius="md" p="sm">
              <Stack gap={6}>
                <Text size="sm" fw={600} style={{ wordBreak: 'break-word' }}>
                  {c.header}
                </Text>
                {c.samples && (
                  <Text size="xs" c="dimmed" truncate>
                    e.g. {c.samples}
                  </Text>
                )}
                {control(c.header, c.field)}
              </Stack>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={6} layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="32%">Column in the file</Table.Th>
                <Table.Th>Sample values</Table.Th>
                <Table.Th w={280}>Imported as</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {columns.map((c) => (
                <Table.Tr key={c.header}>
                  <Table.Td>
                    <Text size="sm" fw={500} truncate title={c.header}>
                      {c.header}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" truncate title={c.samples}>
                      {c.samples || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>{control(c.header, c.field)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function RequiredFields({ fieldFor }: { fieldFor: (field: DealField) => string | null }) {
  return (
    <Group gap="xs">
      <Text size="sm" c="dimmed">
        Required:
      </Text>
      {REQUIRED_FIELDS.map((f) => {
        const header = fieldFor(f);
        return (
          <Badge
            key={f}
            variant="light"
            color={header ? 'teal' : 'red'}
            tt="none"
            size="lg"
            fw={500}
            leftSection={header ? <IconCheck size={14} /> : <IconPoint size={14} />}
          >
            {FIELD_LABELS[f]}: {header ? `“${header}”` : 'choose a column'}
          </Badge>
        );
      })}
    </Group>
  );
}

const OPTIONS = [
  { value: CUSTOM, label: 'Custom field (kept as is)' },
  { group: 'Required', items: REQUIRED_FIELDS.map((f) => ({ value: f, label: `${FIELD_LABELS[f]} (required)` })) },
  {
    group: 'Deal fields',
    items: DEAL_FIELDS.filter((f) => !REQUIRED_FIELDS.includes(f)).map((f) => ({ value: f, label: FIELD_LABELS[f] })),
  },
];

function FieldSelect({ header, field, mapping, onChange }: { header: string; field: string | null; mapping: ImportMapping; onChange: (field: string | null) => void }) {
  return (
    <Select<string>
      aria-label={`Field for column ${header}`}
      size="sm"
      data={OPTIONS}
      value={field ?? CUSTOM}
      allowDeselect={false}
      searchable
      maxDropdownHeight={320}
      onChange={(v) => onChange(!v || v === CUSTOM ? null : v)}
      renderOption={({ option }) => {
        const from = option.value !== CUSTOM ? mapping.fields[option.value] : undefined;
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {from && from !== header ? (
              <Text size="xs" c="dimmed">
                Now from “{from}”
              </Text>
            ) : option.value !== CUSTOM ? (
              <Text size="xs" c="dimmed">
                {FIELD_HINTS[option.value as DealField]}
              </Text>
            ) : null}
          </Stack>
        );
      }}
      styles={{ input: field ? { fontWeight: 500 } : { color: 'var(--mantine-color-dimmed)' } }}
    />
  );
}

function FieldText({ field }: { field: string | null }) {
  return field ? (
    <Text size="sm" fw={500}>
      {fieldLabel(field)}
    </Text>
  ) : (
    <Text size="sm" c="dimmed">
      Custom field
    </Text>
  );
}

/** A few distinct values of a column from the first rows, to recognise it by. */
function sampleValues(preview: ImportPreview, header: string): string {
  const seen = new Set<string>();
  for (const row of preview.rows) {
    const v = row.cells[header]?.trim();
    if (v) seen.add(v.length > 40 ? `${v.slice(0, 40)}…` : v);
    if (seen.size >= 3) break;
  }
  return [...seen].join(' · ');
}
