// A worker thread that runs the clustering engine, so a server's event loop keeps answering requests meanwhile.
// Plain JavaScript: a worker starts without the main thread's TypeScript loader, so it registers tsx itself.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { useWordVectors } = await import('../../../lib/word-vectors/index.ts');
useWordVectors(workerData.vectors);
const { clusterTexts } = await import('../clustering/engine.ts');
const result = clusterTexts(workerData.texts, workerData.options);
parentPort.postMessage(result);
