import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainWorkbook, sharedStringsBomb, workbookOf, worksheetBomb } from './fixtures/xlsx-bombs.ts';
import { ImportFileError } from './tabular.errors.ts';
import { DEFAULT_XLSX_LIMITS, type XlsxLimits } from './xlsx-limits.ts';
import { openXlsx } from './xlsx-source.ts';

let tempDir: string;
beforeAll(async () => {
  tempDir = await mkdtemp(join(tmpdir(), 'tandem-limits-test-'));
});
afterAll(async () => rm(tempDir, { recursive: true, force: true }));

async function readAll(buffer: Buffer, limits: Partial<XlsxLimits> = {}) {
  const source = await openXlsx(Readable.from([buffer]), { name: 'deals.xlsx', limits: { ...DEFAULT_XLSX_LIMITS, ...limits }, tempDir });
  let rows = 0;
  for await (const _ of source.records) rows++;
  return rows;
}

async function refusal(buffer: Buffer, limits: Partial<XlsxLimits> = {}): Promise<ImportFileError> {
  try {
    await readAll(buffer, limits);
  } catch (e) {
    if (e instanceof ImportFileError) return e;
    throw e;
  }
  throw new Error('expected the workbook to be refused');
}

const MB = 1 << 20;
/** The peak resident memory of this process so far, in bytes: it only grows, so a bomb that swelled the heap shows here. */
const peakRss = () => process.resourceUsage().maxRSS * 1024;

describe('what a workbook may unpack to', () => {
  it('reads an honest workbook written the same way as the bombs', async () => {
    expect(await readAll(plainWorkbook(3))).toBe(3);
  });

  it('refuses a shared-strings bomb by its compression ratio, early, without growing the heap', async () => {
    const bomb = sharedStringsBomb(100_000_000); // 1.7 GB of XML
    expect(bomb.length).toBeLessThan(6 * MB);
    const before = peakRss();
    const e = await refusal(bomb);
    expect(e).toMatchObject({ code: 'DEALS_IMPORT_SUSPICIOUS_ZIP', status: 422 });
    expect(e.detail).toMatch(/"deals\.xlsx".*xl\/sharedStrings\.xml.*100 times/);
    expect(peakRss() - before).toBeLessThan(128 * MB);
  });

  it('refuses more shared strings than the limit even when the ratio is allowed, counting the entries parsed', async () => {
    const before = peakRss();
    const e = await refusal(sharedStringsBomb(20_000_000), { maxRatio: 1_000_000, maxSharedStrings: 1_000_000 });
    expect(e).toMatchObject({ code: 'DEALS_IMPORT_UNPACKED_TOO_LARGE', status: 413 });
    expect(e.detail).toContain('1,000,000 shared strings');
    expect(peakRss() - before).toBeLessThan(256 * MB);
  });

  it('refuses a worksheet bomb before its temporary file grows, and removes the file', async () => {
    const bomb = worksheetBomb(15_000_000); // 1.4 GB of XML, stored before the shared strings
    expect(bomb.length).toBeLessThan(6 * MB);
    const e = await refusal(bomb);
    expect(e).toMatchObject({ code: 'DEALS_IMPORT_SUSPICIOUS_ZIP', status: 422 });
    expect(e.detail).toContain('xl/worksheets/sheet1.xml');
    expect(await readdir(tempDir)).toEqual([]);
  });

  it('counts the bytes actually inflated, whatever the headers claim, against the total', async () => {
    const liar = workbookOf([
      { path: 'xl/sharedStrings.xml', head: '<sst>', unit: '<si><t>b</t></si>', times: 1_000_000, tail: '</sst>', claimedSize: 100 },
      { path: 'xl/worksheets/sheet1.xml', text: '<worksheet><sheetData/></worksheet>' },
    ]);
    const e = await refusal(liar, { maxRatio: 1_000_000, maxBytes: 8 * MB });
    expect(e).toMatchObject({ code: 'DEALS_IMPORT_UNPACKED_TOO_LARGE', status: 413 });
    expect(e.detail).toContain('8 MB');
  });

  it('refuses a part past its own limit, and a workbook of too many parts', async () => {
    const styles = workbookOf([{ path: 'xl/styles.xml', head: '<styleSheet>', unit: '<!-- padding -->', times: 3_000_000, tail: '</styleSheet>' }]);
    const big = await refusal(styles, { maxRatio: 1_000_000 });
    expect(big).toMatchObject({ code: 'DEALS_IMPORT_UNPACKED_TOO_LARGE', status: 413 });
    expect(big.detail).toContain('xl/styles.xml');

    // A part no parser reads is still inflated (to skip it), and metered as it is.
    const hidden = workbookOf([{ path: 'docProps/custom.xml', head: '<x>', unit: '<y/>', times: 100_000_000, tail: '</x>' }]);
    const skipped = await refusal(hidden);
    expect(skipped).toMatchObject({ code: 'DEALS_IMPORT_SUSPICIOUS_ZIP', status: 422 });
    expect(skipped.detail).toContain('docProps/custom.xml');

    const many = workbookOf(Array.from({ length: 30 }, (_, i) => ({ path: `docProps/part${i}.xml`, text: '<x/>' })));
    const e = await refusal(many, { maxEntries: 20 });
    expect(e).toMatchObject({ code: 'DEALS_IMPORT_SUSPICIOUS_ZIP', status: 422 });
    expect(e.detail).toContain('20 parts');
  });

  it('refuses a sheet of more cells than the limit', async () => {
    const e = await refusal(plainWorkbook(100), { maxCells: 50 });
    expect(e).toMatchObject({ code: 'DEALS_IMPORT_UNPACKED_TOO_LARGE', status: 413 });
    expect(e.detail).toContain('50 cells');
  });
});
