import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { ActionIcon, Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCircleCheck, IconPlus, IconTrash } from '@tabler/icons-react';
import { ExchangeRate, type ExchangeRateList } from '@tandem/contracts';
import { errorMessage } from '../../../app/api-error.ts';
import { notifySuccess } from '../../../app/components/notify.ts';
import { useRequiredSession } from '../../../app/session.tsx';
import { usePhone } from '../../../app/use-phone.ts';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useSaveExchangeRates } from '../hooks/use-deals.ts';
import { formatCount, FormError, todayIn } from '../../../app/kit/index.ts';
import { SaveBar } from './save-bar.tsx';
import { errorCount, newRowKey, problemRowErrors, type RowErrors } from './row-errors.ts';

interface Row {
  key: string;
  currency: string;
  effectiveFrom: string;
  rate: string;
}

/** "1.0850000000" reads as "1.085"; the value is the same. */
const trimZeros = (rate: string) => (rate.includes('.') ? rate.replace(/0+$/, '').replace(/\.$/, '') : rate);
const rowsOf = (list: ExchangeRateList): Row[] =>
  list.items.map((r) => ({ key: `${r.currency}:${r.effectiveFrom}`, ...r, rate: trimZeros(r.rate) }));
const comparable = (rows: Row[]) => JSON.stringify(rows.map((r) => [r.currency, r.effectiveFrom, r.rate]));

function validate(rows: Row[], baseCurrency: string): RowErrors {
  const errors: RowErrors = {};
  const seen = new Set<string>();
  for (const r of rows) {
    const e: Record<string, string> = {};
    if (!r.currency) e.currency = 'Enter a currency code, e.g. EUR';
    if (!r.effectiveFrom) e.effectiveFrom = 'Pick the first day this rate applies';
    if (!r.rate) e.rate = 'Enter a rate';
    if (r.currency === baseCurrency) e.currency = `${baseCurrency} is the base currency; its rate is always 1`;
    const dup = `${r.currency} ${r.effectiveFrom}`;
    const parsed = ExchangeRate.safeParse(r);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) e[String(issue.path[0])] ??= issue.message;
    }
    if (seen.has(dup) && !e.effectiveFrom) e.effectiveFrom = `${r.currency} already has a rate from this day`;
    seen.add(dup);
    if (Object.keys(e).length) errors[r.key] = e;
  }
  return errors;
}

/** For each currency, the rate in effect today (the latest one that has started). */
function currentKeys(rows: Row[], today: string): Set<string> {
  const best = new Map<string, Row>();
  for (const r of rows) {
    if (!r.effectiveFrom || r.effectiveFrom > today) continue;
    const b = best.get(r.currency);
    if (!b || r.effectiveFrom > b.effectiveFrom) best.set(r.currency, r);
  }
  return new Set([...best.values()].map((r) => r.key));
}

