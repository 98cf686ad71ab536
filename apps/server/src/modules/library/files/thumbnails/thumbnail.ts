/**
 * Thumbnails of asset files, drawn in a worker thread (thumbnail-worker.mjs) at upload: the first page of a PDF,
 * or the image scaled, as a PNG about 320 px wide. A file that cannot be drawn — corrupt, hostile, too large, or
 * slower than the time limit — gets no thumbnail (null) and is kept; the thread is stopped, the server goes on.
 * Measured here: a 1.4 MB, 12-page PDF (text and a photo) takes about 0.4–0.5 s in a fresh thread (pdfjs loaded
 * in ~0.1 s, the page drawn in ~0.3 s), so it is drawn during the upload rather than in a job.
 */
import { Worker } from 'node:worker_threads';
import type { AssetFileKind } from '@tandem/contracts';

export const THUMBNAIL_WIDTH = 320;

export interface ThumbnailOptions {
  timeoutMs?: number;
  /** The worker script (tests pass one that never ends). */
  workerUrl?: URL;
}

const DEFAULT_TIMEOUT_MS = 15_000;
/** Threads drawing at once; more uploads wait their turn (each thread may take a core and a few hundred MB). */
const MAX_THREADS = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function turn<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= MAX_THREADS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export type ThumbnailOutcome = { png: Buffer } | { png: null; reason: string };

/** Draws the thumbnail of the file at `path` (a PDF or an image); never throws. */
export function drawThumbnail(path: string, kind: AssetFileKind, opts: ThumbnailOptions = {}): Promise<ThumbnailOutcome> {
  if (kind !== 'pdf' && kind !== 'png' && kind !== 'jpeg') return Promise.resolve({ png: null, reason: `no thumbnail for ${kind}` });
  return turn(() => inWorker(path, kind, opts));
}

function inWorker(path: string, kind: AssetFileKind, opts: ThumbnailOptions): Promise<ThumbnailOutcome> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise((resolve) => {
    let settled = false;
    const worker = new Worker(opts.workerUrl ?? new URL('./thumbnail-worker.mjs', import.meta.url), {
      workerData: { path, kind, width: THUMBNAIL_WIDTH },
      // A hostile PDF may try to take the memory: the thread's heap is capped and it dies alone.
      resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 },
      stdout: true,
      stderr: true,
    });
    // pdfjs warns on console about damaged files; those lines are not the server's log.
    worker.stdout.resume();
    worker.stderr.resume();
    const settle = (outcome: ThumbnailOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Answered once the thread has ended, so a stopped drawing never holds a core after its turn.
      void worker.terminate().then(
        () => resolve(outcome),
        () => resolve(outcome),
      );
    };
    const timer = setTimeout(() => settle({ png: null, reason: `drawing took longer than ${timeoutMs / 1000} s and was stopped` }), timeoutMs);
    worker.once('message', (png: Uint8Array | null) =>
      settle(png && png.length > 0 ? { png: Buffer.from(png.buffer, png.byteOffset, png.byteLength) } : { png: null, reason: 'nothing to draw' }),
    );
    worker.once('error', (e) => settle({ png: null, reason: e.message }));
    worker.once('exit', (code) => settle({ png: null, reason: `the thread ended (code ${code}) before answering` }));
  });
}
