import { createReadStream, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveAccountColumns } from './account-formats.ts';
import { parseAccountMappingFile } from './account-mapping-file.ts';
import { openCsv } from '../../../lib/tabular/csv-source.ts';
import { ImportFileError } from '../../../lib/tabular/tabular.errors.ts';

const path = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

async function headersOf(name: string): Promise<readonly string[]> {
  const source = await openCsv(createReadStream(path(name)));
  await source.close();
  return source.headers;
}

function thrown(fn: () => unknown): ImportFileError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportFileError) return e;
    throw e;
  }
  throw new Error('expected an ImportFileError');
}

const mapping = () => parseAccountMappingFile(readFileSync(path('generic-accounts.mapping.json'), 'utf8'));

describe('resolveAccountColumns: Salesforce account report', () => {
  it('maps the report labels; country before state for the region; Type, Annual Revenue and the rest stay custom', async () => {
    const map = resolveAccountColumns('salesforce', await headersOf('salesforce-accounts.csv'));
    expect(map).toEqual({
      format: 'salesforce',
      fields: {
        externalId: ['Account ID'],
        name: ['Account Name'],
        domain: ['Website'],
        segment: ['Customer Segment'],
        industry: ['Industry'],
        size: ['Employees'],
        region: ['Billing Country', 'Billing State/Province'],
        owner: ['Account Owner'],
      },
      custom: ['Type', 'Annual Revenue', 'Last Activity'],
    });
  });

  it('matches labels whatever their case and spacing, Data Loader API names and a Segment__c field', () => {
    const map = resolveAccountColumns('salesforce', ['ID', 'NAME', 'Segment__c', 'NumberOfEmployees', 'BillingState', 'Billing Country/Region', 'Region__c']);
    expect(map.fields).toEqual({
      externalId: ['ID'],
      name: ['NAME'],
      segment: ['Segment__c'],
      size: ['NumberOfEmployees'],
      region: ['Region__c', 'Billing Country/Region', 'BillingState'],
    });
    expect(map.custom).toEqual([]);
  });

  it('refuses a HubSpot companies export given as Salesforce, naming the missing columns and the ones found', async () => {
    const headers = await headersOf('hubspot-companies.csv');
    const e = thrown(() => resolveAccountColumns('salesforce', headers));
    expect(e.code).toBe('DEALS_IMPORT_MISSING_COLUMNS');
    expect(e.message).toBe(
      'This is not a Salesforce account report export file, or it lacks required columns: "Account ID", "Account Name" not found. ' +
        'The file\'s columns are: "Record ID", "Company name", "Company Domain Name", "Website URL", "Industry", "Number of Employees", ' +
        '"Annual Revenue", "Country/Region", "State/Region", "Company owner", "Lifecycle Stage", "Create Date".',
    );
  });

  it('names only the column that is missing', () => {
    const e = thrown(() => resolveAccountColumns('salesforce', ['Account ID', 'Website']));
    expect(e.message).toMatch(/^This is not a Salesforce account report export file, or it lacks required columns: "Account Name" not found\./);
  });
});

describe('resolveAccountColumns: HubSpot companies export', () => {
  it('maps the export labels; the domain before the website URL, country before state; Lifecycle Stage stays custom', async () => {
    const map = resolveAccountColumns('hubspot', await headersOf('hubspot-companies.csv'));
    expect(map).toEqual({
      format: 'hubspot',
      fields: {
        externalId: ['Record ID'],
        name: ['Company name'],
        domain: ['Company Domain Name', 'Website URL'],
        industry: ['Industry'],
        size: ['Number of Employees'],
        region: ['Country/Region', 'State/Region'],
        owner: ['Company owner'],
      },
      custom: ['Annual Revenue', 'Lifecycle Stage', 'Create Date'],
    });
  });

  it('tolerates the variants portals use', () => {
    const map = resolveAccountColumns('hubspot', ['Company ID', 'Name', 'Website URL', 'Company Owner', 'hs_lastmodifieddate']);
    expect(map.fields).toEqual({ externalId: ['Company ID'], name: ['Name'], domain: ['Website URL'], owner: ['Company Owner'] });
    expect(map.custom).toEqual(['hs_lastmodifieddate']);
  });

  it('refuses a Salesforce account report given as HubSpot', async () => {
    const headers = await headersOf('salesforce-accounts.csv');
    expect(thrown(() => resolveAccountColumns('hubspot', headers)).message).toMatch(
      /^This is not a HubSpot companies export file, or it lacks required columns: "Record ID", "Company name" not found\. The file's columns are: "Account ID", /,
    );
  });
});

