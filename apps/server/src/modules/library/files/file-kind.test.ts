/** The type of an asset file comes from its content; the name must agree with it. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkKind, extensionOf } from './file-kind.ts';
import { docxOf, exeOf, htmlPage, jpegOf, pdfOf, plainZip, pngOf, pptxOf, xlsxOf } from './fixtures/sample-files.ts';

let dir: string;
let n = 0;
const check = async (bytes: Buffer, name: string) => {
  const file = path.join(dir, `f${++n}`);
  await fs.writeFile(file, bytes);
  return checkKind(file, name);
};

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-file-kind-'));
});
afterAll(async () => fs.rm(dir, { recursive: true, force: true }));

describe('checkKind', () => {
  it('tells each accepted type from its content, the three Office ZIPs apart', async () => {
    const cases: [Buffer, string, string][] = [
      [pdfOf(), 'battlecard.pdf', 'application/pdf'],
      [pptxOf(), 'Deck.PPTX', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
      [docxOf(), 'talk-track.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      [await xlsxOf(), 'pricing.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      [await pngOf(), 'diagram.png', 'image/png'],
      [await jpegOf(), 'photo.jpg', 'image/jpeg'],
      [await jpegOf(), 'photo.jpeg', 'image/jpeg'],
    ];
    for (const [bytes, name, mediaType] of cases) {
      expect(await check(bytes, name), name).toMatchObject({ ok: true, mediaType, fileName: name });
    }
  });

  it('refuses content of another type than its name, saying what the content is', async () => {
    const refused = async (bytes: Buffer, name: string) => {
      const r = await check(bytes, name);
      if (r.ok) throw new Error(`${name} was accepted`);
      expect(r.detail).toContain(`"${name}"`);
      return r.detail;
    };
    expect(await refused(htmlPage(), 'pricing.pdf')).toMatch(/is text: HTML/);
    expect(await refused(exeOf(), 'invoice.pdf')).toMatch(/Windows program \(EXE\)/);
    expect(await refused(await pngOf(), 'proposal.docx')).toMatch(/named as a \.docx file, but its content is a PNG image file \(image\/png\); rename it to \.png/);
    expect(await refused(docxOf(), 'brief.pdf')).toMatch(/content is a Word file/);
    expect(await refused(pdfOf(), 'deck.pptx')).toMatch(/content is a PDF file/);
    expect(await refused(plainZip(), 'deck.pptx')).toMatch(/a ZIP archive/);
    expect(await refused(Buffer.from('just some notes\n'), 'notes.pdf')).toMatch(/is text;/);
    expect(await refused(Buffer.from([0, 1, 2, 3, 250, 251, 252]), 'blob.png')).toMatch(/no type Tandem recognises/);
  });

  it('gives a name without an extension the one of its content', async () => {
    expect(await check(pdfOf(), 'battlecard')).toMatchObject({ ok: true, fileName: 'battlecard.pdf' });
    expect(extensionOf('.hidden')).toBe('');
    expect(extensionOf('a.tar.GZ')).toBe('gz');
  });
});
