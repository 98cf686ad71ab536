import { useMemo, useState } from 'react';
import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconPlus } from '@tabler/icons-react';
import { StageCategory, type DealSummary, type StageMappingList } from '@tandem/contracts';
import { errorMessage } from '../../../app/api-error.ts';
import { notifySuccess } from '../../../app/components/notify.ts';
import { usePhone } from '../../../app/use-phone.ts';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useSaveStageMapping } from '../hooks/use-deals.ts';
import { STATUS_LABELS } from './deal-bits.tsx';
import { StageCard, stageKey, StageRow, type Row } from './stage-mapping-rows.tsx';
import { formatCount, FormError } from '../../../app/kit/index.ts';
import { SaveBar } from './save-bar.tsx';
import { errorCount, newRowKey, problemRowErrors, type RowErrors } from './row-errors.ts';




const CATEGORY_ORDER: Record<StageCategory, number> = { open: 0, won: 1, lost: 2 };

/**
 * In pipeline order (open stages by probability, then won, then lost), so a row
 * stays where it was after saving even though the server lists overrides first.
 */
function rowsOf(list: StageMappingList): Row[] {
  const items = [...list.items].sort(
    (a, b) =>
      CATEGORY_ORDER[a.category] - CATEGORY_ORDER[b.category] ||
      (a.probability ?? 101) - (b.probability ?? 101) ||
      a.stage.localeCompare(b.stage),
  );
  return items.map((m) => ({
    key: `${m.builtIn ? 'b' : 's'}:${stageKey(m.stage)}`,
    stage: m.stage,
    category: m.category,
    probability: m.probability ?? '',
    builtIn: m.builtIn,
    unsaved: false,
  }));
}

/** What saving would send, to tell whether anything changed. */
const comparable = (rows: Row[]) => JSON.stringify(rows.map((r) => [r.stage, r.category, r.probability, r.builtIn]));

function validate(rows: Row[]): RowErrors {
  const errors: RowErrors = {};
  // Built-in stages come first, so a clash is reported on the row that can be edited.
  const seen = new Map<string, string>(rows.filter((r) => r.builtIn).map((r) => [stageKey(r.stage), r.stage]));
  for (const r of rows) {
    if (r.builtIn) continue;
    const e: Record<string, string> = {};
    const k = stageKey(r.stage);
    if (!k) e.stage = 'Enter a stage name with a letter or a digit';
    else if (seen.has(k)) e.stage = `Already in the list as “${seen.get(k)}” (case and punctuation do not count): change that row instead`;
    else seen.set(k, r.stage);
    if (r.probability !== '' && (!Number.isInteger(r.probability) || r.probability < 0 || r.probability > 100)) {
      e.probability = 'A whole number from 0 to 100';
    }
    if (Object.keys(e).length) errors[r.key] = e;
  }
  return errors;
}

/**
 * Which stages count as open, won or lost, and their default probability. Built-in
 * Salesforce and HubSpot stages apply unless changed; saving recomputes affected deals.
 */