describe('resolveAccountColumns: any CSV with a mapping file', () => {
  it('maps the named columns; every other column is custom', async () => {
    const map = resolveAccountColumns('csv', await headersOf('generic-accounts.csv'), mapping());
    expect(map).toEqual({
      format: 'csv',
      fields: {
        externalId: ['Customer No'],
        name: ['Customer'],
        domain: ['Web'],
        segment: ['Tier'],
        industry: ['Sector'],
        size: ['Headcount'],
        region: ['Territory'],
        owner: ['AE'],
      },
      custom: ['Notes'],
    });
  });

  it('matches the mapping\'s names case-insensitively', () => {
    const map = resolveAccountColumns('csv', ['customer no', 'CUSTOMER', 'Extra'], parseAccountMappingFile('{"fields":{"externalId":"Customer No","name":"Customer"}}'));
    expect(map.fields).toEqual({ externalId: ['customer no'], name: ['CUSTOMER'] });
    expect(map.custom).toEqual(['Extra']);
  });

  it('refuses a mapping that names columns the file lacks', () => {
    const e = thrown(() => resolveAccountColumns('csv', ['Customer No', 'Customer', 'Web'], mapping()));
    expect(e.code).toBe('DEALS_IMPORT_MISSING_COLUMNS');
    expect(e.message).toBe(
      'The mapping file names columns this file does not have: "Tier", "Sector", "Headcount", "Territory", "AE". ' +
        'The file\'s columns are: "Customer No", "Customer", "Web".',
    );
  });

  it('needs a mapping file', () => {
    const e = thrown(() => resolveAccountColumns('csv', ['a']));
    expect(e.code).toBe('DEALS_IMPORT_BAD_MAPPING');
    expect(e.message).toContain('--map mapping.json');
  });
});

describe('parseAccountMappingFile', () => {
  it('reads the documented shape', () => {
    expect(mapping()).toEqual({
      fields: {
        externalId: 'Customer No',
        name: 'Customer',
        domain: 'Web',
        segment: 'Tier',
        industry: 'Sector',
        size: 'Headcount',
        region: 'Territory',
        owner: 'AE',
      },
    });
  });

  it.each([
    [{ fields: { externalId: 'Id' } }, 'fields.name: required'],
    [{ fields: { name: 'Name' } }, 'fields.externalId: required'],
    [{ fields: { externalId: 'Id', name: 'Name', stage: 'Stage' } }, 'fields.stage: unknown key'],
    [{ fields: { externalId: 'Id', name: 'Name', domian: 'Web' } }, 'fields.domian: unknown key'],
    [{ fields: { externalId: 'Id', name: 'Name' }, dateFormat: 'DMY' }, 'dateFormat: unknown key'],
    [{ fields: { externalId: 'Id', name: '  ' } }, 'fields.name: name a column of the file'],
    [{ fields: { externalId: 'Id', name: 'Name', size: 250 } }, 'fields.size: Invalid input: expected string'],
  ])('refuses %j, naming the path', (json, message) => {
    const e = thrown(() => parseAccountMappingFile(JSON.stringify(json), 'accounts.json'));
    expect(e.code).toBe('DEALS_IMPORT_BAD_MAPPING');
    expect(e.message).toContain('In accounts.json: ');
    expect(e.message).toContain(message);
  });

  it('says where broken JSON breaks', () => {
    expect(thrown(() => parseAccountMappingFile('{\n  "fields": {\n    "externalId": "Id"\n    "name": "Name"\n  }\n}')).message).toBe(
      'In the mapping file: it is not valid JSON at line 4, column 5.',
    );
  });
});
