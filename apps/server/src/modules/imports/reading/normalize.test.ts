import { describe, expect, it } from 'vitest';
import { resolveColumns } from './formats.ts';
import { parseMappingFile } from './mapping-file.ts';
import { type FileDecisions, dealInputSchema, normalizeRecord } from './normalize.ts';
import type { RawRecord } from '../../../lib/tabular/record.ts';
import { StageResolver } from '../../deals/index.ts';

const SF_HEADERS = [
  'Opportunity ID',
  'Opportunity Name',
  'Account Name',
  'Amount Currency',
  'Amount',
  'Close Date',
  'Created Date',
  'Stage',
  'Probability (%)',
  'Opportunity Owner',
  'Type',
  'Lead Source',
  'Main Competitor(s)',
  'Product Name',
  'Loss Reason',
  'Next Step',
];

function decisions(over: Partial<FileDecisions> = {}, headers = SF_HEADERS): FileDecisions {
  return {
    columns: resolveColumns('salesforce', headers),
    dateFormat: 'MDY',
    decimal: { kind: 'file', separator: '.' },
    defaultCurrency: 'USD',
    stages: new StageResolver(),
    ...over,
  };
}

function record(line: number, values: Record<string, string>, extra: Partial<RawRecord> = {}): RawRecord {
  return { line, values, ...extra };
}

const ACME = {
  'Opportunity ID': '0065g00000AbCdE',
  'Opportunity Name': 'Acme - Platform',
  'Account Name': 'Acme Corp',
  'Amount Currency': 'USD',
  Amount: '$1,234,567.00',
  'Close Date': '12/31/2025',
  'Created Date': '10/2/2025 9:15 AM',
  Stage: 'Negotiation/Review',
  'Probability (%)': '80%',
  'Opportunity Owner': 'Dana Scully',
  Type: 'Existing Customer - Upgrade',
  'Lead Source': 'Web',
  'Main Competitor(s)': 'Globex;Initrode',
  'Product Name': 'Platform; Analytics',
  'Loss Reason': '',
  'Next Step': 'Send MSA',
};

