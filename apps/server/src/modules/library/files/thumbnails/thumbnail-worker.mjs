// A worker thread that draws a thumbnail: the first page of a PDF (pdfjs-dist, legacy build for Node) or a
// scaled image (@napi-rs/canvas), as a PNG about `width` px wide. It runs in a thread so that a slow or hostile
// file costs that thread (stopped at its time limit, its heap capped), never the server's event loop.
// Plain JavaScript: a worker starts without the main thread's TypeScript loader. No network, no font download:
// fonts a PDF does not embed come from the standard fonts shipped inside pdfjs-dist.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);
/** Pages and images are never drawn taller than this many widths (a long strip is cut at the top part). */
const MAX_ASPECT = 3;
/** An image larger than this many pixels is not decoded (a PNG bomb declares 100,000 × 100,000). */
const MAX_IMAGE_PIXELS = 50_000_000;

/** Width and height from a PNG's IHDR or a JPEG's first SOF marker, without decoding; null when unreadable. */
function imageSize(buf) {
  if (buf.length >= 24 && buf.readUInt32BE(0) === 0x89504e47 && buf.toString('latin1', 12, 16) === 'IHDR') {
    return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
  }
  if (buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xd8) {
    let at = 2;
    while (at + 9 < buf.length) {
      if (buf[at] !== 0xff) return null;
      const marker = buf[at + 1];
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        at += 2;
        continue;
      }
      const length = buf.readUInt16BE(at + 2);
      // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: buf.readUInt16BE(at + 7), height: buf.readUInt16BE(at + 5) };
      }
      at += 2 + length;
    }
  }
  return null;
}

/** `target` wide (narrower for a smaller image: never enlarged; a PDF page is drawn at `target`), at most MAX_ASPECT widths tall. */
function targetSize(width, height, target, enlarge) {
  const w = Math.max(1, enlarge ? target : Math.min(target, Math.round(width)));
  const h = Math.max(1, Math.min(Math.round((height * w) / width), w * MAX_ASPECT));
  return { w, h };
}

async function imageThumbnail(bytes, target) {
  const size = imageSize(bytes);
  if (!size || size.width < 1 || size.height < 1 || size.width * size.height > MAX_IMAGE_PIXELS) return null;
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const image = await loadImage(bytes);
  const { w, h } = targetSize(image.width, image.height, target, false);
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  const scale = w / image.width;
  ctx.drawImage(image, 0, 0, image.width * scale, image.height * scale);
  return canvas.encode('png');
}

async function pdfThumbnail(bytes, target) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    standardFontDataUrl: `${root}/standard_fonts/`,
    cMapUrl: `${root}/cmaps/`,
    cMapPacked: true,
    wasmUrl: `${root}/wasm/`,
    iccUrl: `${root}/iccs/`,
    useSystemFonts: false,
    isEvalSupported: false,
    enableXfa: false,
    // Images inside the page larger than this many pixels are skipped rather than decoded.
    maxImageSize: 25_000_000,
    verbosity: 0,
  }).promise;
  try {
    const page = await doc.getPage(1);
    const natural = page.getViewport({ scale: 1 });
    if (!(natural.width > 0 && natural.height > 0)) return null;
    const { w, h } = targetSize(natural.width, natural.height, target, true);
    const viewport = page.getViewport({ scale: w / natural.width });
    // The canvas of pdfjs's own factory: pdfjs-dist draws with the @napi-rs/canvas it ships (Path2D and all).
    const entry = doc.canvasFactory.create(w, h);
    entry.context.fillStyle = '#ffffff';
    entry.context.fillRect(0, 0, w, h);
    await page.render({ canvas: entry.canvas, canvasContext: entry.context, viewport }).promise;
    return entry.canvas.toBuffer('image/png');
  } finally {
    await doc.destroy();
  }
}

const { path: filePath, kind, width } = workerData;
const bytes = await readFile(filePath);
const png = kind === 'pdf' ? await pdfThumbnail(bytes, width) : await imageThumbnail(bytes, width);
const out = png ? new Uint8Array(png) : null;
parentPort.postMessage(out, out ? [out.buffer] : []);
