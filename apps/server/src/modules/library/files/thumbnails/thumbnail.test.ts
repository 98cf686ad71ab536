/** Thumbnails are drawn in a thread that a slow, corrupt or hostile file cannot take the server down with. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpegOf, pdfOf, pngOf } from '../fixtures/sample-files.ts';
import { drawThumbnail, THUMBNAIL_WIDTH } from './thumbnail.ts';

let dir: string;
let n = 0;
const fileOf = async (bytes: Buffer) => {
  const file = path.join(dir, `f${++n}`);
  await fs.writeFile(file, bytes);
  return file;
};
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const sizeOf = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-thumbs-'));
});
afterAll(async () => fs.rm(dir, { recursive: true, force: true }));

describe('drawThumbnail', () => {
  it("draws a PDF's first page as a PNG 320 px wide, with a font the PDF does not embed", async () => {
    const out = await drawThumbnail(await fileOf(pdfOf('Northwind', 3)), 'pdf');
    if (!out.png) throw new Error(out.reason);
    expect(out.png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    // Letter size, 612 × 792 points: 320 × 414 px.
    expect(sizeOf(out.png)).toEqual({ width: THUMBNAIL_WIDTH, height: 414 });
  });

  it('scales images down to 320 px wide and never enlarges a small one', async () => {
    const big = await drawThumbnail(await fileOf(await jpegOf(1600, 1200)), 'jpeg');
    expect(big.png && sizeOf(big.png)).toEqual({ width: 320, height: 240 });
    const small = await drawThumbnail(await fileOf(await pngOf(100, 50)), 'png');
    expect(small.png && sizeOf(small.png)).toEqual({ width: 100, height: 50 });
  });

  it('keeps going without a thumbnail for a corrupt PDF, an image bomb, or an Office file', async () => {
    const corrupt = await drawThumbnail(await fileOf(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5000, 0x41)])), 'pdf');
    expect(corrupt.png).toBeNull();
    // A PNG that declares 100,000 × 100,000 pixels (40 GB decoded) is not decoded at all.
    const bomb = await pngOf(10, 10);
    bomb.writeUInt32BE(100_000, 16);
    bomb.writeUInt32BE(100_000, 20);
    expect((await drawThumbnail(await fileOf(bomb), 'png')).png).toBeNull();
    expect(await drawThumbnail(await fileOf(Buffer.from('x')), 'docx')).toEqual({ png: null, reason: 'no thumbnail for docx' });
  });

  it('stops a drawing that never ends at its time limit, and the server goes on', async () => {
    const started = Date.now();
    const out = await drawThumbnail(await fileOf(pdfOf()), 'pdf', { timeoutMs: 500, workerUrl: new URL('../fixtures/hang-worker.mjs', import.meta.url) });
    expect(out).toEqual({ png: null, reason: 'drawing took longer than 0.5 s and was stopped' });
    expect(Date.now() - started).toBeLessThan(5000);
    // The next drawing gets a thread as usual.
    expect((await drawThumbnail(await fileOf(pdfOf()), 'pdf')).png).not.toBeNull();
  });

  it('draws a typical 1–2 MB PDF (12 pages, text and a photo) in well under the limit', async () => {
    const doc = new PDFDocument();
    const noise = createCanvas(800, 600);
    const ctx2 = noise.getContext('2d');
    const img = ctx2.createImageData(800, 600);
    // Noise (a seeded xorshift), so the photo does not compress away: the PDF comes out at about 1.4 MB.
    let seed = 2463534242;
    for (let i = 0; i < img.data.length; i++) {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      img.data[i] = i % 4 === 3 ? 255 : seed & 255;
    }
    ctx2.putImageData(img, 0, 0);
    for (let p = 0; p < 12; p++) {
      // beginPage is typed with the DOM's context; it is the package's own (drawImage takes its canvases).
      const ctx = doc.beginPage(595, 842) as unknown as SKRSContext2D;
      ctx.font = '24px sans-serif';
      ctx.fillText(`Page ${p + 1}: Northwind battlecard`, 40, 60);
      for (let l = 0; l < 40; l++) ctx.fillText('Lorem ipsum dolor sit amet, consectetur adipiscing elit.', 40, 100 + l * 16);
      if (p < 2) ctx.drawImage(noise, 40, 500, 500, 300);
      doc.endPage();
    }
    const pdf = doc.close();
    const started = performance.now();
    const out = await drawThumbnail(await fileOf(pdf), 'pdf');
    const ms = performance.now() - started;
    console.info(`thumbnail of a ${(pdf.length / 1048576).toFixed(2)} MB, 12-page PDF: ${ms.toFixed(0)} ms`);
    expect(pdf.length).toBeGreaterThan(1_000_000);
    expect(out.png).not.toBeNull();
    expect(ms).toBeLessThan(15_000);
  });
});
