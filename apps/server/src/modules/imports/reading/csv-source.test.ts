import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openCsv } from '../../../lib/tabular/csv-source.ts';
import { ImportFileError } from '../../../lib/tabular/tabular.errors.ts';
import type { RawRecord } from '../../../lib/tabular/record.ts';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
const fromText = (text: string | Buffer, chunkSize?: number) => {
  const buf = Buffer.isBuffer(text) ? text : Buffer.from(text);
  if (!chunkSize) return Readable.from([buf]);
  const chunks: Buffer[] = [];
  for (let i = 0; i < buf.length; i += chunkSize) chunks.push(buf.subarray(i, i + chunkSize));
  return Readable.from(chunks);
};

async function readAll(input: AsyncIterable<Buffer | string>) {
  const source = await openCsv(input);
  const rows: { line: number; values: Record<string, string>; problem?: RawRecord['problem'] }[] = [];
  for await (const r of source.records) rows.push({ line: r.line, values: { ...r.values }, ...(r.problem && { problem: r.problem }) });
  return { headers: source.headers, delimiter: source.delimiter, rows };
}

async function failure(input: AsyncIterable<Buffer | string>): Promise<ImportFileError> {
  try {
    await readAll(input);
  } catch (e) {
    if (e instanceof ImportFileError) return e;
    throw e;
  }
  throw new Error('expected the file to be refused');
}