export function StageMappingEditor({ data, stagesInUse }: { data: StageMappingList; stagesInUse: DealSummary['byStage'] }) {
  const ws = useWorkspace();
  const phone = usePhone();
  const saveMapping = useSaveStageMapping(ws.slug);
  const [rows, setRows] = useState<Row[]>(() => rowsOf(data));
  const [errors, setErrors] = useState<RowErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<number | null>(null);

  const pristine = useMemo(() => rowsOf(data), [data]);
  const dirty = comparable(rows) !== comparable(pristine);
  // The server's copy changed (saved here, or refetched): take it, unless edits are in progress.
  const [base, setBase] = useState(pristine);
  if (base !== pristine) {
    setBase(pristine);
    if (comparable(rows) === comparable(base)) setRows(pristine);
  }

  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const s of stagesInUse) m.set(stageKey(s.stage), (m.get(stageKey(s.stage)) ?? 0) + s.count);
    return m;
  }, [stagesInUse]);
  const mapped = new Set(rows.map((r) => stageKey(r.stage)));
  const unknown = data.unknownStages.filter((u) => !mapped.has(stageKey(u.stage)));

  function change(key: string, patch: Partial<Row>) {
    setRows((rs) =>
      rs.map((r) => {
        if (r.key !== key) return r;
        const next = { ...r, ...patch, builtIn: false };
        // Changed back to what the built-in says: it is the built-in again, not an override.
        const original = pristine.find((p) => p.key === key && p.builtIn);
        if (original && comparable([{ ...next, builtIn: true }]) === comparable([original])) next.builtIn = true;
        return next;
      }),
    );
    setErrors((e) => (e[key] ? { ...e, [key]: {} } : e));
    setResult(null);
  }
  function add(stage = '', category: StageCategory = 'open') {
    setRows((rs) => [{ key: newRowKey(), stage, category, probability: '', builtIn: false, unsaved: true }, ...rs]);
    setResult(null);
  }
  function remove(key: string) {
    setRows((rs) => rs.filter((r) => r.key !== key));
    setResult(null);
  }

  function discard() {
    setRows(pristine);
    setErrors({});
    setFormError(null);
  }

  async function save() {
    const found = validate(rows);
    setErrors(found);
    setFormError(errorCount(found) ? 'Fix the stages marked in red, then save again.' : null);
    if (errorCount(found)) return;
    const sent = rows.filter((r) => !r.builtIn);
    setSaving(true);
    try {
      const res = await saveMapping.mutateAsync({
        items: sent.map((r) => ({ stage: r.stage.trim(), category: r.category, probability: r.probability === '' ? null : r.probability })),
      });
      const saved: StageMappingList = { items: res.items, unknownStages: res.unknownStages };
      setRows(rowsOf(saved));
      setResult(res.recomputedDeals);
      notifySuccess(`${formatCount(res.recomputedDeals)} ${res.recomputedDeals === 1 ? 'deal' : 'deals'} recomputed.`, 'Stage mapping saved');
    } catch (err) {
      setErrors(problemRowErrors(err, sent.map((r) => r.key)));
      setFormError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  const rowProps = (r: Row) => ({
    row: r,
    deals: counts.get(stageKey(r.stage)) ?? 0,
    errors: errors[r.key] ?? {},
    onChange: (patch: Partial<Row>) => change(r.key, patch),
    onRemove: () => remove(r.key),
    slug: ws.slug,
  });

  return (
    <Stack gap="md">
      {unknown.length > 0 && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="Stages no mapping knows">
          <Stack gap="xs">
            <Text size="sm">These stages are in your deals but match no mapping, so their deals count as open. Map each one:</Text>
            {unknown.map((u) => (
              <Group key={u.stage} gap="xs" wrap="wrap">
                <Text size="sm" fw={600}>
                  {u.stage}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatCount(u.count)} {u.count === 1 ? 'deal' : 'deals'}
                </Text>
                <Group gap={4}>
                  {StageCategory.options.map((c) => (
                    <Button key={c} size="compact-xs" variant="white" onClick={() => add(u.stage, c)} aria-label={`Map ${u.stage} as ${STATUS_LABELS[c]}`}>
                      Map as {STATUS_LABELS[c].toLowerCase()}
                    </Button>
                  ))}
                </Group>
              </Group>
            ))}
          </Stack>
        </Alert>
      )}
      <FormError message={formError} />
      {result !== null && !dirty && (
        <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} role="status">
          Stage mapping saved. {formatCount(result)} {result === 1 ? 'deal was' : 'deals were'} recomputed.
        </Alert>
      )}
      <Group justify="space-between" align="flex-end" gap="sm">
        <Text size="sm" c="dimmed" maw={640} style={{ flex: '1 1 320px' }}>
          Stages are matched by name as your CRM spells them; case, spaces and punctuation do not matter. Built-in Salesforce and
          HubSpot stages apply until you change them. Probability is the default chance of closing for deals in the stage.
        </Text>
        <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => add()}>
          Add stage
        </Button>
      </Group>
      {phone ? (
        <Stack gap="xs">
          {rows.map((r) => (
            <StageCard key={r.key} {...rowProps(r)} />
          ))}
        </Stack>
      ) : (
        <Table verticalSpacing={6} aria-label="Stage mapping">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Stage</Table.Th>
              <Table.Th w={220}>Counts as</Table.Th>
              <Table.Th w={130}>Probability</Table.Th>
              <Table.Th w={80} ta="right">
                Deals
              </Table.Th>
              <Table.Th w={44} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <StageRow key={r.key} {...rowProps(r)} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      <SaveBar dirty={dirty} saving={saving} error={formError} label="Save stage mapping" onSave={() => void save()} onDiscard={discard} />
    </Stack>
  );
}
