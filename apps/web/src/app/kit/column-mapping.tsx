import { Badge, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { IconCheck, IconPoint } from '@tabler/icons-react';
import { usePhone } from '../use-phone.ts';
import {
  UNMAPPED,
  chosenField,
  columnsOf,
  fieldLabelIn,
  fieldOptions,
  quoteColumns,
  requiredStatus,
  sampleValues,
  unmappedLabels,
  type FieldCatalogue,
  type MappingShape,
} from './field-catalogue.ts';

export interface ColumnMappingProps<F extends string, M> {
  catalogue: FieldCatalogue<F>;
  shape: MappingShape<M, F>;
  mapping: M;
  /** Without it (or without `shape.assign`) the columns are shown as the importer matched them, not chosen. */
  onChange?: (mapping: M) => void;
  /** The file's columns, in its order. */
  headers: readonly string[];
  /** The first rows, cells by header: a few values of each column are shown beside it. */
  rows: readonly Readonly<Record<string, string | undefined>>[];
}

/** Each column of the file and the field it fills: a table, or a card per column on a phone; the required fields above. */
export function ColumnMapping<F extends string, M>({ catalogue, shape, mapping, onChange, headers, rows }: ColumnMappingProps<F, M>) {
  const phone = usePhone();
  const fieldOf = (header: string) => shape.fieldOf(mapping, header);
  const assign = shape.assign;
  const columns = headers.map((header) => ({ header, field: fieldOf(header), samples: sampleValues(rows, header) }));
  const control = (header: string, field: string | null) =>
    assign && onChange ? (
      <FieldSelect
        catalogue={catalogue}
        header={header}
        field={field}
        columnsOf={(f) => columnsOf(headers, fieldOf, f)}
        onChange={(f) => onChange(assign(mapping, header, f))}
      />
    ) : (
      <FieldText catalogue={catalogue} field={field} />
    );

  return (
    <Stack gap="sm">
      <RequiredFields status={requiredStatus(catalogue, headers, fieldOf)} />
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

function RequiredFields({ status }: { status: ReturnType<typeof requiredStatus> }) {
  return (
    <Group gap="xs">
      <Text size="sm" c="dimmed">
        Required:
      </Text>
      {status.map(({ field, label, columns }) => {
        const found = columns.length > 0;
        return (
          <Badge
            key={field}
            variant="light"
            color={found ? 'teal' : 'red'}
            tt="none"
            size="lg"
            fw={500}
            leftSection={found ? <IconCheck size={14} /> : <IconPoint size={14} />}
          >
            {label}: {found ? quoteColumns(columns) : 'choose a column'}
          </Badge>
        );
      })}
    </Group>
  );
}

interface FieldSelectProps<F extends string> {
  catalogue: FieldCatalogue<F>;
  header: string;
  field: string | null;
  columnsOf: (field: string) => string[];
  onChange: (field: F | null) => void;
}

function FieldSelect<F extends string>({ catalogue, header, field, columnsOf, onChange }: FieldSelectProps<F>) {
  return (
    <Select<string>
      aria-label={`Field for column ${header}`}
      size="sm"
      data={fieldOptions(catalogue)}
      value={field ?? UNMAPPED}
      allowDeselect={false}
      searchable
      maxDropdownHeight={320}
      onChange={(v) => onChange(chosenField(catalogue, v))}
      renderOption={({ option }) => {
        const known = catalogue.fields.find((f) => f.value === option.value);
        // Where the field comes from now, when another column fills it: choosing it here moves it (or, for a field
        // several columns make up, adds this one).
        const others = known ? columnsOf(known.value).filter((h) => h !== header) : [];
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {others.length > 0 ? (
              <Text size="xs" c="dimmed">
                {known?.several ? 'Also from' : 'Now from'} {quoteColumns(others)}
              </Text>
            ) : known?.hint ? (
              <Text size="xs" c="dimmed">
                {known.hint}
              </Text>
            ) : null}
          </Stack>
        );
      }}
      styles={{ input: field ? { fontWeight: 500 } : { color: 'var(--mantine-color-dimmed)' } }}
    />
  );
}

function FieldText({ catalogue, field }: { catalogue: FieldCatalogue; field: string | null }) {
  return field ? (
    <Text size="sm" fw={500}>
      {fieldLabelIn(catalogue, field)}
    </Text>
  ) : (
    <Text size="sm" c="dimmed">
      {unmappedLabels(catalogue).text}
    </Text>
  );
}
