/**
 * One raw record plus the file-level decisions (columns, date order, decimal
 * rule, default currency, stage mapping) → a DealInput, or every problem the row
 * has, each naming its line, column (header) and value.
 */
import { type CurrencyCode, isCurrencyCode, symbolFits } from '../../../lib/tabular/currency.ts';
import { type DateFormat, parseDate } from '../../../lib/tabular/dates.ts';
import type { DealInput } from './deal-input.ts';
import { dealType } from './deal-type.ts';
import type { ColumnMap } from './formats.ts';
import type { RowError } from '../../../lib/tabular/tabular.errors.ts';
import { type DecimalRule, parseMoney } from '../../../lib/tabular/money.ts';
import type { RawRecord } from '../../../lib/tabular/record.ts';
import { normalizeSalesforceId } from '../../../lib/tabular/salesforce-id.ts';
import type { StageResolver } from '../../deals/index.ts';

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

const NUMERIC: DecimalRule = { kind: 'explicit', separator: '.' };
const PROBABILITY = /^(\d{1,3}(?:[.,]\d+)?)\s*%?$/;

/** Splits multi-value cells the way Salesforce and HubSpot export multi-select fields ("A;B"). */
function splitList(value: string | undefined): string[] {
  if (!value) return [];
  if (!value.includes(';')) return [value.trim()].filter(Boolean);
  return [...new Set(value.split(';').map((s) => s.trim()).filter(Boolean))];
}

/** Deal types by cell text: a file repeats a handful of spellings. Cleared when full. */
const TYPES = new Map<string, ReturnType<typeof dealType>>();
function typeOf(value: string) {
  if (TYPES.has(value)) return TYPES.get(value);
  const type = dealType(value);
  if (TYPES.size >= 1000) TYPES.clear();
  TYPES.set(value, type);
  return type;
}

/** The first non-empty cell among a field's columns, else the first column with ""; undefined when no column holds the field. */
function cellOf(record: RawRecord, headers: readonly string[] | undefined): Cell | undefined {
  if (!headers?.length) return undefined;
  for (const h of headers) {
    const value = record.values[h];
    if (value !== undefined && value.trim() !== '') return { column: h, value };
  }
  return { column: headers[0]!, value: '' };
}

/** The trimmed text of a field's first non-empty cell, or undefined. */
function textOf(record: RawRecord, headers: readonly string[] | undefined): string | undefined {
  if (!headers) return undefined;
  for (const h of headers) {
    const value = record.values[h]?.trim();
    if (value) return value;
  }
  return undefined;
}

/** The row's errors; `line` for each. */
class Problems {
  readonly errors: RowError[] = [];
  constructor(readonly line: number) {}
  fail(cell: Cell, message: string): void {
    this.errors.push({ line: this.line, column: cell.column, value: cell.value, message });
  }
}

function readExternalId(cell: Cell, format: ColumnMap['format'], problems: Problems): string {
  const raw = cell.value.trim();
  if (!raw) problems.fail(cell, 'The id is empty; every deal needs one, so that importing again updates it instead of adding it twice');
  else if (format === 'salesforce') {
    const id = normalizeSalesforceId(raw);
    if (id.ok) return id.id;
    problems.fail(cell, id.message);
  }
  return raw;
}

/** "80", "80%", "12.5 %", "12,5": a percentage from 0 to 100. */
function readProbability(cell: Cell | undefined, problems: Problems): number | undefined {
  const text = cell?.value.trim();
  if (!text) return undefined;
  const m = PROBABILITY.exec(text);
  const probability = m ? Number(m[1]!.replace(',', '.')) : NaN;
  if (probability >= 0 && probability <= 100) return probability;
  problems.fail(cell!, `"${cell!.value}" is not a probability (a percentage from 0 to 100)`);
  return undefined;
}

function readDate(cell: Cell | undefined, format: DateFormat, problems: Problems) {
  if (!cell) return undefined;
  const result = parseDate(cell.value, format);
  if (result.kind === 'error') problems.fail(cell, result.message);
  return result.kind === 'date' ? result : undefined;
}

