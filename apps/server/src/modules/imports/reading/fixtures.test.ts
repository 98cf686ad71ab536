/**
 * The building blocks together, on files shaped like real exports: read the
 * file once to decide (date order, decimal rule), a second time to normalize.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openCsv } from '../../../lib/tabular/csv-source.ts';
import { type DecisionOptions, scanFile } from './file-decisions.ts';
import { hubspotWorkbook } from './fixtures/hubspot-workbook.ts';
import { type ImportFormat, resolveColumns } from './formats.ts';
import { ImportFileError, type RowError } from '../../../lib/tabular/tabular.errors.ts';
import { parseMappingFile } from './mapping-file.ts';
import { type DealInput, dealInputSchema, normalizeRecord } from './normalize.ts';
import type { RecordSource } from '../../../lib/tabular/record.ts';
import { openXlsx } from '../../../lib/tabular/xlsx-source.ts';

const path = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

async function runImport(
  open: () => Promise<RecordSource>,
  format: ImportFormat,
  options: Partial<DecisionOptions> = {},
) {
  const first = await open();
  let file;
  try {
    const columns = resolveColumns(format, first.headers, options.mapping);
    file = await scanFile(first.records, columns, { baseCurrency: 'USD', ...options });
  } finally {
    await first.close();
  }
  const deals: (DealInput & { line: number })[] = [];
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  for await (const record of (await open()).records) {
    const result = normalizeRecord(record, file);
    warnings.push(...result.warnings);
    if (result.ok) deals.push({ line: record.line, ...dealInputSchema.parse(result.deal) });
    else errors.push(...result.errors);
  }
  return { file, deals, errors, warnings, unknownStages: file.stages.unknownStages() };
}

const csv = (name: string, format: ImportFormat, options?: Partial<DecisionOptions>) =>
  runImport(() => openCsv(createReadStream(path(name))), format, options);

async function refusal(run: () => Promise<unknown>): Promise<ImportFileError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof ImportFileError) return e;
    throw e;
  }
  throw new Error('expected the import to be refused');
}

describe('fixtures: Salesforce', () => {
  it('reads a US-locale export: BOM, footer, currency strings, multi-currency column, 15- and 18-character ids', async () => {
    const { file, deals, errors, warnings, unknownStages } = await csv('salesforce-mdy.csv', 'salesforce');
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(file.dateFormat).toBe('MDY');
    expect(deals.map((d) => [d.line, d.externalId, d.amount, d.currency, d.closeDate, d.stageCategory])).toEqual([
      [2, '0065g00000AbCdEAAV', '1234567.00', 'USD', '2025-12-31', 'open'],
      [3, '0065g00000XyZwQAAV', '1200.50', 'USD', '2026-01-15', 'won'],
      [4, '0065g00000MnOpqAAF', '48000.00', 'EUR', '2026-02-28', 'lost'],
      [5, '0065g00000kLmNoAAK', undefined, undefined, undefined, 'open'],
      [6, '0065g00000AbCdEAAV', '1250000.00', 'USD', '2025-12-31', 'open'], // the 18-character form of line 2's deal
      [7, '0065g00000TuVwXAAV', '12500.00', 'GBP', '2026-03-31', 'open'],
    ]);
    expect(deals[3]!.name).toBe('Stark Industries - Platform');
    expect(deals[0]).toMatchObject({
      probability: 75,
      type: 'new_business',
      products: ['Platform', 'Analytics'],
      competitors: ['Globex'],
      customFields: { 'Expected Revenue Currency': 'USD', 'Expected Revenue': '$925,925.25', 'Fiscal Period': 'Q4-2025', 'Forecast Category': 'Commit' },
    });
    expect(deals[2]).toMatchObject({ reason: 'Price', competitors: ['Initrode', 'Globex'], type: 'expansion' });
    expect(unknownStages).toEqual([{ stage: 'Discovery Call', count: 1 }]);
  });

  it('reads a European-locale export: day/month/year and comma decimals', async () => {
    const { file, deals, errors, warnings } = await csv('salesforce-dmy.csv', 'salesforce');
    expect(errors).toEqual([]);
    expect(file.dateFormat).toBe('DMY');
    expect(file.decimal).toEqual({ kind: 'file', separator: ',' });
    expect(deals.map((d) => [d.account, d.amount, d.closeDate, d.createdDate])).toEqual([
      ['Müller GmbH', '12500.00', '2025-12-31', '2025-10-02'],
      ['Dupont SA', '1234.56', '2026-01-15', '2025-11-03'],
      ['Rossi SpA', '980.5', '2026-02-05', '2025-12-20'],
    ]);
    expect(warnings.map((w) => [w.line, w.column, w.value])).toEqual([[2, 'Type', 'Neukunde']]);
  });

  it('stops on dates that fit both orders, quoting two rows, and imports with --date-format', async () => {
    const e = await refusal(() => csv('salesforce-ambiguous-dates.csv', 'salesforce'));
    expect(e.code).toBe('DEALS_IMPORT_AMBIGUOUS_DATES');
    expect(e.message).toContain('line 2, Close Date "01/02/2026" and line 3, Close Date "05/06/2026"');
    const { deals } = await csv('salesforce-ambiguous-dates.csv', 'salesforce', { dateFormat: 'DMY' });
    expect(deals.map((d) => d.closeDate)).toEqual(['2026-02-01', '2026-06-05', '2026-10-09']);
  });

  it('refuses a file without the id column, naming what is missing and what was found', async () => {
    const e = await refusal(() => csv('bad-missing-column.csv', 'salesforce'));
    expect(e.message).toBe(
      'This is not a Salesforce report export file, or it lacks required columns: "Opportunity ID", "Stage" not found. ' +
        'The file\'s columns are: "Opportunity Name", "Account Name", "Amount", "Close Date".',
    );
  });

  it('refuses malformed quotes, naming the line', async () => {
    const e = await refusal(() => csv('bad-quotes.csv', 'salesforce'));
    expect(e.message).toMatch(/^Line 3: a closing quote is followed by "B"/);
  });
});

describe('fixtures: HubSpot', () => {
  it('reads an export with stage labels; an unknown stage is open and reported', async () => {
    const { deals, errors, unknownStages } = await csv('hubspot-labels.csv', 'hubspot');
    expect(errors).toEqual([]);
    expect(deals.map((d) => [d.externalId, d.stageCategory, d.probability, d.amount])).toEqual([
      ['9876543210', 'open', 20, '15000'],
      ['9876543211', 'open', 80, '42000.5'],
      ['9876543212', 'won', 100, '7500'],
      ['9876543213', 'lost', 0, undefined],
      ['9876543214', 'open', undefined, '120000'],
    ]);
    expect(deals[0]).toMatchObject({ owner: 'Priya Patel', account: 'Northwind Traders', type: 'new_business', customFields: { Pipeline: 'Sales Pipeline', 'Campaign Code': 'SPRING26' } });
    expect(deals[3]).not.toHaveProperty('owner');
    expect(unknownStages).toEqual([{ stage: 'Legal Review', count: 1 }]);
  });

  it('reads an export with internal stage ids and dates with times', async () => {
    const { deals, errors, unknownStages } = await csv('hubspot-ids.csv', 'hubspot');
    expect(errors).toEqual([]);
    expect(unknownStages).toEqual([]);
    expect(deals.map((d) => d.stageCategory)).toEqual(['open', 'open', 'open', 'open', 'open', 'won', 'lost']);
    expect(deals[0]).toMatchObject({ closeDate: '2026-03-31', createdDate: '2026-03-14T10:22:00', account: 'Alpha LLC', owner: 'Priya Patel' });
    expect(deals[1]).toMatchObject({ amount: '3400.75', currency: 'EUR' });
  });

  it('refuses a HubSpot file given as Salesforce, naming the missing columns', async () => {
    const e = await refusal(() => csv('hubspot-labels.csv', 'salesforce'));
    expect(e.message).toContain('required columns: "Opportunity ID", "Stage" not found');
  });

  it('reads a HubSpot XLSX export the same way', async () => {
    const workbook = await hubspotWorkbook();
    const { deals, errors } = await runImport(() => openXlsx(Readable.from([workbook])), 'hubspot');
    expect(errors).toEqual([]);
    expect(deals).toEqual([
      expect.objectContaining({ line: 2, externalId: '9876543210', amount: '15000', closeDate: '2026-04-30', createdDate: '2026-03-14T10:22:00', stageCategory: 'open' }),
      expect.objectContaining({ line: 4, externalId: '9876543211', name: 'Contoso upsell', amount: '2500', createdDate: '2025-12-02T08:05:00', stageCategory: 'won' }),
    ]);
  });
});

describe('fixtures: any CSV with a mapping file', () => {
  it('reads a semicolon file with its mapping: stages, day/month/year, default currency, derived names', async () => {
    const mapping = parseMappingFile(readFileSync(path('generic.mapping.json'), 'utf8'), 'generic.mapping.json');
    const { file, deals, errors, unknownStages } = await csv('generic.csv', 'csv', { mapping });
    expect(errors).toEqual([]);
    expect(file.dateFormat).toBe('DMY');
    expect(deals.map((d) => [d.externalId, d.name, d.amount, d.currency, d.stageCategory, d.closeDate, d.type])).toEqual([
      ['D-1', 'Alpine AG - Core, Add-on', '1234.56', 'EUR', 'won', '2025-12-31', 'expansion'],
      ['D-2', 'Boreal Oy - Core', '12000.00', 'EUR', 'open', '2026-03-15', 'new_business'],
      ['D-3', 'Cobalt SA', undefined, undefined, 'lost', '2026-02-20', 'renewal'],
      ['D-4', 'D-4', '500', 'EUR', 'open', undefined, undefined],
    ]);
    expect(deals[0]).toMatchObject({ competitors: ['Rivalo'], reason: 'Better fit', owner: 'Eva Bauer', customFields: { Region: 'DACH' } });
    expect(deals[2]!.competitors).toEqual(['Rivalo', 'Other']);
    expect(unknownStages).toEqual([{ stage: 'Parked', count: 1 }]);
  });
});
