/**
 * One raw record plus the file-level decisions (columns, date order, decimal
 * rule, default currency, stage mapping) → a DealInput, or every problem the row
 * has, each naming its line, column (header) and value.
 */
import { type CurrencyCode, isCurrencyCode, symbolFits } from './currency.ts';
import { type DateFormat, parseDate } from './dates.ts';
import type { DealInput } from './deal-input.ts';
import { dealType } from './deal-type.ts';
import type { ColumnMap } from './formats.ts';
import type { RowError } from './import.errors.ts';
import type { MappableField } from './mapping-file.ts';
import { type DecimalRule, parseMoney } from './money.ts';
import type { RawRecord } from './record.ts';
import { normalizeSalesforceId } from './salesforce-id.ts';
import type { StageResolver } from './stages.ts';

export { type DealInput, dealInputSchema } from './deal-input.ts';

export interface FileDecisions {
  columns: ColumnMap;
  dateFormat: DateFormat;
  decimal: DecimalRule;
  /** For amounts whose row names no currency: the mapping's `currency`, else the workspace's base currency. */
  defaultCurrency: CurrencyCode;
  stages: StageResolver;
}

export type NormalizeResult = { ok: true; deal: DealInput; warnings: RowError[] } | { ok: false; errors: RowError[]; warnings: RowError[] };

interface Cell {
  column: string;
  value: string;
}

type Fail = (cell: Cell, message: string) => void;

const NUMERIC: DecimalRule = { kind: 'explicit', separator: '.' };

/** Splits multi-value cells the way Salesforce and HubSpot export multi-select fields ("A;B"). */
const splitList = (value: string | undefined) => [...new Set((value ?? '').split(';').map((s) => s.trim()).filter(Boolean))];

/** Cell access for one record: the first non-empty cell among a field's columns, else the first column with "". */
function cellsOf(record: RawRecord, columns: ColumnMap) {
  return (field: MappableField): Cell | undefined => {
    const headers = columns.fields[field];
    if (!headers?.length) return undefined;
    for (const h of headers) if ((record.values[h] ?? '').trim() !== '') return { column: h, value: record.values[h]! };
    return { column: headers[0]!, value: '' };
  };
}

function readExternalId(cell: Cell, format: ColumnMap['format'], fail: Fail): string {
  const raw = cell.value.trim();
  if (!raw) fail(cell, 'The id is empty; every deal needs one, so that importing again updates it instead of adding it twice');
  else if (format === 'salesforce') {
    const id = normalizeSalesforceId(raw);
    if (id.ok) return id.id;
    fail(cell, id.message);
  }
  return raw;
}

/** "80", "80%", "12.5 %", "12,5": a percentage from 0 to 100. */
function readProbability(cell: Cell | undefined, fail: Fail): number | undefined {
  if (!cell?.value.trim()) return undefined;
  const m = /^(\d{1,3}(?:[.,]\d+)?)\s*%?$/.exec(cell.value.trim());
  const probability = m ? Number(m[1]!.replace(',', '.')) : NaN;
  if (probability >= 0 && probability <= 100) return probability;
  fail(cell, `"${cell.value}" is not a probability (a percentage from 0 to 100)`);
  return undefined;
}

export function normalizeRecord(record: RawRecord, file: FileDecisions): NormalizeResult {
  const { line } = record;
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  const fail: Fail = (cell, message) => errors.push({ line, column: cell.column, value: cell.value, message });
  const cell = cellsOf(record, file.columns);
  const textOf = (field: MappableField) => cell(field)?.value.trim() || undefined;
  const dateOf = (field: 'closeDate' | 'createdDate') => {
    const c = cell(field);
    const result = c && parseDate(c.value, file.dateFormat);
    if (c && result?.kind === 'error') fail(c, result.message);
    return result?.kind === 'date' ? result : undefined;
  };

  if (record.problem) errors.push({ line, ...record.problem });
  const externalId = readExternalId(cell('externalId')!, file.columns.format, fail);
  const stageCell = cell('stage')!;
  const stage = stageCell.value.trim();
  if (!stage) fail(stageCell, 'The stage is empty; every deal needs one');
  const money = readAmount(cell('amount'), cell('currency'), record, file, fail);
  const probability = readProbability(cell('probability'), fail);
  const closeDate = dateOf('closeDate')?.date;
  const created = dateOf('createdDate');

  const customFields: Record<string, string> = {};
  for (const h of file.columns.custom) if (record.values[h]?.trim()) customFields[h] = record.values[h].trim();
  const typeCell = cell('type');
  const type = typeCell?.value.trim() ? dealType(typeCell.value) : undefined;
  if (typeCell?.value.trim() && !type) {
    const value = typeCell.value.trim();
    warnings.push({ line, column: typeCell.column, value: typeCell.value, message: `"${value}" is not a deal type Tandem knows (new business, expansion, renewal); kept as a custom field` });
    customFields[typeCell.column] = value;
  }

  if (errors.length) return { ok: false, errors, warnings };

  // Resolved last, so that only rows that import count towards the unknown stages reported.
  const resolved = file.stages.resolve(stage);
  const account = textOf('account');
  const products = splitList(textOf('product'));
  const optional = { account, owner: textOf('owner'), leadSource: textOf('leadSource'), reason: textOf('reason'), closeDate, type };
  const deal: DealInput = {
    externalId,
    name: textOf('name') ?? ([account, products.join(', ')].filter(Boolean).join(' - ') || externalId),
    ...money,
    stage,
    stageCategory: resolved.category,
    probability: probability ?? resolved.probability,
    createdDate: created && (created.timestamp ?? created.date),
    ...optional,
    products,
    competitors: splitList(textOf('competitor')),
    customFields,
  };
  // Absent, not undefined: the deal compares and serializes the same whichever way it was built.
  for (const key of Object.keys(deal) as (keyof DealInput)[]) if (deal[key] === undefined) delete deal[key];
  return { ok: true, deal, warnings };
}

/** The amount and its currency: the currency column, else a code or symbol in the cell, else the file's default. */
function readAmount(
  amountCell: Cell | undefined,
  currencyCell: Cell | undefined,
  record: RawRecord,
  file: FileDecisions,
  fail: Fail,
): { amount?: string; currency?: string } {
  if (!amountCell) return {};
  const rule = record.numeric?.has(amountCell.column) ? NUMERIC : file.decimal;
  const money = parseMoney(amountCell.value, rule);
  if (money.kind === 'error') {
    fail(amountCell, money.message);
    return {};
  }
  if (money.kind === 'missing') return {};
  let currency: string | undefined;
  const code = currencyCell?.value.trim().toUpperCase();
  if (currencyCell && code) {
    if (isCurrencyCode(code)) currency = code;
    else fail(currencyCell, `"${currencyCell.value}" is not a currency code (ISO 4217, such as USD or EUR)`);
  }
  if (currency && money.currency && !symbolFits(money.currency, currency)) {
    fail(amountCell, `"${amountCell.value.trim()}" is in ${money.currency.code}, but ${currencyCell!.column} says ${currency}`);
  }
  return { amount: money.value, currency: currency ?? money.currency?.code ?? file.defaultCurrency };
}
