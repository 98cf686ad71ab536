import { Link } from 'react-router-dom';
import { ActionIcon, Anchor, Badge, Group, NumberInput, Paper, SegmentedControl, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { StageCategory } from '@tandem/contracts';
import { STATUS_LABELS } from './deal-bits.tsx';
import { formatCount } from '../../../app/kit/index.ts';

/** One stage of the mapping editor, as it is being edited. */
export interface Row {
  key: string;
  stage: string;
  category: StageCategory;
  probability: number | '';
  /** A built-in stage nobody has changed: it applies without being saved. */
  builtIn: boolean;
  unsaved: boolean;
}

/** As the server matches stages: case, spaces and punctuation do not count. */
export const stageKey = (name: string) => name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

const CATEGORY_DATA = StageCategory.options.map((c) => ({ value: c, label: STATUS_LABELS[c] }));

export interface StageRowProps {
  row: Row;
  deals: number;
  errors: Record<string, string>;
  onChange: (patch: Partial<Row>) => void;
  onRemove: () => void;
  slug: string;
}

function StageName({ row, errors, onChange }: StageRowProps) {
  if (row.builtIn) {
    return (
      <Group gap={6} wrap="nowrap">
        <Text size="sm">{row.stage}</Text>
        <Tooltip label="A standard Salesforce or HubSpot stage. Change it here to override it for this workspace." withArrow multiline w={260}>
          <Badge size="xs" variant="light" color="gray" tt="none">
            Built-in
          </Badge>
        </Tooltip>
      </Group>
    );
  }
  return (
    <TextInput
      size="xs"
      aria-label="Stage name"
      placeholder="Stage name as your CRM spells it"
      value={row.stage}
      onChange={(e) => onChange({ stage: e.currentTarget.value })}
      error={errors.stage ?? errors._}
      rightSection={row.unsaved ? <Badge size="xs" variant="light">New</Badge> : undefined}
      rightSectionWidth={row.unsaved ? 48 : undefined}
    />
  );
}

function CategoryControl({ row, onChange }: StageRowProps) {
  return (
    <SegmentedControl
      size="xs"
      aria-label={`${row.stage || 'New stage'} counts as`}
      data={CATEGORY_DATA}
      value={row.category}
      onChange={(v) => onChange({ category: v as StageCategory })}
      color={row.category === 'won' ? 'teal' : row.category === 'lost' ? 'red' : 'blue'}
    />
  );
}

function ProbabilityInput({ row, errors, onChange }: StageRowProps) {
  return (
    <NumberInput
      size="xs"
      aria-label={`Probability of ${row.stage || 'new stage'}`}
      placeholder={row.category === 'won' ? '100' : row.category === 'lost' ? '0' : 'none'}
      value={row.probability}
      onChange={(v) => onChange({ probability: typeof v === 'number' ? v : v === '' ? '' : Number(v) })}
      min={0}
      max={100}
      allowDecimal={false}
      suffix="%"
      w={96}
      error={errors.probability}
    />
  );
}

function DealsLink({ row, deals, slug }: StageRowProps) {
  if (!deals) {
    return (
      <Text span size="sm" c="dimmed">
        0
      </Text>
    );
  }
  return (
    <Anchor component={Link} to={`/w/${slug}/deals?stage=${encodeURIComponent(row.stage)}`} size="sm">
      {formatCount(deals)}
    </Anchor>
  );
}

function RemoveButton({ row, onRemove }: StageRowProps) {
  if (row.builtIn) return null;
  return (
    <Tooltip label="Remove this mapping (a built-in stage of the same name applies again)" withArrow multiline w={220}>
      <ActionIcon variant="subtle" color="gray" onClick={onRemove} aria-label={`Remove ${row.stage || 'new stage'}`}>
        <IconTrash size={16} />
      </ActionIcon>
    </Tooltip>
  );
}

export function StageRow(props: StageRowProps) {
  return (
    <Table.Tr>
      <Table.Td>
        <StageName {...props} />
      </Table.Td>
      <Table.Td>
        <CategoryControl {...props} />
      </Table.Td>
      <Table.Td>
        <ProbabilityInput {...props} />
      </Table.Td>
      <Table.Td ta="right">
        <DealsLink {...props} />
      </Table.Td>
      <Table.Td>
        <RemoveButton {...props} />
      </Table.Td>
    </Table.Tr>
  );
}

export function StageCard(props: StageRowProps) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap={8}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div style={{ flex: 1, minWidth: 0 }}>
            <StageName {...props} />
          </div>
          <RemoveButton {...props} />
        </Group>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <CategoryControl {...props} />
          <ProbabilityInput {...props} />
        </Group>
        <Text size="xs" c="dimmed">
          Deals in this stage: <DealsLink {...props} />
        </Text>
      </Stack>
    </Paper>
  );
}
