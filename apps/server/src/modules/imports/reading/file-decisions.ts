/**
 * What all of a file's rows together decide (date order, decimal separator),
 * fed one row at a time; asked after a sample, then again at the end. Explicit
 * choices win: `--date-format` over the mapping's `dateFormat` over detection.
 */
import type { CurrencyCode } from '../../../lib/tabular/currency.ts';
import { type DateFormat, DateFormatDetector } from '../../../lib/tabular/dates.ts';
import type { ColumnMap } from './formats.ts';
import type { MappingFile } from './mapping-file.ts';
import { type DecimalSeparator, DecimalDetector } from '../../../lib/tabular/money.ts';
import type { FileDecisions } from './normalize.ts';
import type { RawRecord } from '../../../lib/tabular/record.ts';
import { StageResolver, type StageTable } from '../../deals/index.ts';

export interface DecisionOptions {
  /** `--date-format`: wins over the mapping file and over detection. */
  dateFormat?: DateFormat;
  decimalSeparator?: DecimalSeparator;
  mapping?: MappingFile;
  /** The workspace's base currency, for amounts no row or mapping gives a currency to. */
  baseCurrency: CurrencyCode;
  /** The workspace's stage mapping, consulted after the mapping file's `stages` and before the defaults. */
  workspaceStages?: StageTable;
}

export class FileScanner {
  private readonly dates: DateFormatDetector;
  private readonly decimals: DecimalDetector;
  private readonly dateColumns: readonly string[];
  private readonly amountColumns: readonly string[];
  rows = 0;

  constructor(
    private readonly columns: ColumnMap,
    private readonly options: DecisionOptions,
  ) {
    this.dates = new DateFormatDetector(options.dateFormat ?? options.mapping?.dateFormat);
    this.decimals = new DecimalDetector(options.decimalSeparator);
    this.dateColumns = [...(columns.fields.closeDate ?? []), ...(columns.fields.createdDate ?? [])];
    this.amountColumns = columns.fields.amount ?? [];
  }

  add(record: RawRecord): void {
    this.rows++;
    for (const h of this.dateColumns) this.dates.add(record.values[h] ?? '', record.line, h);
    for (const h of this.amountColumns) if (!record.numeric?.has(h)) this.decimals.add(record.values[h] ?? '', record.line);
  }

  /** The decisions for the rows seen so far; throws DEALS_IMPORT_AMBIGUOUS_DATES when the date order cannot be told. */
  decide(): FileDecisions {
    const dates = this.dates.verdict();
    if (!dates.ok) throw dates.error;
    return {
      columns: this.columns,
      dateFormat: dates.format,
      decimal: this.decimals.verdict(),
      defaultCurrency: this.options.mapping?.currency ?? this.options.baseCurrency,
      stages: new StageResolver(this.options.mapping?.stages, this.options.workspaceStages),
    };
  }
}

/** Decides from a whole record stream. */
export async function scanFile(records: AsyncIterable<RawRecord>, columns: ColumnMap, options: DecisionOptions): Promise<FileDecisions> {
  const scanner = new FileScanner(columns, options);
  for await (const record of records) scanner.add(record);
  return scanner.decide();
}
