import { useState, type ReactNode } from 'react';
import {
  Badge,
  Box,
  Button,
  Collapse,
  Group,
  MultiSelect,
  Select,
  Stack,
  Text,
  TextInput,
  type ComboboxData,
  type TextInputProps,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconSearch, IconX } from '@tabler/icons-react';
import { usePhone } from '../use-phone.ts';
import {
  clearedValue,
  countActive,
  dayRangeErrors,
  summarizeFields,
  type DateRangeField,
  type DayRange,
  type FilterField,
  type MultiSelectField,
  type SearchField,
  type SelectField,
} from './filters.ts';

export interface FilterBarProps {
  /** Filters given as configuration, shown in this order before `children`. */
  fields?: readonly FilterField[];
  /** Filters given as controls (FilterSelect, FilterDateRange… or any input). */
  children?: ReactNode;
  /** Shown first and never folded away on a phone, e.g. the search box. */
  pinned?: ReactNode;
  /** On a desktop `pinned` gets a line of its own above the filters, with "Clear filters" at its end (for an unlabelled search). */
  pinnedLine?: boolean;
  /** How many filters are set; add the ones given as children (fields count themselves). */
  activeCount?: number;
  /** "Clear filters". Default: every field back to its empty value. Needed for filters given as children. */
  onClear?: () => void;
  /** What the phone shows of the set filters. Default: made from the fields ("Status: Open · “acme”"). */
  summary?: string;
  /** On a phone the filters fold away behind a "Filters" button (the deal list and the inbox do this). */
  collapseOnPhone?: boolean;
  /** False when the controls have no visible labels, so "Clear filters" lines up with them. Default true. */
  labelled?: boolean;
  /** Overrides the phone check. */
  phone?: boolean;
}