export function normalizeRecord(record: RawRecord, file: FileDecisions): NormalizeResult {
  const { line } = record;
  const { fields, custom, format } = file.columns;
  const problems = new Problems(line);
  const { errors } = problems;
  const warnings: RowError[] = [];

  if (record.problem) errors.push({ line, ...record.problem });
  const externalId = readExternalId(cellOf(record, fields.externalId)!, format, problems);
  const stageCell = cellOf(record, fields.stage)!;
  const stage = stageCell.value.trim();
  if (!stage) problems.fail(stageCell, 'The stage is empty; every deal needs one');
  const money = readAmount(cellOf(record, fields.amount), cellOf(record, fields.currency), record, file, problems);
  const probability = readProbability(cellOf(record, fields.probability), problems);
  const closeDate = readDate(cellOf(record, fields.closeDate), file.dateFormat, problems)?.date;
  const created = readDate(cellOf(record, fields.createdDate), file.dateFormat, problems);

  const customFields: Record<string, string> = {};
  for (const h of custom) {
    const value = record.values[h]?.trim();
    if (value) customFields[h] = value;
  }
  const typeCell = cellOf(record, fields.type);
  const typeText = typeCell?.value.trim();
  const type = typeText ? typeOf(typeCell!.value) : undefined;
  if (typeText && !type) {
    warnings.push({
      line,
      column: typeCell!.column,
      value: typeCell!.value,
      message: `"${typeText}" is not a deal type Tandem knows (new business, expansion, renewal); kept as a custom field`,
    });
    customFields[typeCell!.column] = typeText;
  }

  if (errors.length) return { ok: false, errors, warnings };

  // Resolved last, so that only rows that import count towards the unknown stages reported.
  const resolved = file.stages.resolve(stage);
  const account = textOf(record, fields.account);
  const products = splitList(textOf(record, fields.product));
  // Keys in a fixed order and absent rather than undefined: the deal compares and serializes
  // the same whichever way it was built.
  const deal = { externalId, name: textOf(record, fields.name) ?? defaultName(account, products, externalId) } as DealInput;
  if (money) {
    deal.amount = money.amount;
    deal.currency = money.currency;
  }
  deal.stage = stage;
  deal.stageCategory = resolved.category;
  const p = probability ?? resolved.probability;
  if (p !== undefined) deal.probability = p;
  if (created) deal.createdDate = created.timestamp ?? created.date;
  if (account !== undefined) deal.account = account;
  const owner = textOf(record, fields.owner);
  if (owner !== undefined) deal.owner = owner;
  const leadSource = textOf(record, fields.leadSource);
  if (leadSource !== undefined) deal.leadSource = leadSource;
  const reason = textOf(record, fields.reason);
  if (reason !== undefined) deal.reason = reason;
  if (closeDate !== undefined) deal.closeDate = closeDate;
  if (type !== undefined) deal.type = type;
  deal.products = products;
  deal.competitors = splitList(textOf(record, fields.competitor));
  deal.customFields = customFields;
  return { ok: true, deal, warnings };
}

function defaultName(account: string | undefined, products: string[], externalId: string): string {
  return [account, products.join(', ')].filter(Boolean).join(' - ') || externalId;
}

/** The amount and its currency: the currency column, else a code or symbol in the cell, else the file's default. */
function readAmount(
  amountCell: Cell | undefined,
  currencyCell: Cell | undefined,
  record: RawRecord,
  file: FileDecisions,
  problems: Problems,
): { amount: string; currency: string } | undefined {
  if (!amountCell) return undefined;
  const rule = record.numeric?.has(amountCell.column) ? NUMERIC : file.decimal;
  const money = parseMoney(amountCell.value, rule);
  if (money.kind === 'error') {
    problems.fail(amountCell, money.message);
    return undefined;
  }
  if (money.kind === 'missing') return undefined;
  let currency: string | undefined;
  const code = currencyCell?.value.trim().toUpperCase();
  if (currencyCell && code) {
    if (isCurrencyCode(code)) currency = code;
    else problems.fail(currencyCell, `"${currencyCell.value}" is not a currency code (ISO 4217, such as USD or EUR)`);
  }
  if (currency && money.currency && !symbolFits(money.currency, currency)) {
    problems.fail(amountCell, `"${amountCell.value.trim()}" is in ${money.currency.code}, but ${currencyCell!.column} says ${currency}`);
  }
  return { amount: money.value, currency: currency ?? money.currency?.code ?? file.defaultCurrency };
}
