import { Link } from 'react-router-dom';
import { Alert, Anchor, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ImportMapping, ImportPreview, StageCategory, StageMappingList } from '@tandem/contracts';
import { usePhone } from '../../../app/use-phone.ts';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { plural } from './import-fields.ts';
import { assignStage, nameKey, stageChoice } from './mapping.ts';

const CATEGORY_LABELS: Record<StageCategory, string> = { open: 'Open', won: 'Won', lost: 'Lost' };
const CATEGORY_DATA = (['open', 'won', 'lost'] as const).map((c) => ({ value: c, label: CATEGORY_LABELS[c] }));

interface StageValuesProps {
  preview: ImportPreview;
  /** Other CSV: stages can be mapped for this file; else the workspace's mapping applies. */
  mapping: ImportMapping | null;
  onChange: (mapping: ImportMapping) => void;
  workspaceStages: StageMappingList | undefined;
}

interface StageValue {
  stage: string;
  rows: number;
  known: { category: StageCategory; builtIn: boolean } | undefined;
}

/** The stages in the first rows and whether each is known as open, won or lost. */
export function StageValues({ preview, mapping, onChange, workspaceStages }: StageValuesProps) {
  const ws = useWorkspace();
  const phone = usePhone();
  const header = mapping ? mapping.fields.stage : preview.columns.find((c) => c.field === 'stage')?.header;
  if (!header) return null;
  const values = stageValues(preview, header, mapping, workspaceStages);
  const settingsLink = ws.can('deals.settings') ? (
    <Anchor component={Link} to={`/w/${ws.slug}/settings/deals`} size="sm">
      stage settings
    </Anchor>
  ) : (
    'stage settings (an admin can change them)'
  );

  if (!mapping) {
    const unknown = values.filter((v) => !v.known);
    if (!unknown.length) return null;
    return (
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="Stages Tandem does not know yet">
        <Text size="sm">
          {unknown.map((v) => `“${v.stage}”`).join(', ')} {unknown.length === 1 ? 'is' : 'are'} not mapped to open, won or lost:
          these deals come in as open. Map them in {settingsLink}, before or after importing.
        </Text>
      </Alert>
    );
  }

  const placeholder = (v: StageValue) =>
    v.known ? `${CATEGORY_LABELS[v.known.category]} (${v.known.builtIn ? 'built-in' : 'workspace setting'})` : 'Not mapped: taken as open';
  const select = (v: StageValue) => (
    <Select
      aria-label={`Status of stage ${v.stage}`}
      size="sm"
      data={CATEGORY_DATA}
      value={stageChoice(mapping, v.stage)}
      placeholder={placeholder(v)}
      clearable
      onChange={(c) => onChange(assignStage(mapping, v.stage, c as StageCategory | null))}
      styles={v.known || stageChoice(mapping, v.stage) ? undefined : { input: { borderColor: 'var(--mantine-color-yellow-6)' } }}
    />
  );

  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        Stages in the first rows of “{header}”. Those left blank follow the workspace&apos;s {settingsLink}; a choice here
        applies to this source only.
      </Text>
      {phone ? (
        values.map((v) => (
          <Paper key={v.stage} withBorder radius="md" p="sm">
            <Group justify="space-between" mb={6}>
              <Text size="sm" fw={600}>
                {v.stage}
              </Text>
              <Text size="xs" c="dimmed">
                {v.rows ? plural(v.rows, 'row') : 'saved mapping'}
              </Text>
            </Group>
            {select(v)}
          </Paper>
        ))
      ) : (
        <Table verticalSpacing={6} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Stage in the file</Table.Th>
              <Table.Th w={160}>In the first rows</Table.Th>
              <Table.Th w={280}>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {values.map((v) => (
              <Table.Tr key={v.stage}>
                <Table.Td>
                  <Text size="sm" fw={500} truncate>
                    {v.stage}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {v.rows ? plural(v.rows, 'row') : '—'}
                  </Text>
                </Table.Td>
                <Table.Td>{select(v)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function stageValues(preview: ImportPreview, header: string, mapping: ImportMapping | null, workspace: StageMappingList | undefined): StageValue[] {
  const known = new Map((workspace?.items ?? []).map((s) => [nameKey(s.stage), { category: s.category, builtIn: s.builtIn }]));
  const byKey = new Map<string, StageValue>();
  for (const row of preview.rows) {
    const stage = row.cells[header]?.trim();
    if (!stage) continue;
    const key = nameKey(stage);
    const seen = byKey.get(key);
    if (seen) seen.rows++;
    else byKey.set(key, { stage, rows: 1, known: known.get(key) });
  }
  // Stages a remembered mapping names stay visible, even when the first rows do not have them.
  for (const stage of Object.keys(mapping?.stages ?? {})) {
    const key = nameKey(stage);
    if (!byKey.has(key)) byKey.set(key, { stage, rows: 0, known: known.get(key) });
  }
  return [...byKey.values()];
}