/** One row of filters (wrapping on a phone), "Clear filters" while any is set, and a summary line on a phone. */
export function FilterBar({
  fields = [],
  children,
  pinned,
  pinnedLine = false,
  activeCount = 0,
  onClear,
  summary,
  collapseOnPhone = false,
  labelled = true,
  phone: phoneOverride,
}: FilterBarProps) {
  const isPhone = usePhone();
  const phone = phoneOverride ?? isPhone;
  const [open, setOpen] = useState(false);
  const active = countActive(fields) + activeCount;
  const clear =
    onClear ??
    (() => {
      for (const f of fields) (f.onChange as (v: FilterField['value']) => void)(clearedValue(f));
    });
  const clearButton = active > 0 && (
    <Button variant="subtle" leftSection={<IconX size={14} />} onClick={clear}>
      Clear filters
    </Button>
  );
  const ownLine = pinnedLine && !!pinned;
  const controls = (
    <Group gap="sm" align="flex-start" wrap="wrap">
      {!phone && !ownLine && pinned}
      {fields.map((f) => (
        <FilterFieldControl key={f.key} field={f} />
      ))}
      {children}
      {!phone && !ownLine && clearButton && <Box pt={labelled ? 25 : 0}>{clearButton}</Box>}
    </Group>
  );
  if (!phone && ownLine) {
    return (
      <Stack gap="sm">
        <Group gap="sm" wrap="wrap">
          {pinned}
          {clearButton && <Box ml="auto">{clearButton}</Box>}
        </Group>
        {controls}
      </Stack>
    );
  }
  if (!phone) return controls;

  const line = summary ?? summarizeFields(fields);
  const summaryLine = active > 0 && line && (
    <Text size="sm" c="dimmed" aria-live="polite">
      Filtered by {line}
    </Text>
  );
  if (!collapseOnPhone) {
    return (
      <Stack gap="sm">
        {pinned}
        {controls}
        {(summaryLine || clearButton) && (
          <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
            {summaryLine || <span />}
            {/* A long summary wraps; the button keeps its whole label. */}
            {clearButton && <Box style={{ flexShrink: 0 }}>{clearButton}</Box>}
          </Group>
        )}
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      {pinned}
      <Group justify="space-between">
        <Button
          variant="default"
          leftSection={<IconAdjustmentsHorizontal size={16} />}
          rightSection={
            active > 0 ? (
              <Badge size="sm" circle>
                {active}
              </Badge>
            ) : undefined
          }
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
        >
          Filters
        </Button>
        {clearButton}
      </Group>
      {!open && summaryLine}
      <Collapse expanded={open}>{controls}</Collapse>
    </Stack>
  );
}

function FilterFieldControl({ field }: { field: FilterField }) {
  switch (field.type) {
    case 'select':
      return <FilterSelect field={field} />;
    case 'multiSelect':
      return <FilterMultiSelect field={field} />;
    case 'search':
      return <FilterSearch field={field} />;
    case 'dateRange':
      return <FilterDateRange field={field} />;
  }
}

const width = (sm: number) => ({ base: '100%', sm });

/** The field's label, shown, or as `aria-label` only when the field hides it. */
const fieldLabel = (field: FilterField) => (field.hideLabel ? { 'aria-label': field.label } : { label: field.label });

export function FilterSelect({ field }: { field: SelectField }) {
  const deselect = field.emptyValue === undefined;
  return (
    <Select
      {...fieldLabel(field)}
      placeholder={field.placeholder}
      data={field.data as ComboboxData}
      value={field.value}
      onChange={(v) => field.onChange(v ?? field.emptyValue ?? null)}
      searchable={field.searchable}
      clearable={deselect}
      allowDeselect={deselect}
      nothingFoundMessage={field.nothingFoundMessage}
      w={width(field.width ?? 220)}
    />
  );
}

export function FilterMultiSelect({ field }: { field: MultiSelectField }) {
  return (
    <MultiSelect
      {...fieldLabel(field)}
      placeholder={field.value.length ? undefined : field.placeholder}
      data={field.data as ComboboxData}
      value={field.value}
      onChange={field.onChange}
      clearable
      w={width(field.width ?? 240)}
    />
  );
}

export function FilterSearch({ field }: { field: SearchField }) {
  return (
    <DebouncedTextInput
      {...fieldLabel(field)}
      placeholder={field.placeholder}
      leftSection={field.plain ? undefined : <IconSearch size={16} />}
      value={field.value}
      onCommit={field.onChange}
      delay={field.debounceMs}
      w={width(field.width ?? 260)}
    />
  );
}

/**
 * From/To as calendar days. The days mean the reader's time zone: turn them into instants with
 * `dayRangeToInstants(range, timeZone)` (or `dayRangeToDays` for APIs that take days).
 */
export function FilterDateRange({ field }: { field: DateRangeField }) {
  const { value, onChange } = field;
  const errors = dayRangeErrors(value, { order: field.orderError });
  const set = (patch: Partial<DayRange>) => onChange({ ...value, ...patch });
  return (
    <Group gap="sm" align="flex-start" wrap="nowrap" w={{ base: '100%', sm: 'auto' }} role="group" aria-label={field.label}>
      <TextInput
        label={field.fromLabel ?? 'From'}
        type="date"
        value={value.from}
        onChange={(e) => set({ from: e.currentTarget.value })}
        error={errors.from}
        w={{ base: 'calc(50% - 6px)', sm: field.width ?? 160 }}
      />
      <TextInput
        label={field.toLabel ?? 'To'}
        type="date"
        value={value.to}
        onChange={(e) => set({ to: e.currentTarget.value })}
        error={errors.to}
        w={{ base: 'calc(50% - 6px)', sm: field.width ?? 160 }}
      />
    </Group>
  );
}

type DebouncedTextInputProps = Omit<TextInputProps, 'value' | 'onChange'> & {
  value: string;
  /** Called once typing pauses. */
  onCommit: (value: string) => void;
  /** Default 300 ms. */
  delay?: number;
};

/** A text filter that commits once typing pauses, and follows its value when it changes elsewhere ("Clear filters", back). */
export function DebouncedTextInput({ value, onCommit, delay = 300, ...props }: DebouncedTextInputProps) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  const [sent, setSent] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value !== sent.trim()) setText(value);
  }
  const commit = useDebouncedCallback((t: string) => {
    setSent(t);
    onCommit(t);
  }, delay);
  return (
    <TextInput
      {...props}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        commit(e.currentTarget.value);
      }}
    />
  );
}
