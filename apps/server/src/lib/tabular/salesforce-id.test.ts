import { describe, expect, it } from 'vitest';
import { normalizeSalesforceId, salesforceIdSuffix } from './salesforce-id.ts';

describe('Salesforce ids', () => {
  it('adds the documented checksum suffix to a 15-character id', () => {
    // The example from Salesforce's own documentation.
    expect(normalizeSalesforceId('a0D30000001n7Pi')).toEqual({ ok: true, id: 'a0D30000001n7PiEAI' });
    expect(salesforceIdSuffix('0065G00000ABCDE')).toBe('QA5'); // uppercase at bit 4 of chunk 1, none, all five
    expect(salesforceIdSuffix('000000000000000')).toBe('AAA');
  });

  it('gives the 15- and 18-character forms of one record the same id', () => {
    const short = normalizeSalesforceId('0065g00000AbCdE');
    const long = normalizeSalesforceId('0065g00000AbCdEAAV');
    expect(short).toEqual(long);
    // Ids that differ only in case are different records, and stay different.
    expect(normalizeSalesforceId('0065g00000abcde')).not.toEqual(short);
  });

  it('accepts an 18-character id whose suffix was lower-cased, and trims spaces', () => {
    expect(normalizeSalesforceId(' a0D30000001n7PiEai')).toEqual({ ok: true, id: 'a0D30000001n7PiEAI' });
    expect(normalizeSalesforceId('a0D30000001n7Pieai ')).toEqual({ ok: true, id: 'a0D30000001n7PiEAI' });
  });

  it('refuses an 18-character id with a wrong suffix, saying what it should be', () => {
    const result = normalizeSalesforceId('a0D30000001n7PiAAA');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain('"a0D30000001n7PiAAA"');
    expect(!result.ok && result.message).toContain('should be "EAI"');
    // A spreadsheet that upper-cased the whole id breaks the checksum: it says so rather than merging records.
    expect(normalizeSalesforceId('A0D30000001N7PIEAI').ok).toBe(false);
  });

  it('refuses other lengths and characters, naming the value', () => {
    expect(normalizeSalesforceId('12345')).toEqual({
      ok: false,
      message: '"12345" is not a Salesforce id: it has 5 characters; Salesforce ids have 15 or 18',
    });
    expect(normalizeSalesforceId('0065g00000-bCdE')).toMatchObject({ ok: false, message: expect.stringContaining('only letters and digits') });
    expect(normalizeSalesforceId('')).toMatchObject({ ok: false, message: expect.stringContaining('0 characters') });
  });
});
