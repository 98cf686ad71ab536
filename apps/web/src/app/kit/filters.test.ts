import { describe, expect, it, vi } from 'vitest';
import { formatDay } from './format.ts';
import {
  clearedValue,
  countActive,
  dayRangeError,
  dayRangeErrors,
  dayRangeToDays,
  dayRangeToInstants,
  describeDayRange,
  describeField,
  EMPTY_DAY_RANGE,
  filterSummary,
  INVALID_DAY_ERROR,
  isDay,
  isFieldActive,
  optionLabel,
  RANGE_ORDER_ERROR,
  summarizeFields,
  type FilterField,
} from './filters.ts';

describe('date ranges', () => {
  it('accepts open ends and a range of one day', () => {
    expect(dayRangeError(EMPTY_DAY_RANGE)).toBeUndefined();
    expect(dayRangeError({ from: '2025-03-01', to: '' })).toBeUndefined();
    expect(dayRangeError({ from: '', to: '2025-03-01' })).toBeUndefined();
    expect(dayRangeError({ from: '2025-03-01', to: '2025-03-01' })).toBeUndefined();
  });

  it('puts "To must be on or after From" on To when the range is backwards', () => {
    expect(dayRangeErrors({ from: '2025-03-02', to: '2025-03-01' })).toEqual({ to: RANGE_ORDER_ERROR });
    expect(RANGE_ORDER_ERROR).toBe('“To” must be on or after “From”');
    expect(dayRangeError({ from: '2025-12-31', to: '2025-02-01' }, { order: 'Before “from”' })).toBe('Before “from”');
    // Across years the text order is the calendar order.
    expect(dayRangeError({ from: '2024-12-31', to: '2025-01-01' })).toBeUndefined();
  });

  it('flags days that do not exist on their own side', () => {
    expect(dayRangeErrors({ from: '2025-02-30', to: '2025-03-01' })).toEqual({ from: INVALID_DAY_ERROR });
    expect(dayRangeErrors({ from: '2025-03-01', to: '03/04/2025' })).toEqual({ to: INVALID_DAY_ERROR });
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2025-02-29')).toBe(false);
    expect(isDay('')).toBe(false);
  });

  it('turns days into instants in the reader’s zone: From at its start, To up to the start of the next day', () => {
    expect(dayRangeToInstants({ from: '2025-03-30', to: '2025-03-30' }, 'Europe/Berlin')).toEqual({
      from: '2025-03-29T23:00:00.000Z',
      to: '2025-03-30T22:00:00.000Z',
    });
    expect(dayRangeToInstants({ from: '2025-11-01', to: '2025-11-02' }, 'America/New_York')).toEqual({
      from: '2025-11-01T04:00:00.000Z',
      to: '2025-11-03T05:00:00.000Z',
    });
    expect(dayRangeToInstants({ from: '', to: '2025-01-31' }, 'UTC')).toEqual({ from: undefined, to: '2025-02-01T00:00:00.000Z' });
    expect(dayRangeToInstants(EMPTY_DAY_RANGE, 'UTC')).toEqual({ from: undefined, to: undefined });
  });

  it('holds a backwards or broken range back (null) so no query runs on it', () => {
    expect(dayRangeToInstants({ from: '2025-03-02', to: '2025-03-01' }, 'UTC')).toBeNull();
    expect(dayRangeToInstants({ from: '2025-02-30', to: '' }, 'UTC')).toBeNull();
    expect(dayRangeToDays({ from: '2025-03-02', to: '2025-03-01' })).toBeNull();
    expect(dayRangeToDays({ from: '2025-03-01', to: '' })).toEqual({ from: '2025-03-01', to: undefined });
  });

  it('describes a range in words', () => {
    expect(describeDayRange({ from: '2025-03-01', to: '2025-03-31' })).toBe(`${formatDay('2025-03-01')} – ${formatDay('2025-03-31')}`);
    expect(describeDayRange({ from: '2025-03-01', to: '' })).toBe(`From ${formatDay('2025-03-01')}`);
    expect(describeDayRange({ from: '', to: '2025-03-31' })).toBe(`Until ${formatDay('2025-03-31')}`);
    expect(describeDayRange(EMPTY_DAY_RANGE)).toBeNull();
  });
});

