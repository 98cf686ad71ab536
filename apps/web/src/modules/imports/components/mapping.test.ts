import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '@tandem/contracts';
import { DEAL_CATALOGUE } from './import-fields.ts';
import { dealMappingShape, recognisedColumnsShape } from './mapping.ts';

describe('the deals import’s column mapping', () => {
  it('lists every deal field, Deal ID and Stage required, and keeps other columns as custom fields', () => {
    expect(DEAL_CATALOGUE.fields.filter((f) => f.required).map((f) => f.value)).toEqual(['externalId', 'stage']);
    expect(DEAL_CATALOGUE.fields.every((f) => f.label && f.hint)).toBe(true);
    expect(DEAL_CATALOGUE.customFields).toBe(true);
  });

  it('edits Other CSV’s field → column mapping: a field has one column, the stages and date order are kept', () => {
    const mapping = { fields: { externalId: 'Deal Ref', account: 'Customer' }, stages: { Signed: 'won' as const }, dateFormat: 'DMY' as const };
    const next = dealMappingShape.assign!(mapping, 'Customer', 'externalId');
    expect(next).toEqual({ fields: { externalId: 'Customer' }, stages: { Signed: 'won' }, dateFormat: 'DMY' });
    expect(dealMappingShape.fieldOf(next, 'Customer')).toBe('externalId');
    expect(dealMappingShape.fieldOf(next, 'Deal Ref')).toBeNull();
  });

  it('shows a recognised file’s columns as the server matched them, several for one field included, and cannot edit them', () => {
    const columns: ImportPreview['columns'] = [
      { header: 'Product', field: 'product' },
      { header: 'Product 2', field: 'product' },
      { header: 'Region', field: null },
    ];
    expect(['Product', 'Product 2', 'Region'].map((h) => recognisedColumnsShape.fieldOf(columns, h))).toEqual(['product', 'product', null]);
    expect(recognisedColumnsShape.assign).toBeUndefined();
  });
});
