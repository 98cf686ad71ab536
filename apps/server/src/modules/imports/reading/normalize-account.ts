/**
 * One raw record of an accounts file → an AccountInput, or every problem the
 * row has, each naming its line, column (header) and value. Accounts need no
 * file-level decisions: they have no dates or amounts to read.
 */
import { domainToUnicode } from 'node:url';
import { type AccountInput, DOMAIN_PATTERN } from './account-input.ts';
import type { AccountColumnMap } from './account-formats.ts';
import type { AccountField } from './account-mapping-file.ts';
import type { RowError } from '../../../lib/tabular/tabular.errors.ts';
import type { RawRecord } from '../../../lib/tabular/record.ts';
import { normalizeSalesforceId } from '../../../lib/tabular/salesforce-id.ts';

export { type AccountInput, accountInputSchema } from './account-input.ts';

export type NormalizeAccountResult =
  | { ok: true; account: AccountInput; warnings: RowError[] }
  | { ok: false; errors: RowError[]; warnings: RowError[] };

interface Cell {
  column: string;
  value: string;
}

type Fail = (cell: Cell, message: string) => void;

export type DomainResult = { ok: true; domain: string } | { ok: false; message: string };

const EXAMPLE = 'a website or domain such as acme.com or https://www.acme.com';

/** The host of a website or domain: lowercase, no scheme, port, path or leading "www."; international names in Unicode. */
function hostOf(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const host = domainToUnicode(url.hostname).replace(/\.$/, '');
  return /^www\.[^.]+\./.test(host) ? host.slice(4) : host;
}

/** "https://www.Acme.com/about" → "acme.com"; anything that is not one website or domain → why, in words. */
export function normalizeDomain(raw: string): DomainResult {
  const value = raw.trim();
  const parts = value.split(/[\s,;|]+/).filter(Boolean);
  if (parts.length > 1 && parts.every((p) => normalizeDomain(p).ok)) {
    return { ok: false, message: `"${value}" holds more than one website; keep only the company's main one` };
  }
  if (value.includes('@')) return { ok: false, message: `"${value}" is an email address, not ${EXAMPLE}` };
  const host = hostOf(value);
  if (host && /^(\d+\.){3}\d+$|^\[/.test(host)) return { ok: false, message: `"${value}" is an IP address, not ${EXAMPLE}` };
  if (/^[\p{L}\p{N}-]+$/u.test(value) && DOMAIN_PATTERN.test(`${value.toLowerCase()}.com`)) {
    return { ok: false, message: `"${value}" is not a complete domain: it lacks an ending such as .com` };
  }
  const fits = host !== undefined && host.length <= 253 && DOMAIN_PATTERN.test(host) && host.split('.').every((l) => l.length <= 63);
  return fits ? { ok: true, domain: host } : { ok: false, message: `"${value}" is not ${EXAMPLE}` };
}

/** Digits without leading zeros, as text: no float rounding on the way. */
const plain = (digits: string) => digits.replace(/^0+(?=\d)/, '');

/** "1200", "1,200", "1.200", "1 200" → "1200": employee counts are whole numbers, so a separator before three digits groups them. */
function count(text: string): string | undefined {
  const t = text.trim();
  const digits = /^\d+$/.test(t) || /^\d{1,3}([,. \u00a0\u202f'’])\d{3}(?:\1\d{3})*$/.test(t);
  return digits ? plain(t.replace(/\D/g, '')) : undefined;
}

const SIZE_HELP = 'use a number of employees such as 250, or a range such as 51-200 or 10000+';

/** Employees as a count or a band with plain digits ("1,001 - 5,000" → "1001-5000"); a label such as "Enterprise" as written. */
function readSize(cell: Cell | undefined, numeric: boolean, fail: Fail): string | undefined {
  const value = cell?.value.trim();
  if (!cell || !value) return undefined;
  if (numeric) {
    // A workbook number cell: a plain decimal, no grouping to undo.
    if (/^\d+$/.test(value)) return plain(value);
    fail(cell, `"${value}" is not a whole number of employees`);
    return undefined;
  }
  const single = count(value);
  if (single) return single;
  const plus = /^(.+?)\s*\+$/.exec(value);
  const plusCount = plus && count(plus[1]!);
  if (plusCount) return `${plusCount}+`;
  const range = /^(.+?)\s*(?:-|–|—|\bto\b)\s*(.+)$/i.exec(value);
  const [low, high] = range ? [count(range[1]!), count(range[2]!)] : [];
  if (low && high) {
    if (Number(low) <= Number(high)) return `${low}-${high}`;
    fail(cell, `"${value}" is not a range of employees: the first number is larger than the second`);
    return undefined;
  }
  // Digits and separators that are none of the above ("12.5", "-3") are a mistake; words are a band's name.
  if (/^[\d\s.,'’+<>~–—-]+$/.test(value)) {
    fail(cell, `"${value}" is not a number of employees; ${SIZE_HELP}`);
    return undefined;
  }
  return value;
}

function readExternalId(cell: Cell, format: AccountColumnMap['format'], fail: Fail): string {
  const raw = cell.value.trim();
  if (!raw) fail(cell, 'The account id is empty; every account needs one, so that importing again updates it instead of adding it twice');
  else if (format === 'salesforce') {
    const id = normalizeSalesforceId(raw);
    if (id.ok) return id.id;
    fail(cell, id.message);
  }
  return raw;
}

export function normalizeAccountRecord(record: RawRecord, columns: AccountColumnMap): NormalizeAccountResult {
  const { line } = record;
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  const fail: Fail = (cell, message) => errors.push({ line, column: cell.column, value: cell.value, message });
  const valueOf = (h: string) => (record.values[h] ?? '').trim();
  // The first non-empty cell among a field's columns, else its first column with ""; filled cells not chosen stay as custom fields.
  const kept = new Set(columns.custom);
  const cell = (field: AccountField): Cell | undefined => {
    const headers = columns.fields[field];
    if (!headers?.length) return undefined;
    const filled = headers.filter((h) => valueOf(h) !== '');
    for (const h of filled.slice(1)) kept.add(h);
    const column = filled[0] ?? headers[0]!;
    return { column, value: record.values[column] ?? '' };
  };
  const textOf = (field: AccountField) => cell(field)?.value.trim() || undefined;

  if (record.problem) errors.push({ line, ...record.problem });
  const externalId = readExternalId(cell('externalId')!, columns.format, fail);
  const nameCell = cell('name')!;
  if (!nameCell.value.trim()) fail(nameCell, 'The account name is empty; every account needs one');
  const domainCell = cell('domain');
  const domain = domainCell?.value.trim() ? normalizeDomain(domainCell.value) : undefined;
  if (domainCell && domain && !domain.ok) fail(domainCell, domain.message);
  const sizeCell = cell('size');
  const size = readSize(sizeCell, !!sizeCell && !!record.numeric?.has(sizeCell.column), fail);
  const optional = { segment: textOf('segment'), industry: textOf('industry'), size, region: textOf('region'), owner: textOf('owner') };

  if (errors.length) return { ok: false, errors, warnings };

  const customFields: Record<string, string> = {};
  for (const h of Object.keys(record.values)) if (kept.has(h) && valueOf(h)) customFields[h] = valueOf(h);
  const account: AccountInput = { externalId, name: nameCell.value.trim(), domain: domain?.ok ? domain.domain : undefined, ...optional, customFields };
  // Absent, not undefined: the account compares and serializes the same whichever way it was built.
  for (const key of Object.keys(account) as (keyof AccountInput)[]) if (account[key] === undefined) delete account[key];
  return { ok: true, account, warnings };
}
