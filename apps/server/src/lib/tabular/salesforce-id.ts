/**
 * Salesforce record ids come in a case-sensitive 15-character form and an
 * 18-character form whose last three characters encode the case of the first
 * fifteen (so spreadsheets and case-insensitive tools cannot merge two ids).
 * Reports export either, so both are normalized to 18 to name the same deal.
 */

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

export type SalesforceIdResult = { ok: true; id: string } | { ok: false; message: string };

/** The three-character suffix for a 15-character id: one bit per uppercase letter, per 5-character chunk. */
export function salesforceIdSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET[bits];
  }
  return suffix;
}

/** A 15- or 18-character Salesforce id as its 18-character form, or why it is not one. */
export function normalizeSalesforceId(raw: string): SalesforceIdResult {
  const id = raw.trim();
  if (!/^[A-Za-z0-9]*$/.test(id)) {
    return { ok: false, message: `"${raw}" is not a Salesforce id: ids have only letters and digits` };
  }
  if (id.length === 15) return { ok: true, id: id + salesforceIdSuffix(id) };
  if (id.length === 18) {
    const expected = salesforceIdSuffix(id.slice(0, 15));
    // The suffix itself is case-insensitive (tools upper- or lower-case it); the first 15 characters are not.
    const given = id.slice(15).toUpperCase();
    if (given !== expected) {
      return {
        ok: false,
        message:
          `"${raw}" is not a valid Salesforce id: its last three characters should be "${expected}" for the first fifteen, ` +
          'not "' + id.slice(15) + '" (was the id retyped, or its letter case changed?)',
      };
    }
    return { ok: true, id: id.slice(0, 15) + expected };
  }
  return {
    ok: false,
    message: `"${raw}" is not a Salesforce id: it has ${id.length} characters; Salesforce ids have 15 or 18`,
  };
}
