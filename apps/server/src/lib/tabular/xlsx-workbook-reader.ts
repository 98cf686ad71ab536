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
 * exceljs, but in a folder removed even when the reader stops early.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';

interface ZipEntry extends Readable {
  path: string;
  autodrain(): void;
}

// The unzipper exceljs itself depends on (and is tested with), not a second copy.
const fromExceljs = createRequire(createRequire(import.meta.url).resolve('exceljs'));
const unzipper = fromExceljs('unzipper') as { Parse(options: { forceStream: true }): NodeJS.ReadWriteStream };

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
  _parseHyperlinks(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<Event>;
}

const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const SHEET_RELS = /^xl\/worksheets\/_rels\/sheet(\d+)\.xml\.rels$/;

export class WorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  override async *parse(): AsyncIterator<Event> {
    const self = this as unknown as Internals;
    const input = typeof self.input === 'string' ? createReadStream(self.input) : self.input;
    const zip = input.pipe(unzipper.Parse({ forceStream: true })) as unknown as AsyncIterable<ZipEntry>;
    const waiting: { sheetNo: string; path: string }[] = [];
    let folder: string | undefined;
    try {
      for await (const entry of zip) {
        const sheet = SHEET.exec(entry.path);
        const rels = SHEET_RELS.exec(entry.path);
        if (entry.path === 'xl/_rels/workbook.xml.rels') await self._parseRels(entry);
        else if (entry.path === 'xl/workbook.xml') await self._parseWorkbook(entry);
        else if (entry.path === 'xl/sharedStrings.xml') yield* self._parseSharedStrings(entry);
        else if (entry.path === 'xl/styles.xml') await self._parseStyles(entry);
        else if (sheet && self.sharedStrings && self.workbookRels) yield* self._parseWorksheet(entry, sheet[1]!);
        else if (sheet) {
          folder ??= await mkdtemp(join(tmpdir(), 'tandem-xlsx-'));
          const path = join(folder, `sheet${sheet[1]}.xml`);
          await pipeline(entry, createWriteStream(path));
          waiting.push({ sheetNo: sheet[1]!, path });
        } else if (rels) yield* self._parseHyperlinks(entry, rels[1]!);
        entry.autodrain();
      }
      for (const { sheetNo, path } of waiting) yield* self._parseWorksheet(createReadStream(path), sheetNo);
    } finally {
      input.destroy(); // a reader stopped early must not leave its file open
      if (folder) await rm(folder, { recursive: true, force: true });
    }
  }
}
