import { describe, expect, it } from 'vitest';
import { chosenField, fieldOptions, fieldPerColumn, quoteColumns, requiredStatus, sampleValues, UNMAPPED, type FieldCatalogue } from './field-catalogue.ts';

type F = 'id' | 'deal' | 'date' | 'team';
const catalogue: FieldCatalogue<F> = {
  fields: [
    { value: 'id', label: 'Touchpoint id', required: true, several: true },
    { value: 'deal', label: 'Deal', required: true },
    { value: 'date', label: 'Date', hint: 'When it happened' },
    { value: 'team', label: 'Team' },
  ],
  group: 'Touchpoint fields',
  customFields: false,
};
const shape = fieldPerColumn(catalogue);

describe('the picker of a column mapping', () => {
  it('offers no field, then the required fields marked, then the others under the catalogue’s heading', () => {
    expect(fieldOptions(catalogue)).toEqual([
      { value: UNMAPPED, label: 'Not imported' },
      { group: 'Required', items: [{ value: 'id', label: 'Touchpoint id (required)' }, { value: 'deal', label: 'Deal (required)' }] },
      { group: 'Touchpoint fields', items: [{ value: 'date', label: 'Date' }, { value: 'team', label: 'Team' }] },
    ]);
  });

  it('says a column that fills nothing is kept as a custom field where the importer keeps them, and leaves out an empty group', () => {
    const custom = fieldOptions({ ...catalogue, customFields: true, fields: catalogue.fields.filter((f) => !f.required) });
    expect(custom).toEqual([
      { value: UNMAPPED, label: 'Custom field (kept as is)' },
      { group: 'Touchpoint fields', items: [{ value: 'date', label: 'Date' }, { value: 'team', label: 'Team' }] },
    ]);
  });

  it('reads a choice as a field of the catalogue, anything else as no field', () => {
    expect(chosenField(catalogue, 'deal')).toBe('deal');
    expect(chosenField(catalogue, UNMAPPED)).toBeNull();
    expect(chosenField(catalogue, null)).toBeNull();
    expect(chosenField(catalogue, 'amount')).toBeNull();
  });
});

describe('a column → field mapping', () => {
  it('gives a field to one column: choosing it for another takes it away from the first', () => {
    const m = shape.assign({ Opportunity: 'deal', When: 'date' }, 'Account', 'deal');
    expect(m).toEqual({ When: 'date', Account: 'deal' });
    expect(shape.fieldOf(m, 'Opportunity')).toBeNull();
    expect(shape.fieldOf(m, 'Account')).toBe('deal');
  });

  it('lets several columns make up a field that takes several', () => {
    const m = shape.assign({ 'Campaign ID': 'id', Opportunity: 'deal' }, 'Contact ID', 'id');
    expect(m).toEqual({ 'Campaign ID': 'id', Opportunity: 'deal', 'Contact ID': 'id' });
  });

  it('moves a column to another field, or to none', () => {
    expect(shape.assign({ Opportunity: 'deal', When: 'date' }, 'When', 'team')).toEqual({ Opportunity: 'deal', When: 'team' });
    expect(shape.assign({ Opportunity: 'deal', When: 'date' }, 'When', null)).toEqual({ Opportunity: 'deal' });
  });

  it('names each required field with the columns that fill it, in the file’s order', () => {
    const headers = ['Campaign ID', 'Opportunity', 'Contact ID'];
    const m = { 'Contact ID': 'id', 'Campaign ID': 'id' } as const;
    expect(requiredStatus(catalogue, headers, (h) => shape.fieldOf(m, h))).toEqual([
      { field: 'id', label: 'Touchpoint id', columns: ['Campaign ID', 'Contact ID'] },
      { field: 'deal', label: 'Deal', columns: [] },
    ]);
    expect(quoteColumns(['Campaign ID', 'Contact ID'])).toBe('“Campaign ID” + “Contact ID”');
  });
});

describe('sample values of a column', () => {
  it('are up to three distinct, trimmed, non-empty values from the first rows, long ones cut', () => {
    const rows = [{ A: ' x ' }, { A: 'x' }, { A: '' }, {}, { A: 'y' }, { A: 'z'.repeat(50) }, { A: 'w' }];
    expect(sampleValues(rows, 'A')).toBe(`x · y · ${'z'.repeat(40)}…`);
    expect(sampleValues(rows, 'B')).toBe('');
  });
});
