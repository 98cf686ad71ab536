import { Worker } from 'node:worker_threads';
import type { ClusterOptions, Clustering } from './engine.ts';

/**
 * `clusterTexts` in a worker thread: a few seconds of CPU (2,000 texts) that would otherwise stop every other
 * request the server is answering.
 */
export function clusterInWorker(texts: readonly string[], options: Omit<ClusterOptions, 'fitTexts'>): Promise<Clustering> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./cluster-worker.mjs', import.meta.url), { workerData: { texts, options } });
    let settled = false;
    worker.once('message', (result: Clustering) => {
      settled = true;
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the clustering worker exited with code ${code} before answering`));
    });
  });
}
