/**
 * exceljs 4.4.0's streaming WorkbookReader walks the zip's entries with its own
 * helper (utils/iterate-stream), which can stop before the last entries: then
 * sharedStrings.xml is never read and every text cell arrives as
 * `{sharedString: n}`, or a worksheet is never seen (exceljs issue #683; the fix,
 * PR #2915, is not released). Measured here: 73 of 1,500 reads of one workbook
 * lost entries; with Node's own stream iterator, none.
 *
 * This subclass replaces only that walk and keeps exceljs's parsers. It leans on
 * exceljs internals, hence the exact version pin and the repeated-read test.
 * Worksheets that come before the shared strings wait in a temporary file, as in
 * exceljs, but in a folder (`tempDir`) removed even when the reader stops early.
 *
 * Every part passes through an UnpackMeter on its way to exceljs's parsers: its inflated
 * bytes, the shared strings parsed and the ratio to the compressed bytes are checked chunk by
 * chunk, so a decompression bomb stops within a few megabytes (xlsx-limits.ts).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { UnpackMeter, type XlsxLimits } from './xlsx-limits.ts';

interface ZipEntry extends Readable {
  path: string;
  autodrain(): void;
}

// The unzipper exceljs itself depends on (and is tested with), not a second copy.
const fromExceljs = createRequire(createRequire(import.meta.url).resolve('exceljs'));
/**
 * unzipper's Parse hands each entry's compressed bytes out through `stream()`, piped into the entry's
 * inflater; zlib counts what that inflater has consumed (`bytesWritten`).
 */
type ZipParser = NodeJS.ReadWriteStream & AsyncIterable<ZipEntry> & { stream(...args: unknown[]): Readable };

/** Remembers the stream each entry's compressed bytes are piped into: the inflater of the entry being read. */
function watchInflaters(zip: ZipParser): () => number | undefined {
  let current: { bytesWritten?: number } | undefined;
  const stream = zip.stream.bind(zip);
  zip.stream = (...args: unknown[]) => {
    const compressed = stream(...args);
    const pipe = compressed.pipe.bind(compressed);
    compressed.pipe = <T extends NodeJS.WritableStream>(dest: T, opts?: { end?: boolean }) => {
      current = dest as { bytesWritten?: number };
      return pipe(dest, opts);
    };
    return compressed;
  };
  return () => current?.bytesWritten;
}
const unzipper = fromExceljs('unzipper') as { Parse(options: { forceStream: true }): ZipParser };

/** What a read may unpack to, the name its refusals give, and where a waiting worksheet is kept. */
export interface ReadGuard {
  limits: XlsxLimits;
  file: string;
  tempDir: string;
}

type Event = { eventType: string; value: unknown };

/** The exceljs methods this reader reuses. */
interface Internals {
  input: string | Readable;
  sharedStrings?: unknown[];
  workbookRels?: unknown;
  _parseRels(entry: ZipEntry): Promise<void>;
  _parseWorkbook(entry: ZipEntry): Promise<void>;
  _parseSharedStrings(entry: ZipEntry): AsyncGenerator<Event>;
  _parseStyles(entry: ZipEntry): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<Event>;
}

const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const SHEET_RELS = /^xl\/worksheets\/_rels\/sheet(\d+)\.xml\.rels$/;

/** Reads a stream to its end, discarding it. */
async function drain(stream: Readable): Promise<void> {
  if (stream.readableEnded) return;
  for await (const _ of stream) {
    // discarded
  }
}

export class WorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  constructor(
    input: Readable,
    options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>,
    private readonly guard: ReadGuard,
  ) {
    super(input, options);
  }

  override async *parse(): AsyncIterator<Event> {
    const self = this as unknown as Internals;
    const { limits, file, tempDir } = this.guard;
    const input = typeof self.input === 'string' ? createReadStream(self.input) : self.input;
    let fed = 0;
    const feeder = new Transform({
      transform(chunk: Buffer, _enc, done) {
        fed += chunk.length;
        done(null, chunk);
      },
    });
    const zip = input.pipe(feeder).pipe(unzipper.Parse({ forceStream: true }));
    const inflated = watchInflaters(zip);
    const meter = new UnpackMeter(limits, file);
    /** The part being read, through its meter. */
    let metered: Readable | undefined;
    // unzipper reports a broken or cut file on the ZIP stream, not on the entry being read: it is passed on to whoever
    // reads that. Entries already queued may still come after it: the error stays, and ends every read after it.
    let broken: Error | undefined;
    zip.on('error', (e: Error) => {
      broken ??= e;
      metered?.destroy(e);
    });
    const waiting: { sheetNo: string; path: string }[] = [];
    let folder: string | undefined;
    try {
      for await (const entry of zip) {
        if (broken) throw broken;
        meter.entry();
        const sheet = SHEET.exec(entry.path);
        const rels = SHEET_RELS.exec(entry.path);
        // The compressed bytes this entry's inflater consumed; else (a stored entry) all the file's bytes read so far.
        const packed = () => inflated() ?? fed;
        metered = undefined;
        const part = (cap: number, check?: () => void) => {
          metered = meter.meter(entry, entry.path, cap, packed, check);
          if (broken) metered.destroy(broken);
          return metered as ZipEntry;
        };
        if (entry.path === 'xl/_rels/workbook.xml.rels') await self._parseRels(part(limits.maxPartBytes));
        else if (entry.path === 'xl/workbook.xml') await self._parseWorkbook(part(limits.maxPartBytes));
        else if (entry.path === 'xl/sharedStrings.xml') {
          const counted = () => meter.sharedStrings(self.sharedStrings?.length ?? 0);
          yield* self._parseSharedStrings(part(limits.maxSharedStringsBytes, counted));
          counted();
        } else if (entry.path === 'xl/styles.xml') await self._parseStyles(part(limits.maxPartBytes));
        else if (sheet && self.sharedStrings && self.workbookRels) yield* self._parseWorksheet(part(limits.maxBytes), sheet[1]!);
        else if (sheet) {
          if (!folder) {
            await mkdir(tempDir, { recursive: true });
            folder = await mkdtemp(join(tempDir, 'tandem-xlsx-'));
          }
          const path = join(folder, `sheet${sheet[1]}.xml`);
          await pipeline(part(limits.maxBytes), createWriteStream(path));
          waiting.push({ sheetNo: sheet[1]!, path });
        } else if (rels) part(limits.maxPartBytes); // a sheet's hyperlinks: not read (hyperlinks: 'ignore')
        // What no parser read (another part, or the rest of one) is inflated all the same: through the meter, so it cannot run away either.
        await drain(metered ?? part(limits.maxBytes));
      }
      if (broken) throw broken;
      for (const { sheetNo, path } of waiting) yield* self._parseWorksheet(createReadStream(path), sheetNo);
    } finally {
      // A reader stopped early must not leave its file open, nor a late error of the abandoned ZIP stream unheard.
      zip.on('error', () => {});
      input.destroy();
      if (folder) await rm(folder, { recursive: true, force: true });
    }
  }
}