describe('normalizeRecord', () => {
  it('turns a Salesforce row into a DealInput', () => {
    const result = normalizeRecord(record(2, ACME), decisions());
    expect(result).toEqual({
      ok: true,
      warnings: [],
      deal: {
        externalId: '0065g00000AbCdEAAV',
        name: 'Acme - Platform',
        account: 'Acme Corp',
        amount: '1234567.00',
        currency: 'USD',
        stage: 'Negotiation/Review',
        stageCategory: 'open',
        probability: 80,
        closeDate: '2025-12-31',
        createdDate: '2025-10-02T09:15:00',
        owner: 'Dana Scully',
        type: 'expansion',
        leadSource: 'Web',
        products: ['Platform', 'Analytics'],
        competitors: ['Globex', 'Initrode'],
        customFields: { 'Next Step': 'Send MSA' },
      },
    });
    expect(result.ok && dealInputSchema.safeParse(result.deal).success).toBe(true);
  });

  it('takes the stage default probability when the file gives none, and won/lost from the stage', () => {
    const won = normalizeRecord(record(3, { ...ACME, Stage: 'Closed Won', 'Probability (%)': '' }), decisions());
    expect(won.ok && [won.deal.stageCategory, won.deal.probability]).toEqual(['won', 100]);
  });

  it('derives a missing name from the account and products, else the external id', () => {
    const named = normalizeRecord(record(2, { ...ACME, 'Opportunity Name': '' }), decisions());
    expect(named.ok && named.deal.name).toBe('Acme Corp - Platform, Analytics');
    const bare = normalizeRecord(record(2, { 'Opportunity ID': '0065g00000AbCdE', Stage: 'Prospecting' }), decisions({}, ['Opportunity ID', 'Stage']));
    expect(bare.ok && bare.deal).toEqual({
      externalId: '0065g00000AbCdEAAV',
      name: '0065g00000AbCdEAAV',
      stage: 'Prospecting',
      stageCategory: 'open',
      probability: 10,
      products: [],
      competitors: [],
      customFields: {},
    });
  });

  it('keeps deals without an amount, with no currency invented for them', () => {
    const result = normalizeRecord(record(2, { ...ACME, Amount: '' }), decisions());
    expect(result.ok && 'amount' in result.deal).toBe(false);
    expect(result.ok && 'currency' in result.deal).toBe(false);
  });

  it('takes the currency from the currency column, else the cell, else the file default', () => {
    const fromCell = normalizeRecord(record(2, { ...ACME, 'Amount Currency': '', Amount: 'EUR 5.000,00' }), decisions());
    expect(fromCell.ok && [fromCell.deal.amount, fromCell.deal.currency]).toEqual(['5000.00', 'EUR']);
    const byDefault = normalizeRecord(record(2, { ...ACME, 'Amount Currency': '', Amount: '5000' }), decisions({ defaultCurrency: 'GBP' }));
    expect(byDefault.ok && byDefault.deal.currency).toBe('GBP');
    const dollar = normalizeRecord(record(2, { ...ACME, 'Amount Currency': 'cad', Amount: '$5,000.00' }), decisions());
    expect(dollar.ok && dollar.deal.currency).toBe('CAD');
  });

  it('refuses an amount whose currency disagrees with the currency column, naming both', () => {
    const result = normalizeRecord(record(4, { ...ACME, 'Amount Currency': 'USD', Amount: '€1.234,56' }), decisions());
    expect(result).toEqual({
      ok: false,
      warnings: [],
      errors: [{ line: 4, column: 'Amount', value: '€1.234,56', message: '"€1.234,56" is in EUR, but Amount Currency says USD' }],
    });
  });

  it('reads workbook number cells as plain decimals, whatever the file rule', () => {
    const rule = decisions({ decimal: { kind: 'file', separator: undefined } });
    const numeric = normalizeRecord(record(2, { ...ACME, Amount: '1234.567' }, { numeric: new Set(['Amount']) }), rule);
    expect(numeric.ok && numeric.deal.amount).toBe('1234.567');
    const text = normalizeRecord(record(2, { ...ACME, Amount: '1234.567' }), rule);
    expect(text.ok && text.deal.amount).toBe('1234.567');
    const grouped = normalizeRecord(record(2, { ...ACME, Amount: '1.234' }), rule);
    expect(grouped.ok && grouped.deal.amount).toBe('1234');
  });

  it('lists every problem of a row, each with its line, column and value', () => {
    const bad = {
      ...ACME,
      'Opportunity ID': '0065g00000AbCd',
      Amount: 'twelve',
      'Amount Currency': 'US Dollars',
      'Close Date': '31/12/2025',
      'Created Date': '12/31/25',
      'Probability (%)': '150',
      Stage: ' ',
    };
    const result = normalizeRecord(record(7, bad), decisions());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      { line: 7, column: 'Opportunity ID', value: '0065g00000AbCd', message: '"0065g00000AbCd" is not a Salesforce id: it has 14 characters; Salesforce ids have 15 or 18' },
      { line: 7, column: 'Stage', value: '', message: 'The stage is empty; every deal needs one' },
      { line: 7, column: 'Amount', value: 'twelve', message: '"twelve" is not an amount' },
      { line: 7, column: 'Probability (%)', value: '150', message: '"150" is not a probability (a percentage from 0 to 100)' },
      { line: 7, column: 'Close Date', value: '31/12/2025', message: '"31/12/2025" is not a valid month/day/year date, the order of this file\'s dates' },
      { line: 7, column: 'Created Date', value: '12/31/25', message: '"12/31/25" has a two-digit year; export dates with four-digit years (2025, not 25)' },
    ]);
  });

  it('names a bad currency code and an empty id', () => {
    const result = normalizeRecord(record(3, { ...ACME, 'Opportunity ID': '', 'Amount Currency': 'Dollars' }), decisions());
    expect(!result.ok && result.errors.map((e) => [e.column, e.value])).toEqual([
      ['Opportunity ID', ''],
      ['Amount Currency', 'Dollars'],
    ]);
  });

  it('reports the reader\'s problem with the row shape as one of its errors', () => {
    const problem = { column: 'Column 17', value: 'stray', message: 'The row has 17 cells but the header has 16 columns' };
    const result = normalizeRecord(record(9, ACME, { problem }), decisions());
    expect(!result.ok && result.errors).toEqual([{ line: 9, ...problem }]);
  });

  it('counts unknown stages only for rows that import, as open deals', () => {
    const stages = new StageResolver();
    const file = decisions({ stages });
    const ok = normalizeRecord(record(2, { ...ACME, Stage: 'Legal Review', 'Probability (%)': '' }), file);
    expect(ok.ok && [ok.deal.stageCategory, 'probability' in ok.deal]).toEqual(['open', false]);
    normalizeRecord(record(3, { ...ACME, Stage: 'Legal Review', Amount: 'bad' }), file);
    expect(stages.unknownStages()).toEqual([{ stage: 'Legal Review', count: 1 }]);
  });

  it('maps common type spellings and warns about an unknown one, keeping its text', () => {
    const types = ['New Customer', 'New Business', 'Existing Business', 'Upsell', 'Existing Customer - Renewal', 'renewal'].map((Type) => {
      const r = normalizeRecord(record(2, { ...ACME, Type }), decisions());
      return r.ok && r.deal.type;
    });
    expect(types).toEqual(['new_business', 'new_business', 'expansion', 'expansion', 'renewal', 'renewal']);
    const odd = normalizeRecord(record(5, { ...ACME, Type: 'Existing Customer - Downgrade' }), decisions());
    expect(odd.ok && odd.deal.type).toBeUndefined();
    expect(odd.ok && odd.deal.customFields.Type).toBe('Existing Customer - Downgrade');
    expect(odd.warnings).toEqual([
      {
        line: 5,
        column: 'Type',
        value: 'Existing Customer - Downgrade',
        message: '"Existing Customer - Downgrade" is not a deal type Tandem knows (new business, expansion, renewal); kept as a custom field',
      },
    ]);
  });

  it('keeps external ids as written outside Salesforce, and HubSpot reasons from either column', () => {
    const columns = resolveColumns('hubspot', ['Record ID', 'Deal Stage', 'Closed Lost Reason', 'Closed Won Reason']);
    const file = decisions({ columns });
    const won = normalizeRecord(record(2, { 'Record ID': ' 123 ', 'Deal Stage': 'closedwon', 'Closed Lost Reason': '', 'Closed Won Reason': 'Champion' }), file);
    expect(won.ok && [won.deal.externalId, won.deal.reason]).toEqual(['123', 'Champion']);
  });

  it('uses a mapping file\'s stages before the defaults', () => {
    const mapping = parseMappingFile(JSON.stringify({ fields: { externalId: 'Ref', stage: 'Phase' }, stages: { 'Won it': 'won', 'Closed Won': 'lost' } }));
    const file = decisions({ columns: resolveColumns('csv', ['Ref', 'Phase'], mapping), stages: new StageResolver(mapping.stages) });
    const deal = (Phase: string) => {
      const r = normalizeRecord(record(2, { Ref: 'D-1', Phase }), file);
      return r.ok && [r.deal.stageCategory, r.deal.probability];
    };
    expect(deal('Won it')).toEqual(['won', 100]);
    expect(deal('Closed Won')).toEqual(['lost', 0]);
  });
});

describe('dealInputSchema', () => {
  const deal = { externalId: 'x', name: 'x', stage: 's', stageCategory: 'open', products: [], competitors: [], customFields: {} };

  it('refuses an amount without a currency, and a float-looking amount', () => {
    expect(dealInputSchema.safeParse({ ...deal, amount: '10' }).error?.issues[0]).toMatchObject({ path: ['currency'], message: 'an amount needs a currency' });
    expect(dealInputSchema.safeParse({ ...deal, amount: '1e3', currency: 'USD' }).success).toBe(false);
    expect(dealInputSchema.safeParse({ ...deal, amount: '-10.50', currency: 'USD', createdDate: '2026-03-14T10:22:00' }).success).toBe(true);
  });
});