describe('openCsv', () => {
  it('reads a Salesforce export: BOM dropped, footer block not data, lines counted from the header', async () => {
    const { headers, rows } = await readAll(createReadStream(fixture('salesforce-mdy.csv')));
    expect(headers[0]).toBe('Opportunity ID');
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(rows[0]!.values).toMatchObject({ 'Opportunity ID': '0065g00000AbCdE', Amount: '$1,234,567.00', 'Close Date': '12/31/2025' });
    expect(rows.some((r) => Object.values(r.values).some((v) => v.includes('salesforce.com')))).toBe(false);
  });

  it('counts physical lines across quoted line breaks, CRLF or LF, and skips blank lines', async () => {
    const text = 'id,note\r\n1,"two\r\nlines"\r\n\r\n2,"three\nmore\nlines"\n3,plain\n,\n4,last';
    const { rows } = await readAll(fromText(text));
    expect(rows.map((r) => [r.line, r.values.id])).toEqual([
      [2, '1'],
      [5, '2'],
      [8, '3'],
      [10, '4'],
    ]);
    expect(rows[0]!.values.note).toBe('two\r\nlines');
  });

  it('reads the same records however the bytes are chunked, even inside a UTF-8 character', async () => {
    const text = '\uFEFFid;Name;Notiz\n1;Müller GmbH;"ä;ö"\n2;Café;ü\n';
    const whole = await readAll(fromText(text));
    expect(whole.rows[0]!.values).toEqual({ id: '1', Name: 'Müller GmbH', Notiz: 'ä;ö' });
    expect(await readAll(fromText(text, 1))).toEqual(whole);
    expect(await readAll(fromText(text, 7))).toEqual(whole);
  });

  it.each([
    [',', 'a,b;c,d\n1,2;3,4\n', ['a', 'b;c', 'd']],
    [';', 'a;b,c;d\n1;2,3;4\n', ['a', 'b,c', 'd']],
    ['\t', 'a\tb\tc\n1\t2\t3\n', ['a', 'b', 'c']],
    [';', '"a,1";"b,2";c\n1;2;3\n', ['a,1', 'b,2', 'c']],
    [',', 'only\n1\n', ['only']],
  ])('detects the delimiter %j from the header', async (delimiter, text, headers) => {
    const result = await readAll(fromText(text));
    expect(result.delimiter).toBe(delimiter);
    expect(result.headers).toEqual(headers);
  });

  it('keeps a blank line followed by more data as data, and single cells without a footer mark as rows', async () => {
    const text = 'id,name\n1,a\n\n2,b\n\nOrg name only\n';
    const { rows } = await readAll(fromText(text));
    expect(rows.map((r) => r.line)).toEqual([2, 4, 6]);
    expect(rows[2]!.problem).toEqual({ column: 'name', value: '', message: 'The row has 1 cells but the header has 2 columns' });
  });

  it('stops at a footer whose marker comes after the report title and before the org name', async () => {
    const text = 'id,name\n1,a\n\n"Pipeline report"\n"Confidential Information - Do Not Distribute"\n"Acme"\n3,not read\n';
    expect((await readAll(fromText(text))).rows.map((r) => r.values.id)).toEqual(['1']);
  });

  it('names a row with more cells than the header has columns', async () => {
    const { rows } = await readAll(fromText('id,name\n1,a,extra\n2,b,\n'));
    expect(rows[0]!.problem).toEqual({
      column: 'Column 3',
      value: 'extra',
      message: 'The row has 3 cells but the header has 2 columns (a delimiter inside an unquoted value?)',
    });
    expect(rows[1]!.problem).toBeUndefined(); // a trailing empty cell is harmless
  });

  it('refuses malformed quotes, naming the line', async () => {
    const e = await failure(createReadStream(fixture('bad-quotes.csv')));
    expect(e.code).toBe('DEALS_IMPORT_MALFORMED_CSV');
    expect(e.line).toBe(3);
    expect(e.message).toBe(
      'Line 3: a closing quote is followed by "B" instead of a delimiter or the end of the line; a quote inside a quoted value must be doubled ("").',
    );
    const open = await failure(fromText('id,name\n1,a\n2,"never closed\n3,c\n'));
    expect(open.message).toBe('Line 3: a quoted value that starts in this record is never closed (the file ends inside quotes).');
    // csv-parse counts a CRLF inside quotes as two lines; the line named is still the physical one.
    const afterBreaks = await failure(fromText('id,note\r\n1,"a\r\nb"\r\n\r\n2,ok\r\n3,"bad"x\r\n'));
    expect(afterBreaks.message).toMatch(/^Line 6: a closing quote is followed by "x"/);
    const inner = await failure(fromText('id,name\n1,5" monitor\n'));
    expect(inner.message).toContain('Line 2: a quote appears inside an unquoted value');
  });

  it.each([
    ['after a CRLF inside the same record', 'id,note\r\n1,"a\r\nb"x\r\n', 3],
    ['after CRLFs in two values of the same record', 'id,note\r\n1,"a\r\nb","c\r\nd\r\ne"x\r\n', 5],
    ['in a multi-line record after a multi-line record', 'id,note\r\n1,"a\r\nb"\r\n2,"c\r\nd"x\r\n', 5],
    ['with LF line breaks', 'id,note\n1,"a\nb","c\nd"x\n', 4],
  ])('names the physical line of a malformed quote %s', async (_what, text, line) => {
    const e = await failure(fromText(text));
    expect(e.line).toBe(line);
    expect(e.message).toMatch(new RegExp(`^Line ${line}: a closing quote is followed by "x"`));
  });

  it('names the physical line of a quote inside an unquoted value in a multi-line record', async () => {
    const e = await failure(fromText('id,note,more\r\n1,"a\r\nb",c"d\r\n'));
    expect(e.message).toMatch(/^Line 3: a quote appears inside an unquoted value/);
  });

  it.each([
    ['an empty file', '', 'DEALS_IMPORT_EMPTY_FILE', 'The file is empty'],
    ['a file with only a BOM and blank lines', '\uFEFF\r\n\r\n', 'DEALS_IMPORT_EMPTY_FILE', 'The file is empty'],
    ['a header-only file', 'Opportunity ID,Stage\r\n', 'DEALS_IMPORT_NO_ROWS', 'The file has a header (line 1) but no data rows.'],
    [
      'a header and a footer',
      'Opportunity ID,Stage\r\n\r\n"Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved."\r\n',
      'DEALS_IMPORT_NO_ROWS',
      'no data rows',
    ],
    ['a blank first line', '\nid,stage\n1,a\n', 'DEALS_IMPORT_MALFORMED_CSV', 'Line 1: the first line is blank; it must be the header.'],
    ['duplicate headers', 'id,Stage,stage\n1,a,b\n', 'DEALS_IMPORT_DUPLICATE_COLUMN', 'Line 1: the column "stage" appears twice (columns 2 and 3)'],
  ])('refuses %s', async (_what, text, code, message) => {
    const e = await failure(fromText(text));
    expect(e.code).toBe(code);
    expect(e.message).toContain(message);
  });

  it.each([
    ['a binary file', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x0a, 0x00, 0x01, 0x02]), 'contains NUL bytes'],
    ['an XLSX workbook', Buffer.from('PK\x03\x04rest-of-zip'), 'ZIP archive (an XLSX workbook?)'],
    ['a UTF-16 file', Buffer.from('\uFEFFid,stage\n', 'utf16le'), 'UTF-16; save it as UTF-8'],
  ])('refuses %s as not a CSV', async (_what, bytes, message) => {
    const e = await failure(fromText(bytes));
    expect(e.code).toBe('DEALS_IMPORT_NOT_TEXT');
    expect(e.message).toContain(message);
  });

  it('stops reading at the footer and closes the input', async () => {
    const probe = { pulled: 0, closed: false };
    const input = Readable.from(
      (function* () {
        try {
          yield Buffer.from('id,stage\r\n1,Prospecting\r\n\r\n"Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved."\r\n');
          for (let i = 0; i < 10_000; i++, probe.pulled++) yield Buffer.from(`"Generated By: someone ${i}"\r\n`.repeat(100));
        } finally {
          probe.closed = true;
        }
      })(),
    );
    expect((await readAll(input)).rows.map((r) => r.values.id)).toEqual(['1']);
    expect(probe.pulled).toBeLessThan(100);
    expect(probe.closed).toBe(true);
  });
});

