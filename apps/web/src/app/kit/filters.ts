/**
 * The DOM-free half of the FilterBar: date ranges as calendar days in the reader's time zone,
 * which filters are set, and the one-line summary shown on a phone.
 */
import { formatDay, utcDayStart, zonedDayStart } from './format.ts';

/** A From/To pair of calendar days ("2025-03-14"); '' when a side is not set. */
export interface DayRange {
  from: string;
  to: string;
}

export const EMPTY_DAY_RANGE: DayRange = { from: '', to: '' };

export const RANGE_ORDER_ERROR = '“To” must be on or after “From”';
export const INVALID_DAY_ERROR = 'Enter a date such as 2025-03-14';

export function isDay(value: string | null | undefined): value is string {
  return !!value && utcDayStart(value) !== undefined;
}

/** Problems with a range, by the field that shows them. Empty sides are fine: the range is open there. */
export function dayRangeErrors(
  range: DayRange,
  messages: { order?: string; invalid?: string } = {},
): { from?: string; to?: string } {
  const invalid = messages.invalid ?? INVALID_DAY_ERROR;
  const errors: { from?: string; to?: string } = {};
  if (range.from && !isDay(range.from)) errors.from = invalid;
  if (range.to && !isDay(range.to)) errors.to = invalid;
  if (!errors.from && !errors.to && range.from && range.to && range.from > range.to) errors.to = messages.order ?? RANGE_ORDER_ERROR;
  return errors;
}

/** The first problem with a range, or undefined when the range can be sent. */
export function dayRangeError(range: DayRange, messages?: { order?: string; invalid?: string }): string | undefined {
  const e = dayRangeErrors(range, messages);
  return e.from ?? e.to;
}

/**
 * A range of days as instants for APIs that filter timestamps: `from` is the start of the From day in
 * `timeZone`, `to` the start of the day after To (an exclusive bound, so all of To is included).
 * Null while the range has an error, so callers can hold the query back.
 */
export function dayRangeToInstants(range: DayRange, timeZone: string | undefined): { from?: string; to?: string } | null {
  if (dayRangeError(range)) return null;
  return {
    from: range.from ? zonedDayStart(range.from, timeZone) : undefined,
    to: range.to ? zonedDayStart(range.to, timeZone, true) : undefined,
  };
}

/** A range for APIs that take calendar days themselves (both ends inclusive, e.g. a deal's close date). */
export function dayRangeToDays(range: DayRange): { from?: string; to?: string } | null {
  if (dayRangeError(range)) return null;
  return { from: range.from || undefined, to: range.to || undefined };
}

/** "Mar 1, 2025 – Mar 31, 2025", "From Mar 1, 2025", "Until Mar 31, 2025"; null when open at both ends. */
export function describeDayRange(range: DayRange): string | null {
  if (range.from && range.to) return `${formatDay(range.from)} – ${formatDay(range.to)}`;
  if (range.from) return `From ${formatDay(range.from)}`;
  if (range.to) return `Until ${formatDay(range.to)}`;
  return null;
}

// ── Filter fields given as configuration ──────────────────────────────────────────────────────

export type FilterOption = string | { value: string; label: string };
export type FilterOptionData = readonly (FilterOption | { group: string; items: readonly FilterOption[] })[];

interface FieldBase {
  key: string;
  label: string;
  /** Width from Mantine's `sm` breakpoint up; full width on a phone. */
  width?: number;
  /** No visible label: `label` names the control for screen readers only (a bar of unlabelled controls, `labelled={false}`). */
  hideLabel?: boolean;
}

export interface SelectField extends FieldBase {
  type: 'select';
  value: string | null;
  onChange: (value: string | null) => void;
  data: FilterOptionData;
  placeholder?: string;
  searchable?: boolean;
  /** A value that means "no filter", e.g. 'all' in a select that cannot be emptied. */
  emptyValue?: string;
  nothingFoundMessage?: string;
}

export interface MultiSelectField extends FieldBase {
  type: 'multiSelect';
  value: string[];
  onChange: (value: string[]) => void;
  data: FilterOptionData;
  placeholder?: string;
}

export interface SearchField extends FieldBase {
  type: 'search';
  value: string;
  /** Called once typing pauses. */
  onChange: (value: string) => void;
  placeholder?: string;
  /** Default 300 ms. */
  debounceMs?: number;
  /** A named text filter (e.g. "Competitor") rather than the search: no search icon, and summarized as "Competitor: acme". */
  plain?: boolean;
}

export interface DateRangeField extends FieldBase {
  type: 'dateRange';
  value: DayRange;
  onChange: (value: DayRange) => void;
  fromLabel?: string;
  toLabel?: string;
  /** Replaces the default "“To” must be on or after “From”". */
  orderError?: string;
}

export type FilterField = SelectField | MultiSelectField | SearchField | DateRangeField;

export function optionLabel(data: FilterOptionData, value: string): string {
  for (const entry of data) {
    const options = typeof entry === 'object' && 'group' in entry ? entry.items : [entry];
    for (const o of options) {
      if (typeof o === 'string' ? o === value : o.value === value) return typeof o === 'string' ? o : o.label;
    }
  }
  return value;
}

export function isFieldActive(field: FilterField): boolean {
  switch (field.type) {
    case 'select':
      return field.value !== null && field.value !== '' && field.value !== field.emptyValue;
    case 'multiSelect':
      return field.value.length > 0;
    case 'search':
      return field.value.trim() !== '';
    case 'dateRange':
      return !!(field.value.from || field.value.to);
  }
}

/** The value that means "not filtering". */
export function clearedValue(field: FilterField): FilterField['value'] {
  switch (field.type) {
    case 'select':
      return field.emptyValue ?? null;
    case 'multiSelect':
      return [];
    case 'search':
      return '';
    case 'dateRange':
      return EMPTY_DAY_RANGE;
  }
}

/** How a set filter reads in the summary line: "Status: Open, Won", "“acme”", "Mar 1 – Mar 31, 2025". */
export function describeField(field: FilterField): string | null {
  if (!isFieldActive(field)) return null;
  switch (field.type) {
    case 'select':
      return `${field.label}: ${optionLabel(field.data, field.value!)}`;
    case 'multiSelect':
      return `${field.label}: ${field.value.map((v) => optionLabel(field.data, v)).join(', ')}`;
    case 'search':
      return field.plain ? `${field.label}: ${field.value.trim()}` : `“${field.value.trim()}”`;
    case 'dateRange':
      return `${field.label}: ${describeDayRange(field.value)}`;
  }
}

export function countActive(fields: readonly FilterField[]): number {
  return fields.filter(isFieldActive).length;
}

/** The phone's one line about what is filtered, e.g. "Status: Open · Owner: Dana · “acme”". */
export function filterSummary(parts: readonly (string | null | undefined | false)[]): string {
  return parts.filter((p): p is string => !!p).join(' · ');
}

export function summarizeFields(fields: readonly FilterField[]): string {
  return filterSummary(fields.map(describeField));
}
