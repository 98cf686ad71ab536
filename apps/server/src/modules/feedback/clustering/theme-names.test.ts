import { describe, expect, it } from 'vitest';
import { keywordLabel, looksEnglish, nameClusters, nameWeakness, stem } from './theme-names.ts';

/** Texts by group, and each group's members (in order, the first taken as the most central). */
function corpus(groups: Record<string, string[]>) {
  const texts: string[] = [];
  const members = Object.values(groups).map((g) => g.map((t) => texts.push(t) - 1));
  return { texts, groups: members.map((m, i) => ({ members: m, keyPhrases: Object.keys(groups)[i]!.split(', ') })) };
}

const FEEDBACK = {
  'sso, okta, login': [
    'Customer asked again about SSO login failures with Okta',
    'SSO login failures with Okta keep blocking their admins',
    'hi team, they mentioned SSO login failures with Okta since Monday',
    'Okta SSO login fails every morning',
    'SSO login via Okta broken for the whole EU team',
  ],
  'invoice, annual, billing': [
    'Procurement wants annual invoicing instead of monthly',
    'Can we get annual invoicing? Finance insists',
    'prospect asked for annual invoicing in EUR',
    'Annual invoicing is a must for the public sector deal',
  ],
  'export, csv, report': [
    'Reports should export to CSV',
    'They need CSV export of the pipeline report',
    'CSV export of reports is missing, they copy by hand',
    'Exporting a report to CSV fails with large data',
  ],
};

describe('nameClusters', () => {
  it('names each group with a short phrase its texts say, without reporting words', () => {
    const { texts, groups } = corpus(FEEDBACK);
    const names = nameClusters(texts, groups);
    expect(names.map((n) => n.source)).toEqual(['phrase', 'phrase', 'phrase']);
    expect(names[0]!.name).toBe('SSO login failures with Okta');
    expect(names[1]!.name).toBe('Annual invoicing');
    expect(names[2]!.name.toLowerCase()).toMatch(/csv export/);
    for (const { name } of names) {
      expect(name.split(' ').length).toBeGreaterThanOrEqual(2);
      expect(name.split(' ').length).toBeLessThanOrEqual(6);
      expect(name).not.toMatch(/\b(customer|asked|hi|team|mentioned|prospect|they)\b/i);
      expect(nameWeakness(name)).toBeNull();
    }
  });

  it('keeps the casing the texts use (SSO, Okta) and lowers a SHOUTED text', () => {
    const { texts, groups } = corpus({
      'refund, delay': ['REFUND DELAYS ARE KILLING US', 'refund delays for EU orders', 'Refund delays again this week', 'complained about refund delays'],
      'other': ['dark mode for the dashboard', 'dashboard dark mode please', 'a dark mode on the dashboard'],
    });
    expect(nameClusters(texts, groups).map((n) => n.name)).toEqual(['Refund delays', 'Dashboard dark mode']);
    const dbt = corpus({ dbt: ['dbt model docs in the catalog', 'Wants dbt model docs next to tables', 'dbt model docs missing'], other: ['dark mode', 'dark mode please', 'a dark mode'] });
    expect(nameClusters(dbt.texts, dbt.groups)[0]!.name).toBe('dbt model docs');
  });

  it('keeps a verb with its particle ("top up"), and never ends on "take" or starts after "how"', () => {
    const { texts, groups } = corpus({
      'top': ['I cannot top up my card', 'why did my top up fail', 'top up failed twice', 'top up keeps failing'],
      'transfer, long': ['how long does a bank transfer take', 'how long will the bank transfer take', 'bank transfer is slow, how long'],
    });
    const [topUp, transfer] = nameClusters(texts, groups).map((n) => n.name);
    expect(topUp).toMatch(/^Top up/);
    expect(transfer).toBe('Bank transfer');
  });

  it('passes over a name already taken for the next best phrase', () => {
    const { texts, groups } = corpus(FEEDBACK);
    const names = nameClusters(texts, groups, ['sso login failures with okta']);
    expect(names[0]!.name).not.toBe('SSO login failures with Okta');
    expect(names[0]!.name).toMatch(/SSO|Okta/);
  });

  it('falls back to the keyword label, which is weak, for texts not in English', () => {
    const { texts, groups } = corpus({
      'anmeldung, sso, okta': [
        'Die Anmeldung mit Okta funktioniert nicht',
        'Der Kunde kann sich nicht mit SSO anmelden',
        'Anmeldung über Okta ist seit gestern kaputt',
      ],
      'export, csv': ['CSV export of the pipeline report', 'export the report to CSV', 'the CSV export is broken'],
    });
    const names = nameClusters(texts, groups);
    expect(names[0]).toEqual({ name: 'Anmeldung, sso, okta', source: 'keywords' });
    expect(nameWeakness(names[0]!.name)?.code).toBe('keyword-list');
    expect(names[1]!.source).toBe('phrase');
    expect(looksEnglish(['Отчёт не выгружается в CSV'])).toBe(false);
  });
});

describe('nameWeakness', () => {
  it('calls weak: a keyword list, one content word, too long, a duplicate; and nothing else', () => {
    expect(nameWeakness('Api, rate, query')?.code).toBe('keyword-list');
    expect(nameWeakness('Refunds')?.code).toBe('too-few-words');
    expect(nameWeakness('The customer asked again')?.code).toBe('too-few-words');
    expect(nameWeakness('Race 12')?.code).toBe('too-few-words');
    expect(nameWeakness('Customers want to export every single report to CSV files')?.code).toBe('too-long');
    const dup = nameWeakness('Annual invoices', { themes: ['Annual invoicing'] });
    expect(dup).toMatchObject({ code: 'duplicate', message: expect.stringContaining('“Annual invoicing” already exists') });
    expect(nameWeakness('Annual invoicing', { suggestions: ['annual invoicing'] })?.code).toBe('duplicate');
    for (const good of ['SSO login failures with Okta', 'Annual invoicing', 'CSV export', 'Top up failed']) expect(nameWeakness(good)).toBeNull();
    for (const w of [nameWeakness('Api, rate, query'), nameWeakness('Refunds')]) expect(w!.message).toMatch(/^It /);
  });

  it('stems so that plural, -ing and -ed forms match', () => {
    expect(['failures', 'failing', 'failed', 'fails'].map(stem)).toEqual(['fail', 'fail', 'fail', 'fail']);
    expect(stem('arrival')).toBe(stem('arrived'));
    expect(stem('status')).toBe('status');
    expect(keywordLabel(['api', 'rate'], 'x')).toBe('Api, rate');
  });
});
