/**
 * What the first bytes of a file say before the CSV parser sees it: whether it
 * is text at all, and which delimiter its header uses.
 */
import { tabularErrors } from './tabular.errors.ts';

export type Delimiter = ',' | ';' | '\t';
const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

/** Refuses what is plainly not a UTF-8 CSV, with what it looks like instead. */
export function checkText(start: Buffer): void {
  if (start.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    throw tabularErrors.notText('This is a ZIP archive (an XLSX workbook?), not a CSV file; give an .xlsx file to the XLSX reader or save it as CSV.');
  }
  if (start[0] === 0xff && start[1] === 0xfe) throw tabularErrors.notText('This CSV file is UTF-16; save it as UTF-8 (in Excel: "CSV UTF-8").');
  if (start[0] === 0xfe && start[1] === 0xff) throw tabularErrors.notText('This CSV file is UTF-16; save it as UTF-8 (in Excel: "CSV UTF-8").');
  if (start.includes(0)) throw tabularErrors.notText('This is a binary file, not a CSV file (it contains NUL bytes).');
}

/**
 * Reads the header line as bytes arrive, quotes respected, counting candidate
 * delimiters outside quotes. The most frequent one wins; a header with none is
 * a one-column file read with commas.
 */
export class HeaderSniffer {
  private inQuotes = false;
  private readonly counts = new Map<number, number>(DELIMITERS.map((d) => [d.charCodeAt(0), 0]));
  private done = false;
  bytes = 0;

  /** Whether the header line has ended. */
  get ended(): boolean {
    return this.done;
  }

  /** Feeds a chunk; true once the header line has ended. */
  feed(chunk: Buffer): boolean {
    for (let i = 0; i < chunk.length && !this.done; i++) {
      const c = chunk[i]!;
      if (c === 0x22) this.inQuotes = !this.inQuotes;
      else if (!this.inQuotes && (c === 0x0a || c === 0x0d)) this.done = true;
      else if (!this.inQuotes && this.counts.has(c)) this.counts.set(c, this.counts.get(c)! + 1);
    }
    this.bytes += chunk.length;
    return this.done;
  }

  delimiter(): Delimiter {
    let best: Delimiter = ',';
    for (const d of DELIMITERS) if (this.counts.get(d.charCodeAt(0))! > this.counts.get(best.charCodeAt(0))!) best = d;
    return best;
  }
}
