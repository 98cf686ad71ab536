import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { hubspotWorkbook } from './fixtures/hubspot-workbook.ts';
import { ImportFileError } from '../../../lib/tabular/tabular.errors.ts';
import { openXlsx } from '../../../lib/tabular/xlsx-source.ts';

async function readAll(buffer: Buffer) {
  const source = await openXlsx(Readable.from([buffer]));
  const rows = [];
  for await (const r of source.records) rows.push({ line: r.line, values: { ...r.values }, numeric: [...(r.numeric ?? [])] });
  return { headers: source.headers, headerLine: source.headerLine, rows };
}

async function failure(run: () => Promise<unknown>): Promise<ImportFileError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof ImportFileError) return e;
    throw e;
  }
  throw new Error('expected the workbook to be refused');
}

describe('openXlsx', () => {
  it('reads the first sheet: header row, row numbers as lines, dates as ISO, numbers marked', async () => {
    const { headers, headerLine, rows } = await readAll(await hubspotWorkbook());
    expect(headerLine).toBe(1);
    expect(headers).toEqual(['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Close Date', 'Create Date', 'Deal owner', 'Associated Company']);
    expect(rows).toEqual([
      {
        line: 2,
        values: {
          'Record ID': '9876543210',
          'Deal Name': 'Northwind',
          'Deal Stage': 'appointmentscheduled',
          Amount: '15000',
          'Close Date': '2026-04-30',
          'Create Date': '2026-03-14T10:22:00',
          'Deal owner': 'Priya Patel',
          'Associated Company': 'Northwind Traders',
        },
        numeric: ['Record ID', 'Amount'],
      },
      {
        line: 4, // the blank row 3 is skipped, not renumbered
        values: {
          'Record ID': '9876543211',
          'Deal Name': 'Contoso upsell',
          'Deal Stage': 'closedwon',
          Amount: '2500',
          'Close Date': '2026-02-14',
          'Create Date': '2025-12-02 08:05',
          'Deal owner': 'Liam',
          'Associated Company': '',
        },
        numeric: ['Record ID', 'Amount'],
      },
    ]);
  });

  it('takes the first non-empty row as the header, and its number as the header line', async () => {
    const buffer = await hubspotWorkbook((sheet) => {
      sheet.addRow([]).commit();
      sheet.addRow(['Record ID', 'Deal Stage']).commit();
      sheet.addRow([1, 'closedlost']).commit();
    });
    const { headerLine, rows } = await readAll(buffer);
    expect(headerLine).toBe(2);
    expect(rows.map((r) => r.line)).toEqual([3]);
  });

  it('refuses a header-only sheet, naming the header line', async () => {
    const buffer = await hubspotWorkbook((sheet) => sheet.addRow(['Record ID', 'Deal Stage']).commit());
    const e = await failure(() => readAll(buffer));
    expect(e.code).toBe('DEALS_IMPORT_NO_ROWS');
    expect(e.message).toBe('The file has a header (line 1) but no data rows.');
  });

  it('refuses an empty sheet and duplicate headers', async () => {
    expect((await failure(() => readAll(Buffer.alloc(0)))).code).toBe('DEALS_IMPORT_EMPTY_FILE');
    const empty = await hubspotWorkbook(() => undefined);
    expect((await failure(() => readAll(empty))).code).toBe('DEALS_IMPORT_EMPTY_FILE');
    const dup = await hubspotWorkbook((sheet) => sheet.addRow(['Amount', 'Deal Stage', 'amount']).commit());
    expect((await failure(() => readAll(dup))).message).toBe('Line 1: the column "amount" appears twice (columns 1 and 3); rename one of them.');
  });

  it('refuses a file that is not a workbook, or only part of one, saying so', async () => {
    const csv = await failure(() => readAll(Buffer.from('Record ID,Deal Stage\n1,closedwon\n')));
    expect(csv.code).toBe('DEALS_IMPORT_NOT_XLSX');
    expect(csv.message).toBe('This is not an XLSX workbook; it looks like a text file (a CSV?).');
    const whole = await hubspotWorkbook();
    const cut = await failure(() => readAll(whole.subarray(0, Math.floor(whole.length / 2))));
    expect(cut.message).toBe(
      'The file could not be read as an XLSX workbook (it ends early: an incomplete download or upload?). Export it again as .xlsx, or as CSV.',
    );
  });

  it('reads every time: a workbook read 400 times gives the same rows (the stock exceljs reader loses entries now and then)', async () => {
    const buffer = await hubspotWorkbook();
    const seen = new Map<string, number>();
    for (let i = 0; i < 400; i++) {
      const { headers, rows } = await readAll(buffer);
      const key = JSON.stringify([headers, rows]);
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect([...seen.values()]).toEqual([400]);
  });

  it('reads a workbook whose shared strings come before its sheets (as Excel writes them)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Deals');
    sheet.addRow(['Record ID', 'Deal Stage', 'Amount']);
    sheet.addRow(['A-1', 'closedwon', 1234.567]);
    const { rows } = await readAll(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(rows).toEqual([{ line: 2, values: { 'Record ID': 'A-1', 'Deal Stage': 'closedwon', Amount: '1234.567' }, numeric: ['Amount'] }]);
  });

  it('leaves no temporary file behind when reading stops early', async () => {
    const leftovers = () => readdirSync(tmpdir()).filter((f) => f.startsWith('tandem-xlsx-'));
    const before = leftovers().length;
    const source = await openXlsx(Readable.from([await hubspotWorkbook()]));
    for await (const _ of source.records) break;
    expect(leftovers().length).toBe(before);
  });
});