/** Rates into the base currency by day; saving recomputes the base amount of affected deals. */
export function ExchangeRatesEditor({ data }: { data: ExchangeRateList }) {
  const ws = useWorkspace();
  const phone = usePhone();
  const saveRates = useSaveExchangeRates(ws.slug);
  const today = todayIn(useRequiredSession().user.timeZone);
  const base = data.baseCurrency;
  const [rows, setRows] = useState<Row[]>(() => rowsOf(data));
  const [errors, setErrors] = useState<RowErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<number | null>(null);

  const pristine = useMemo(() => rowsOf(data), [data]);
  const dirty = comparable(rows) !== comparable(pristine);
  const [seen, setSeen] = useState(pristine);
  if (seen !== pristine) {
    setSeen(pristine);
    if (comparable(rows) === comparable(seen)) setRows(pristine);
  }
  const current = currentKeys(rows, today);

  function change(key: string, patch: Partial<Row>) {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    setErrors((e) => (e[key] ? { ...e, [key]: {} } : e));
    setResult(null);
  }
  function add() {
    setRows((rs) => [...rs, { key: newRowKey(), currency: '', effectiveFrom: today, rate: '' }]);
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
    const found = validate(rows, base);
    setErrors(found);
    setFormError(errorCount(found) ? 'Fix the rates marked in red, then save again.' : null);
    if (errorCount(found)) return;
    setSaving(true);
    try {
      const res = await saveRates.mutateAsync({
        items: rows.map(({ currency, effectiveFrom, rate }) => ({ currency, effectiveFrom, rate: rate.trim() })),
      });
      const saved: ExchangeRateList = { baseCurrency: res.baseCurrency, items: res.items };
      setRows(rowsOf(saved));
      setResult(res.recomputedDeals);
      notifySuccess(`${formatCount(res.recomputedDeals)} ${res.recomputedDeals === 1 ? 'deal' : 'deals'} recomputed.`, 'Exchange rates saved');
    } catch (err) {
      setErrors(problemRowErrors(err, rows.map((r) => r.key)));
      setFormError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  const rowProps = (r: Row) => ({
    row: r,
    base,
    current: current.has(r.key),
    errors: errors[r.key] ?? {},
    onChange: (patch: Partial<Row>) => change(r.key, patch),
    onRemove: () => remove(r.key),
    labelled: phone,
  });

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Amounts are converted to <b>{base}</b>, the workspace’s base currency (
        <Anchor component={Link} to={`/w/${ws.slug}/settings`} size="sm">
          change it in Settings
        </Anchor>
        ). Each deal uses the rate in effect on its close date; deals that close before a currency’s first rate use that first rate.
      </Text>
      <FormError message={formError} />
      {result !== null && !dirty && (
        <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} role="status">
          Exchange rates saved. {formatCount(result)} {result === 1 ? 'deal was' : 'deals were'} recomputed.
        </Alert>
      )}
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No rates yet. Deals in other currencies than {base} have no {base} amount until you add one.
        </Text>
      ) : phone ? (
        <Stack gap="xs">
          {rows.map((r) => (
            <Paper key={r.key} withBorder radius="md" p="sm">
              <Stack gap={8}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <CurrencyField {...rowProps(r)} />
                  <RemoveRate {...rowProps(r)} />
                </Group>
                <DateField {...rowProps(r)} />
                <RateField {...rowProps(r)} />
              </Stack>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table verticalSpacing={6} aria-label="Exchange rates">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>Currency</Table.Th>
              <Table.Th w={190}>Effective from</Table.Th>
              <Table.Th>Rate</Table.Th>
              <Table.Th w={44} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>
                  <CurrencyField {...rowProps(r)} />
                </Table.Td>
                <Table.Td>
                  <DateField {...rowProps(r)} />
                </Table.Td>
                <Table.Td>
                  <RateField {...rowProps(r)} />
                </Table.Td>
                <Table.Td>
                  <RemoveRate {...rowProps(r)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        <Button variant="default" leftSection={<IconPlus size={16} />} onClick={add}>
          Add rate
        </Button>
      </Group>
      <SaveBar dirty={dirty} saving={saving} error={formError} label="Save exchange rates" onSave={() => void save()} onDiscard={discard} />
    </Stack>
  );
}

interface RateRowProps {
  row: Row;
  base: string;
  current: boolean;
  errors: Record<string, string>;
  onChange: (patch: Partial<Row>) => void;
  onRemove: () => void;
  /** Cards on a phone have no table header: each field carries its label. */
  labelled?: boolean;
}

function CurrencyField({ row, current, errors, onChange }: RateRowProps) {
  return (
    <TextInput
      size="xs"
      aria-label="Currency"
      placeholder="EUR"
      maxLength={3}
      value={row.currency}
      onChange={(e) => onChange({ currency: e.currentTarget.value.toUpperCase().replace(/[^A-Z]/g, '') })}
      error={errors.currency ?? errors._}
      w={130}
      rightSectionWidth={current ? 64 : undefined}
      rightSection={
        current ? (
          <Tooltip label="The rate in effect today" withArrow>
            <Badge size="xs" variant="light" color="teal" tt="none">
              Today
            </Badge>
          </Tooltip>
        ) : undefined
      }
    />
  );
}

function DateField({ row, errors, onChange, labelled }: RateRowProps) {
  return (
    <TextInput
      size="xs"
      type="date"
      label={labelled ? 'Effective from' : undefined}
      aria-label={labelled ? undefined : `Effective from (${row.currency || 'new rate'})`}
      value={row.effectiveFrom}
      onChange={(e) => onChange({ effectiveFrom: e.currentTarget.value })}
      error={errors.effectiveFrom}
      w={160}
    />
  );
}

function RateField({ row, base, errors, onChange, labelled }: RateRowProps) {
  const unit = (text: string) => (
    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
      {text}
    </Text>
  );
  return (
    <TextInput
      size="xs"
      label={labelled ? 'Rate' : undefined}
      aria-label={labelled ? undefined : `Rate of ${row.currency || 'new currency'} in ${base}`}
      inputMode="decimal"
      placeholder="1.085"
      value={row.rate}
      onChange={(e) => onChange({ rate: e.currentTarget.value.replace(',', '.') })}
      error={errors.rate}
      leftSection={unit(`1 ${row.currency || '…'} =`)}
      leftSectionWidth={68}
      rightSection={unit(base)}
      rightSectionWidth={44}
      w={230}
    />
  );
}

function RemoveRate({ row, onRemove }: RateRowProps) {
  return (
    <ActionIcon variant="subtle" color="gray" onClick={onRemove} aria-label={`Remove the ${row.currency || 'new'} rate from ${row.effectiveFrom || 'no date'}`}>
      <IconTrash size={16} />
    </ActionIcon>
  );
}
