/** What a file reader hands on: one data row as text by header, with the line it came from. */

export interface RawRecord {
  /** Physical line where the record starts (the header is line 1); in a workbook, the row number. */
  line: number;
  /** Cell text by header name (a null-prototype object, so any header text is a safe key). Missing cells are "". */
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

/** The record's cells keyed by header; extra non-empty cells or missing cells make the row's problem. */
export function toRecord(headers: readonly string[], cells: readonly string[], line: number): RawRecord {
  const values: Record<string, string> = Object.create(null) as Record<string, string>;
  headers.forEach((h, i) => (values[h] = cells[i] ?? ''));
  const record: RawRecord = { line, values };
  const extra = cells.slice(headers.length).findIndex((c) => c.trim() !== '');
  if (extra !== -1) {
    const value = cells[headers.length + extra]!;
    record.problem = {
      column: `Column ${headers.length + extra + 1}`,
      value,
      message: `The row has ${cells.length} cells but the header has ${headers.length} columns (a delimiter inside an unquoted value?)`,
    };
  } else if (cells.length < headers.length) {
    record.problem = {
      column: headers[cells.length]!,
      value: '',
      message: `The row has ${cells.length} cells but the header has ${headers.length} columns`,
    };
  }
  return record;
}
