/** What a file reader hands on: one data row as text by header, with the line it came from. */

export interface RawRecord {
  /** Physical line where the record starts (the header is line 1); in a workbook, the row number. */
  line: number;
  /** Cell text by header name (no Object.prototype in its chain, so any header text is a safe key). Missing cells are "". */
  values: Readonly<Record<string, string>>;
  /** Headers whose cells were native numbers in a workbook: plain decimals, not locale-formatted text. */
  numeric?: ReadonlySet<string>;
  /** A problem with the row's shape, such as more cells than headers; the row is invalid. */
  problem?: { column: string; value: string; message: string };
}

export interface RecordSource {
  /** Header names as written (trimmed), in file order. */
  headers: readonly string[];
  headerLine: number;
  /** The data rows; a file without any throws DEALS_IMPORT_NO_ROWS once they run out. Read once. */
  records: AsyncIterable<RawRecord>;
  /** Releases the input when the records will not be read to the end (iterating to the end, or breaking off, closes it too). */
  close(): Promise<void>;
}

/**
 * Header names trimmed, blank ones named "Column N", duplicates refused (two
 * columns with one name would make every later step guess which one is meant).
 */
export function cleanHeaders(raw: readonly string[], onDuplicate: (name: string, first: number, second: number) => Error): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    const name = h.trim() || `Column ${i + 1}`;
    const key = name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) throw onDuplicate(name, first + 1, i + 1);
    seen.set(key, i);
    return name;
  });
}

/**
 * The prototype of every record's `values`: empty and without a prototype of its own, so that
 * any header text is a safe key (as with `Object.create(null)`), while the objects stay in V8's
 * fast mode: `Object.create(null)` makes a hash-table object, about twice as slow to fill and read.
 */
const NO_PROTOTYPE: object = Object.freeze(Object.create(null) as object);

/** The record's cells keyed by header; extra non-empty cells or missing cells make the row's problem. */
export function toRecord(headers: readonly string[], cells: readonly string[], line: number): RawRecord {
  const values = Object.create(NO_PROTOTYPE) as Record<string, string>;
  const n = headers.length;
  for (let i = 0; i < n; i++) values[headers[i]!] = cells[i] ?? '';
  const record: RawRecord = { line, values };
  if (cells.length > n) {
    for (let i = n; i < cells.length; i++) {
      if (cells[i]!.trim() === '') continue;
      record.problem = {
        column: `Column ${i + 1}`,
        value: cells[i]!,
        message: `The row has ${cells.length} cells but the header has ${n} columns (a delimiter inside an unquoted value?)`,
      };
      break;
    }
  } else if (cells.length < n) {
    record.problem = {
      column: headers[cells.length]!,
      value: '',
      message: `The row has ${cells.length} cells but the header has ${n} columns`,
    };
  }
  return record;
}

/** A header or cell in lower case, words only: "Opportunity ID", "opportunity_id" and "Opportunity-Id" read alike. */
export const headerWords = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
