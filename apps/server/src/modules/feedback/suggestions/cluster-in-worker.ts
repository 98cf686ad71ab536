import { Worker } from 'node:worker_threads';
import { wordVectors } from '../../../lib/word-vectors/index.ts';
import type { ClusterOptions, Clustering } from '../clustering/engine.ts';

/** A run stopped at its time limit (`timeoutMs`), after its thread ended (`exitCode`). */
export class ClusterTimeoutError extends Error {
  timeoutMs = 0;
  exitCode = 0;
}

/**
 * `clusterTexts` in a worker thread: a few seconds of CPU (2,000 texts) that would otherwise stop every other
 * request the server is answering.
 */
export function clusterInWorker(texts: readonly string[], options: Omit<ClusterOptions, 'fitTexts'>, timeoutMs = 120_000): Promise<Clustering> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./cluster-worker.mjs', import.meta.url), {
      // The word vectors' bytes live in a SharedArrayBuffer: the worker reads the same memory, nothing is copied.
      workerData: { texts, options, vectors: wordVectors()?.bytes ?? null },
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    // A run that never ends must not hold a thread (and a PMM's request) for ever. The run fails once the
    // thread has ended (its exit code on the error), so no caller goes on while it still uses a core.
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      void worker.terminate().then((exitCode) =>
        reject(Object.assign(new ClusterTimeoutError(`the clustering worker took longer than ${timeoutMs / 1000} s and was stopped`), { timeoutMs, exitCode })),
      );
    }, timeoutMs);
    worker.once('message', (result: Clustering) => {
      settle(() => resolve(result));
      void worker.terminate();
    });
    worker.once('error', (e) => settle(() => reject(e)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the clustering worker exited with code ${code} before answering`))));
  });
}
