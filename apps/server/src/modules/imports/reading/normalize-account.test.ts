import { createReadStream, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveAccountColumns } from './account-formats.ts';
import { parseAccountMappingFile } from './account-mapping-file.ts';
import { openCsv } from '../../../lib/tabular/csv-source.ts';
import type { ImportFormat } from './formats.ts';
import type { RowError } from '../../../lib/tabular/tabular.errors.ts';
import { type AccountInput, accountInputSchema, normalizeAccountRecord, normalizeDomain } from './normalize-account.ts';
import type { RawRecord } from '../../../lib/tabular/record.ts';

const path = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

/** What the database stage will do: read the file once, resolve its columns, normalize every row. */
async function importAccounts(name: string, format: ImportFormat, mappingName?: string) {
  const source = await openCsv(createReadStream(path(name)));
  const mapping = mappingName ? parseAccountMappingFile(readFileSync(path(mappingName), 'utf8')) : undefined;
  const columns = resolveAccountColumns(format, source.headers, mapping);
  const accounts: (AccountInput & { line: number })[] = [];
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  for await (const record of source.records) {
    const result = normalizeAccountRecord(record, columns);
    warnings.push(...result.warnings);
    if (result.ok) accounts.push({ line: record.line, ...accountInputSchema.parse(result.account) });
    else errors.push(...result.errors);
  }
  return { accounts, errors, warnings };
}