describe('openCsv: releasing the input', () => {
  it('closes the input when the caller gives up after the header', async () => {
    const probe = { closed: false };
    const input = Readable.from(
      (function* () {
        try {
          for (let i = 0; i < 10_000; i++) yield Buffer.from(i ? 'a,b\n'.repeat(1000) : 'Record ID,Deal Name\n');
        } finally {
          probe.closed = true;
        }
      })(),
    );
    const source = await openCsv(input);
    expect(source.headers).toEqual(['Record ID', 'Deal Name']);
    await source.close();
    expect(probe.closed).toBe(true);
  });
});

describe('openCsv: a 50 MB file on a single line', () => {
  const MB = 1024 * 1024;
  /** 50 MB generated on demand; counts how much of it the reader pulled and the peak RSS while it did. */
  function hugeLine(prefix: string) {
    const probe = { chunks: 0, peakRss: process.memoryUsage().rss };
    const stream = Readable.from(
      (function* () {
        yield Buffer.from(prefix);
        for (let i = 0; i < 50; i++) {
          probe.chunks++;
          probe.peakRss = Math.max(probe.peakRss, process.memoryUsage().rss);
          yield Buffer.alloc(MB, i % 2 ? 'a,' : 'b');
        }
      })(),
    );
    return { stream, probe };
  }

  it('refuses a data record past the limit without buffering the rest', async () => {
    const before = process.memoryUsage().rss;
    const { stream, probe } = hugeLine('Opportunity ID,Stage\n');
    const e = await failure(stream);
    expect(e.code).toBe('DEALS_IMPORT_RECORD_TOO_LARGE');
    expect(e.message).toContain('Line 2: the record is larger than 1,000,000 characters');
    expect(probe.chunks).toBeLessThan(10);
    expect(probe.peakRss - before).toBeLessThan(100 * MB);
  });

  it('refuses a header line past the limit the same way', async () => {
    const before = process.memoryUsage().rss;
    const { stream, probe } = hugeLine('');
    const e = await failure(stream);
    expect(e.message).toContain('Line 1: the record is larger than 1,000,000 characters');
    expect(probe.chunks).toBeLessThan(10);
    expect(probe.peakRss - before).toBeLessThan(100 * MB);
  });
});
