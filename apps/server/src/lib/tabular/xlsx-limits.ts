/**
 * What an XLSX workbook (a ZIP of XML parts) may unpack to. A few megabytes can inflate to
 * gigabytes, so every part is metered as it is inflated — the bytes actually produced, never the
 * sizes the ZIP headers claim — and reading stops at the first limit passed: 413 when the file is
 * too large once unpacked, 422 when its compression is beyond what a spreadsheet reaches (a bomb).
 */
import { Transform, type Readable } from 'node:stream';
import { tabularErrors } from './tabular.errors.ts';

export interface XlsxLimits {
  /** Uncompressed bytes of all the parts read, together (TANDEM_IMPORT_MAX_UNPACKED_BYTES). */
  maxBytes: number;
  /** Uncompressed bytes of the shared-strings part: its strings are held in memory while the sheet is read. */
  maxSharedStringsBytes: number;
  /** Uncompressed bytes of any other part that is not a worksheet (workbook, styles, relationships). */
  maxPartBytes: number;
  /** Parts (ZIP entries) in the file. */
  maxEntries: number;
  /** Uncompressed ÷ compressed size of a part, checked once it has inflated past RATIO_GRACE_BYTES (TANDEM_IMPORT_MAX_RATIO). */
  maxRatio: number;
  /** Entries of the shared-strings table (TANDEM_IMPORT_MAX_SHARED_STRINGS). */
  maxSharedStrings: number;
  /** Cells of the sheet read, counted row by row (TANDEM_IMPORT_MAX_CELLS). */
  maxCells: number;
}

/**
 * A 300,000-row HubSpot or Salesforce export unpacks to about 200 MB at a ratio of 10–20, with
 * about a million shared strings and a few million cells: the defaults leave it ample room.
 */
export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxBytes: 1024 * 1024 * 1024,
  maxSharedStringsBytes: 256 * 1024 * 1024,
  maxPartBytes: 32 * 1024 * 1024,
  maxEntries: 10_000,
  maxRatio: 100,
  maxSharedStrings: 5_000_000,
  maxCells: 50_000_000,
};

/** The limits from the configuration's TANDEM_IMPORT_MAX_* settings; the per-part ones are fixed. */
export function xlsxLimitsFrom(c: {
  TANDEM_IMPORT_MAX_UNPACKED_BYTES: number;
  TANDEM_IMPORT_MAX_RATIO: number;
  TANDEM_IMPORT_MAX_SHARED_STRINGS: number;
  TANDEM_IMPORT_MAX_CELLS: number;
}): XlsxLimits {
  return {
    ...DEFAULT_XLSX_LIMITS,
    maxBytes: c.TANDEM_IMPORT_MAX_UNPACKED_BYTES,
    maxRatio: c.TANDEM_IMPORT_MAX_RATIO,
    maxSharedStrings: c.TANDEM_IMPORT_MAX_SHARED_STRINGS,
    maxCells: c.TANDEM_IMPORT_MAX_CELLS,
  };
}

/** A part's ratio is judged only past this size: tiny parts compress oddly, and what is buffered in between blurs the count. */
export const RATIO_GRACE_BYTES = 4 * 1024 * 1024;

/** Meters one file: each part's inflated bytes as they pass, against its compressed bytes. `file` names the upload in every refusal. */
export class UnpackMeter {
  private total = 0;
  private entries = 0;

  constructor(
    readonly limits: XlsxLimits,
    readonly file: string,
  ) {}

  /** Counts a ZIP entry, whether it is read or skipped. */
  entry(): void {
    if (++this.entries > this.limits.maxEntries) throw tabularErrors.suspiciousZip(this.file, `it has more than ${this.limits.maxEntries.toLocaleString('en-US')} parts`);
  }

  /**
   * The part's bytes, refused as soon as it passes its own limit (`cap`), the total, or the ratio to
   * `packed()`, the compressed bytes the inflater has taken so far; `check` runs after each chunk (the
   * shared strings count their entries there).
   */
  meter(part: Readable, path: string, cap: number, packed: () => number, check?: () => void): Readable {
    let size = 0;
    const counter = new Transform({
      transform: (chunk: Buffer, _enc, done) => {
        size += chunk.length;
        this.total += chunk.length;
        try {
          if (size > cap) throw tabularErrors.unpackedTooLarge(this.file, `its part ${path} unpacks to more than ${mb(cap)}`);
          if (this.total > this.limits.maxBytes) throw tabularErrors.unpackedTooLarge(this.file, `it unpacks to more than ${mb(this.limits.maxBytes)}`);
          if (size > RATIO_GRACE_BYTES && size > this.limits.maxRatio * Math.max(1, packed())) {
            throw tabularErrors.suspiciousZip(this.file, `its part ${path} unpacks to more than ${this.limits.maxRatio.toLocaleString('en-US')} times its compressed size`);
          }
          check?.();
        } catch (e) {
          done(e as Error);
          return;
        }
        done(null, chunk);
      },
    });
    part.once('error', (e) => counter.destroy(e));
    return part.pipe(counter);
  }

  sharedStrings(count: number): void {
    if (count > this.limits.maxSharedStrings) {
      throw tabularErrors.unpackedTooLarge(this.file, `it has more than ${this.limits.maxSharedStrings.toLocaleString('en-US')} shared strings`);
    }
  }
}

/** Counts the cells and the characters of the rows read (a shared string counts each time a cell uses it). */
export class CellBudget {
  private cells = 0;
  private chars = 0;

  constructor(
    private readonly limits: XlsxLimits,
    private readonly file: string,
  ) {}

  row(cells: readonly string[]): void {
    this.cells += Math.max(1, cells.length);
    for (const c of cells) this.chars += c.length;
    if (this.cells > this.limits.maxCells) throw tabularErrors.unpackedTooLarge(this.file, `its sheet has more than ${this.limits.maxCells.toLocaleString('en-US')} cells`);
    if (this.chars > this.limits.maxBytes) throw tabularErrors.unpackedTooLarge(this.file, `its cells hold more than ${mb(this.limits.maxBytes)} of text`);
  }
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