describe('normalizeAccountRecord: fixtures', () => {
  it('reads a Salesforce account report: BOM, footer, 15- and 18-character ids, websites as domains, billing country as region', async () => {
    const { accounts, errors, warnings } = await importAccounts('salesforce-accounts.csv', 'salesforce');
    expect(accounts).toEqual([
      {
        line: 2,
        externalId: '0015g00000AbCdEAAV',
        name: 'Acme Corp',
        domain: 'acme.com',
        segment: 'Enterprise',
        industry: 'Technology',
        size: '1200',
        region: 'United States',
        owner: 'Dana Scully',
        // The state is not the region when a country is given, so it is kept.
        customFields: { Type: 'Customer - Direct', 'Annual Revenue': '$5,000,000.00', 'Billing State/Province': 'CA', 'Last Activity': '12/1/2025' },
      },
      {
        line: 3,
        externalId: '0015g00000XyZwQAAV',
        name: 'Initech',
        domain: 'initech.com',
        segment: 'Mid-Market',
        industry: 'Software',
        size: '250',
        region: 'United States',
        owner: 'Fox Mulder',
        customFields: { Type: 'Customer - Channel', 'Billing State/Province': 'TX' },
      },
      {
        line: 4,
        externalId: '0015g00000MnOpqAAF',
        name: 'Umbrella Ltd',
        domain: 'umbrella.co.uk',
        industry: 'Biotechnology',
        region: 'United Kingdom',
        owner: 'Dana Scully',
        customFields: { Type: 'Prospect', 'Annual Revenue': 'GBP 1,200,000.00' },
      },
      {
        line: 8, // the 18-character form of line 2's account
        externalId: '0015g00000AbCdEAAV',
        name: 'Acme Corp',
        domain: 'acme.com',
        segment: 'Enterprise',
        industry: 'Technology',
        size: '1200',
        region: 'United States',
        owner: 'Dana Scully',
        customFields: { Type: 'Customer - Direct', 'Billing State/Province': 'CA', 'Last Activity': '1/15/2026' },
      },
      { line: 9, externalId: '0015g00000QrStUAAV', name: 'Globex', segment: 'SMB', region: 'Ontario', owner: 'Walter Skinner', customFields: { Type: 'Partner' } },
    ]);
    expect(errors).toEqual([
      {
        line: 5,
        column: 'Website',
        value: 'tony@starkindustries.com',
        message: '"tony@starkindustries.com" is an email address, not a website or domain such as acme.com or https://www.acme.com',
      },
      { line: 6, column: 'Account Name', value: '', message: 'The account name is empty; every account needs one' },
      {
        line: 7,
        column: 'Account ID',
        value: '0015g00000BAD',
        message: '"0015g00000BAD" is not a Salesforce id: it has 13 characters; Salesforce ids have 15 or 18',
      },
      {
        line: 7,
        column: 'Employees',
        value: '12.5',
        message: '"12.5" is not a number of employees; use a number of employees such as 250, or a range such as 51-200 or 10000+',
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads a HubSpot companies export: the domain column first, else the website URL; ids as they are', async () => {
    const { accounts, errors } = await importAccounts('hubspot-companies.csv', 'hubspot');
    expect(accounts).toEqual([
      {
        line: 2,
        externalId: '5123456789',
        name: 'Northwind Traders',
        domain: 'northwind.com',
        industry: 'Retail',
        size: '500',
        region: 'United States',
        owner: 'Priya Patel',
        customFields: {
          'Website URL': 'https://www.northwind.com',
          'Annual Revenue': '25000000',
          'State/Region': 'WA',
          'Lifecycle Stage': 'Customer',
          'Create Date': '2025-01-10 09:12',
        },
      },
      {
        line: 3,
        externalId: '5123456790',
        name: 'Contoso',
        domain: 'contoso.de',
        industry: 'Computer Software',
        size: '10000',
        region: 'Germany',
        owner: "Liam O'Brien",
        customFields: { 'State/Region': 'Bavaria', 'Lifecycle Stage': 'Opportunity', 'Create Date': '2025-03-02 14:00' },
      },
      { line: 4, externalId: '5123456791', name: 'Fabrikam', domain: 'fabrikam.com', customFields: { 'Lifecycle Stage': 'Lead' } },
    ]);
    expect(errors).toEqual([
      { line: 5, column: 'Company name', value: '', message: 'The account name is empty; every account needs one' },
      { line: 6, column: 'Company Domain Name', value: 'litware', message: '"litware" is not a complete domain: it lacks an ending such as .com' },
      {
        line: 7,
        column: 'Record ID',
        value: '',
        message: 'The account id is empty; every account needs one, so that importing again updates it instead of adding it twice',
      },
    ]);
  });

  it('reads any CSV through its mapping: sizes as counts and ranges, international domains, unmapped columns as custom fields', async () => {
    const { accounts, errors } = await importAccounts('generic-accounts.csv', 'csv', 'generic-accounts.mapping.json');
    expect(accounts).toEqual([
      {
        line: 2,
        externalId: 'C-1001',
        name: 'Müller GmbH',
        domain: 'müller.de',
        segment: 'Mid-Market',
        industry: 'Manufacturing',
        size: '1200',
        region: 'DACH',
        owner: 'Anna Schmidt',
        customFields: { Notes: 'Key reference' },
      },
      {
        line: 3,
        externalId: 'C-1002',
        name: 'Dupont SA',
        domain: 'dupont.fr',
        segment: 'Enterprise',
        industry: 'Chemicals',
        size: '1001-5000',
        region: 'France',
        owner: 'Jean Martin',
        customFields: {},
      },
      {
        line: 4,
        externalId: 'C-1003',
        name: 'Rossi SpA',
        segment: 'SMB',
        industry: 'Retail',
        size: '10000+',
        region: 'Italy',
        customFields: { Notes: 'Prefers email, not calls' },
      },
      // A band named in words is kept as written.
      { line: 7, externalId: 'C-1006', name: 'Big Co', domain: 'bigco.com', segment: 'Enterprise', industry: 'Finance', size: 'Large', region: 'US East', owner: 'Fox Mulder', customFields: {} },
    ]);
    expect(errors).toEqual([
      { line: 5, column: 'Web', value: 'acme.com; acme.io', message: '"acme.com; acme.io" holds more than one website; keep only the company\'s main one' },
      {
        line: 6,
        column: 'Customer No',
        value: '',
        message: 'The account id is empty; every account needs one, so that importing again updates it instead of adding it twice',
      },
    ]);
  });
});

describe('normalizeDomain', () => {
  it.each([
    ['acme.com', 'acme.com'],
    ['  Acme.COM  ', 'acme.com'],
    ['https://www.acme.com/about?utm_source=x#team', 'acme.com'],
    ['http://ACME.com:8080', 'acme.com'],
    ['www.acme.com', 'acme.com'],
    ['acme.com.', 'acme.com'],
    ['HTTPS://Shop.Acme.co.uk/', 'shop.acme.co.uk'],
    ['www2.acme.com', 'www2.acme.com'],
    ['MÜNCHEN.de', 'münchen.de'],
    ['xn--mnchen-3ya.de', 'münchen.de'],
  ])('%j → %j', (raw, domain) => {
    expect(normalizeDomain(raw)).toEqual({ ok: true, domain });
  });

  it.each([
    ['litware', 'is not a complete domain: it lacks an ending such as .com'],
    ['www.com', 'is not a website or domain such as acme.com'],
    ['N/A', 'is not a website or domain such as acme.com'],
    ['acme .com', 'is not a website or domain such as acme.com'],
    ['acme..com', 'is not a website or domain such as acme.com'],
    ['ftp://acme.com', 'is not a website or domain such as acme.com'],
    ['https://', 'is not a website or domain such as acme.com'],
    ['sales@acme.com', 'is an email address, not a website or domain'],
    ['192.168.0.10', 'is an IP address, not a website or domain'],
    ['acme.com, acme.de', "holds more than one website; keep only the company's main one"],
  ])('refuses %j', (raw, message) => {
    const result = normalizeDomain(raw);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(new RegExp(`^${escape(`"${raw}" ${message}`)}`));
  });
});

describe('normalizeAccountRecord: cells', () => {
  const columns = resolveAccountColumns('salesforce', ['Account ID', 'Account Name', 'Website', 'Employees', 'Billing Country', 'Billing State/Province']);
  const row = (values: Record<string, string>, extra: Partial<RawRecord> = {}): RawRecord => ({
    line: 4,
    values: { 'Account ID': '0015g00000AbCdE', 'Account Name': 'Acme Corp', ...values },
    ...extra,
  });
  const size = (value: string, extra: Partial<RawRecord> = {}) => {
    const result = normalizeAccountRecord(row({ Employees: value }, extra), columns);
    return result.ok ? result.account.size : result.errors.map((e) => e.message);
  };

  it.each([
    ['250', '250'],
    ['0250', '250'],
    ['1,200', '1200'],
    ['1.200', '1200'],
    ['1 200', '1200'],
    ['51-200', '51-200'],
    ['1,001 – 5,000', '1001-5000'],
    ['201 to 500', '201-500'],
    ['10,001+', '10001+'],
    ['Enterprise', 'Enterprise'],
  ])('reads employees %j as %j', (value, expected) => {
    expect(size(value)).toBe(expected);
  });

  it('refuses employee counts that are not whole numbers or ranges', () => {
    expect(size('12.5')).toEqual(['"12.5" is not a number of employees; use a number of employees such as 250, or a range such as 51-200 or 10000+']);
    expect(size('-3')).toEqual(['"-3" is not a number of employees; use a number of employees such as 250, or a range such as 51-200 or 10000+']);
    expect(size('200-51')).toEqual(['"200-51" is not a range of employees: the first number is larger than the second']);
  });

  it('takes a workbook number cell as it is, with no grouping to undo', () => {
    const numeric = { numeric: new Set(['Employees']) };
    expect(size('1200', numeric)).toBe('1200');
    expect(size('1.234', numeric)).toEqual(['"1.234" is not a whole number of employees']);
  });

  it('uses the billing state as the region when the country is empty, and leaves empty cells out', () => {
    const result = normalizeAccountRecord(row({ Website: ' ', 'Billing Country': '', 'Billing State/Province': 'Ontario' }), columns);
    expect(result).toEqual({ ok: true, warnings: [], account: { externalId: '0015g00000AbCdEAAV', name: 'Acme Corp', region: 'Ontario', customFields: {} } });
  });

  it('reports every error of the row, the row shape first', () => {
    const problem = { column: 'Column 7', value: 'x', message: 'The row has 7 cells but the header has 6 columns' };
    const result = normalizeAccountRecord(row({ 'Account ID': ' ', 'Account Name': '', Website: 'not a site' }, { problem }), columns);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => [e.line, e.column, e.value])).toEqual([
      [4, 'Column 7', 'x'],
      [4, 'Account ID', ' '],
      [4, 'Account Name', ''],
      [4, 'Website', 'not a site'],
    ]);
  });
});

describe('accountInputSchema', () => {
  const account = { externalId: 'C-1', name: 'Acme', customFields: {} };

  it('accepts a normalized domain only', () => {
    expect(accountInputSchema.safeParse({ ...account, domain: 'shop.acme.co.uk' }).success).toBe(true);
    expect(accountInputSchema.safeParse({ ...account, domain: 'münchen.de' }).success).toBe(true);
    for (const domain of ['https://acme.com', 'www.acme.com', 'Acme.com', 'acme.com/about', 'acme']) {
      expect(accountInputSchema.safeParse({ ...account, domain }).success, domain).toBe(false);
    }
  });

  it('needs an id and a name', () => {
    expect(accountInputSchema.safeParse({ ...account, name: ' ' }).success).toBe(false);
    expect(accountInputSchema.safeParse({ ...account, externalId: '' }).success).toBe(false);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
