import { describe, expect, it } from 'vitest';
import { resolveColumns } from './formats.ts';
import { ImportFileError } from '../../../lib/tabular/tabular.errors.ts';
import { parseMappingFile } from './mapping-file.ts';

const SALESFORCE = [
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
  'Next Step',
  'Fiscal Period',
  'Forecast Category',
  'Expected Revenue Currency',
  'Expected Revenue',
];
const HUBSPOT = ['Record ID', 'Deal Name', 'Deal Stage', 'Pipeline', 'Amount', 'Close Date', 'Create Date', 'Deal owner', 'Associated Company', 'Campaign'];

function thrown(fn: () => unknown): ImportFileError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportFileError) return e;
    throw e;
  }
  throw new Error('expected an ImportFileError');
}

describe('resolveColumns: Salesforce report export', () => {
  it('maps the report labels, pairs "X Currency" with "X", and keeps the rest as custom fields', () => {
    const map = resolveColumns('salesforce', SALESFORCE);
    expect(map.fields).toMatchObject({
      externalId: ['Opportunity ID'],
      name: ['Opportunity Name'],
      account: ['Account Name'],
      amount: ['Amount'],
      currency: ['Amount Currency'],
      closeDate: ['Close Date'],
      createdDate: ['Created Date'],
      stage: ['Stage'],
      probability: ['Probability (%)'],
      owner: ['Opportunity Owner'],
      type: ['Type'],
      leadSource: ['Lead Source'],
    });
    expect(map.currencyColumns).toEqual({ Amount: 'Amount Currency', 'Expected Revenue': 'Expected Revenue Currency' });
    expect(map.custom).toEqual(['Next Step', 'Fiscal Period', 'Forecast Category', 'Expected Revenue Currency', 'Expected Revenue']);
  });

  it('matches labels whatever their case and spacing, and Data Loader API names', () => {
    const map = resolveColumns('salesforce', ['OPPORTUNITY ID', 'stage name', 'CloseDate', 'probability']);
    expect(map.fields).toEqual({ externalId: ['OPPORTUNITY ID'], stage: ['stage name'], closeDate: ['CloseDate'], probability: ['probability'] });
  });

  it('refuses a HubSpot file given as Salesforce, naming the missing columns and the ones found', () => {
    const e = thrown(() => resolveColumns('salesforce', HUBSPOT));
    expect(e.code).toBe('DEALS_IMPORT_MISSING_COLUMNS');
    expect(e.message).toBe(
      'This is not a Salesforce report export file, or it lacks required columns: "Opportunity ID", "Stage" not found. ' +
        'The file\'s columns are: "Record ID", "Deal Name", "Deal Stage", "Pipeline", "Amount", "Close Date", "Create Date", "Deal owner", "Associated Company", "Campaign".',
    );
  });
});

describe('resolveColumns: HubSpot deals export', () => {
  it('maps the export labels; Pipeline and custom properties become custom fields', () => {
    const map = resolveColumns('hubspot', HUBSPOT);
    expect(map.fields).toEqual({
      externalId: ['Record ID'],
      name: ['Deal Name'],
      account: ['Associated Company'],
      amount: ['Amount'],
      stage: ['Deal Stage'],
      closeDate: ['Close Date'],
      createdDate: ['Create Date'],
      owner: ['Deal owner'],
    });
    expect(map.custom).toEqual(['Pipeline', 'Campaign']);
  });

  it('tolerates the variants portals use, and keeps both reason columns with lost first', () => {
    const map = resolveColumns('hubspot', ['Record ID', 'Deal Stage', 'Deal Owner', 'Create date', 'Associated Company (Primary)', 'Closed Won Reason', 'Closed Lost Reason']);
    expect(map.fields).toMatchObject({
      owner: ['Deal Owner'],
      createdDate: ['Create date'],
      account: ['Associated Company (Primary)'],
      reason: ['Closed Lost Reason', 'Closed Won Reason'],
    });
  });

  it('refuses a Salesforce file given as HubSpot', () => {
    expect(thrown(() => resolveColumns('hubspot', SALESFORCE)).message).toContain('required columns: "Record ID" not found');
  });
});

describe('resolveColumns: any CSV with a mapping file', () => {
  const mapping = parseMappingFile(JSON.stringify({ fields: { externalId: 'Deal Ref', stage: 'phase', amount: 'Value' }, currency: 'EUR' }));

  it('maps the named columns case-insensitively; every other column is custom', () => {
    const map = resolveColumns('csv', ['Deal Ref', 'Phase', 'Value', 'Value Currency', 'Region'], mapping);
    expect(map.fields).toEqual({ externalId: ['Deal Ref'], stage: ['Phase'], amount: ['Value'], currency: ['Value Currency'] });
    expect(map.custom).toEqual(['Region']);
  });

  it('refuses a mapping that names a column the file lacks', () => {
    const e = thrown(() => resolveColumns('csv', ['Deal Ref', 'Stage'], mapping));
    expect(e.message).toBe('The mapping file names columns this file does not have: "Value", "phase". The file\'s columns are: "Deal Ref", "Stage".');
  });

  it('needs a mapping file', () => {
    expect(thrown(() => resolveColumns('csv', ['a'])).message).toContain('--map mapping.json');
  });
});

describe('parseMappingFile', () => {
  it('reads the documented shape', () => {
    const text = JSON.stringify({
      fields: { externalId: 'Id', name: 'Title', stage: 'Phase', closeDate: 'Won On' },
      stages: { 'Won it': 'won', Dead: 'lost' },
      dateFormat: 'DMY',
      currency: 'EUR',
    });
    expect(parseMappingFile(text)).toEqual({
      fields: { externalId: 'Id', name: 'Title', stage: 'Phase', closeDate: 'Won On' },
      stages: { 'Won it': 'won', Dead: 'lost' },
      dateFormat: 'DMY',
      currency: 'EUR',
    });
  });

  it.each([
    [{ fields: { externalId: 'Id', stage: 'S', stag: 'x' } }, 'fields.stag: unknown key'],
    [{ fields: { externalId: 'Id', stage: 'S' }, colour: 'red' }, 'colour: unknown key'],
    [{ fields: { externalId: 'Id' } }, 'fields.stage: required'],
    [{ fields: { externalId: 'Id', stage: '  ' } }, 'fields.stage: name a column of the file'],
    [{ fields: { externalId: 'Id', stage: 'S' }, stages: { 'Closed - Won': 'win' } }, 'stages["Closed - Won"]: Invalid option: expected one of "open"|"won"|"lost"'],
    [{ fields: { externalId: 'Id', stage: 'S' }, dateFormat: 'DD/MM/YYYY' }, 'dateFormat: Invalid option'],
    [{ fields: { externalId: 'Id', stage: 'S' }, currency: 'EURO' }, 'currency: use an ISO 4217 currency code'],
  ])('refuses %j, naming the path', (json, message) => {
    const e = thrown(() => parseMappingFile(JSON.stringify(json), 'mapping.json'));
    expect(e.code).toBe('DEALS_IMPORT_BAD_MAPPING');
    expect(e.message).toContain('In mapping.json: ');
    expect(e.message).toContain(message);
  });

  it('says where broken JSON breaks', () => {
    expect(thrown(() => parseMappingFile('{\n  "fields": {\n    "externalId": "Id",\n  }\n}')).message).toBe(
      'In the mapping file: it is not valid JSON at line 4, column 3.',
    );
  });
});