describe('filter fields', () => {
  const noop = () => {};
  const fields: FilterField[] = [
    { type: 'select', key: 'action', label: 'Action', value: 'all', emptyValue: 'all', data: [{ value: 'all', label: 'All actions' }], onChange: noop },
    {
      type: 'select',
      key: 'stage',
      label: 'Stage',
      value: 'Negotiation',
      data: [{ group: 'Open', items: ['Discovery', 'Negotiation'] }],
      onChange: noop,
    },
    {
      type: 'multiSelect',
      key: 'status',
      label: 'Status',
      value: ['open', 'won'],
      data: [
        { value: 'open', label: 'Open' },
        { value: 'won', label: 'Won' },
        { value: 'lost', label: 'Lost' },
      ],
      onChange: noop,
    },
    { type: 'search', key: 'q', label: 'Search', value: '  acme ', onChange: noop },
    { type: 'dateRange', key: 'when', label: 'Heard', value: { from: '2025-03-01', to: '' }, onChange: noop },
  ];

  it('knows which are set', () => {
    expect(fields.map(isFieldActive)).toEqual([false, true, true, true, true]);
    expect(countActive(fields)).toBe(4);
    expect(isFieldActive({ type: 'search', key: 'q', label: 'Search', value: '   ', onChange: noop })).toBe(false);
    expect(isFieldActive({ type: 'select', key: 's', label: 'S', value: null, data: [], onChange: noop })).toBe(false);
  });

  it('summarises the set ones in one line with option labels', () => {
    expect(describeField(fields[0]!)).toBeNull();
    expect(describeField(fields[1]!)).toBe('Stage: Negotiation');
    expect(describeField(fields[2]!)).toBe('Status: Open, Won');
    expect(describeField(fields[3]!)).toBe('“acme”');
    expect(summarizeFields(fields)).toBe(`Stage: Negotiation · Status: Open, Won · “acme” · Heard: From ${formatDay('2025-03-01')}`);
    expect(filterSummary(['Owner: Dana', null, false, undefined, '', 'Q3'])).toBe('Owner: Dana · Q3');
  });

  it('clears each field to its empty value', () => {
    expect(fields.map(clearedValue)).toEqual(['all', null, [], '', EMPTY_DAY_RANGE]);
    const onChange = vi.fn();
    const f: FilterField = { type: 'multiSelect', key: 'k', label: 'K', value: ['a'], data: ['a'], onChange };
    (f.onChange as (v: unknown) => void)(clearedValue(f));
    expect(onChange).toHaveBeenCalledWith([]);
  });

  it('finds option labels in flat, object and grouped data, and falls back to the value', () => {
    expect(optionLabel(['a', 'b'], 'b')).toBe('b');
    expect(optionLabel([{ value: 'me', label: 'Me' }], 'me')).toBe('Me');
    expect(optionLabel([{ group: 'G', items: [{ value: 'x', label: 'Ex' }] }], 'x')).toBe('Ex');
    expect(optionLabel([], 'gone')).toBe('gone');
  });
});

describe('a plain text filter', () => {
  it('is summarized with its label, where the search is quoted', () => {
    const competitor: FilterField = { type: 'search', key: 'competitor', label: 'Competitor', value: ' Acme ', onChange: () => {}, plain: true };
    expect(isFieldActive(competitor)).toBe(true);
    expect(describeField(competitor)).toBe('Competitor: Acme');
    expect(describeField({ ...competitor, plain: false })).toBe('“Acme”');
    expect(clearedValue(competitor)).toBe('');
  });
});
