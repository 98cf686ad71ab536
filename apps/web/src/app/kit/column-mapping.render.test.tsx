// The column mapping rendered to HTML (no DOM here): a picker per column named after it, the sample values, the
// required fields said above; or, without onChange, the fields as text.
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MantineProvider } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { ColumnMapping } from './column-mapping.tsx';
import { fieldPerColumn, type FieldCatalogue } from './field-catalogue.ts';

const catalogue: FieldCatalogue<'id' | 'deal' | 'date'> = {
  fields: [
    { value: 'id', label: 'Touchpoint id', required: true, several: true },
    { value: 'deal', label: 'Deal', required: true },
    { value: 'date', label: 'Date' },
  ],
  group: 'Touchpoint fields',
  customFields: false,
};
const headers = ['Campaign ID', 'Contact ID', 'Opportunity', 'Notes'];
const rows = [{ 'Campaign ID': 'C1', 'Contact ID': 'P1', Opportunity: 'Acme', Notes: '' }, { 'Campaign ID': 'C2', Opportunity: 'Acme' }];
const html = (node: ReactNode) => renderToStaticMarkup(<MantineProvider>{node}</MantineProvider>);

describe('ColumnMapping', () => {
  it('shows a picker per column with what it fills, and each required field with its columns or what is missing', () => {
    const out = html(
      <ColumnMapping catalogue={catalogue} shape={fieldPerColumn(catalogue)} mapping={{ 'Campaign ID': 'id', 'Contact ID': 'id' }} onChange={() => {}} headers={headers} rows={rows} />,
    );
    for (const h of headers) expect(out).toContain(`aria-label="Field for column ${h}"`);
    expect(out).toContain('value="Touchpoint id (required)"');
    expect(out).toContain('value="Not imported"');
    expect(out).toContain('Touchpoint id: “Campaign ID” + “Contact ID”');
    expect(out).toContain('Deal: choose a column');
    expect(out).toContain('C1 · C2');
  });

  it('without onChange shows the fields as the importer matched them, as text', () => {
    const out = html(<ColumnMapping catalogue={{ ...catalogue, customFields: true }} shape={{ fieldOf: (m: Record<string, string>, h) => m[h] ?? null }} mapping={{ Opportunity: 'deal', Notes: 'region' }} headers={headers} rows={rows} />);
    expect(out).not.toContain('Field for column');
    expect(out).toContain('>Deal<');
    expect(out).toContain('>region<');
    expect(out).toContain('>Custom field<');
  });
});
