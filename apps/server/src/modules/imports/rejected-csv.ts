/**
 * The rejected-rows CSV: each skipped row as the file had it, its line, and
 * what was wrong with it — fix the cells and import the file again. Written through
 * lib/csv-output: a cell that would run as a formula in a spreadsheet is neutralized.
 */
import type { Readable } from 'node:stream';
import { safeCsv } from '../../lib/csv-output.ts';

interface RejectedRow {
  line: number;
  cells: Record<string, string>;
  errors: { column: string; message: string }[];
}

/** Streams the rows as CSV: "Line", "Errors", then the file's own columns in its order. */
export function toRejectedCsv(headers: readonly string[], rows: AsyncIterable<RejectedRow>): Readable {
  const out = safeCsv({ bom: true });
  void (async () => {
    try {
      out.write(['Line', 'Errors', ...headers]);
      for await (const r of rows) {
        const line = [String(r.line), r.errors.map((e) => `${e.column}: ${e.message}`).join('; '), ...headers.map((h) => r.cells[h] ?? '')];
        if (!out.write(line)) await new Promise((resolve) => out.once('drain', resolve));
      }
      out.end();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  return out;
}
