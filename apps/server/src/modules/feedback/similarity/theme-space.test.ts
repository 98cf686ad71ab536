/** The themes' sentence space: directions that vary inside themes count for less than directions that tell them apart. */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../lib/random.ts';
import { fitWhitener, WHITEN_MIN_ITEMS } from './theme-space.ts';

const DIMS = 4;
const unit = (v: number[]) => {
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
};
const cos = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let d = 0; d < DIMS; d++) s += a[d]! * b[d]!;
  return s;
};

/**
 * Two themes told apart by a small difference along dimension 0, while their items differ a lot along dimension 1
 * (how people phrase things, the same in both themes).
 */
function items(n: number) {
  const rnd = seededRandom(5);
  const vectors: number[][] = [];
  const themes: string[] = [];
  for (let i = 0; i < n; i++) {
    const theme = i % 2 ? 'a' : 'b';
    vectors.push([theme === 'a' ? 0.6 : -0.6, 2 * (rnd.next() - 0.5), 0.6 * (rnd.next() - 0.5), 0.6 * (rnd.next() - 0.5)]);
    themes.push(theme);
  }
  return { vectors, themes };
}

describe('fitWhitener', () => {
  it('leaves the vectors alone below WHITEN_MIN_ITEMS themed items', () => {
    const { vectors, themes } = items(WHITEN_MIN_ITEMS - 1);
    expect(fitWhitener(vectors, themes, DIMS)).toBeNull();
    // Unthemed items do not count.
    const more = items(WHITEN_MIN_ITEMS + 50);
    expect(fitWhitener(more.vectors, more.themes.map((t, i) => (i < 60 ? t : null)), DIMS)).toBeNull();
  });

  it('makes two items of one theme that are phrased differently closer than two of different themes phrased alike', () => {
    const { vectors, themes } = items(WHITEN_MIN_ITEMS * 2);
    const w = fitWhitener(vectors, themes, DIMS)!;
    expect(w).not.toBeNull();
    const sameThemeApart = [unit([0.6, 1, 0, 0]), unit([0.6, -1, 0, 0])];
    const otherThemeAlike = [unit([0.6, 1, 0, 0]), unit([-0.6, 1, 0, 0])];
    // As they are, the phrasing wins: the other theme's item looks closer.
    expect(cos(sameThemeApart[0]!, sameThemeApart[1]!)).toBeLessThan(cos(otherThemeAlike[0]!, otherThemeAlike[1]!));
    const out = () => new Float32Array(DIMS);
    const [a, b, c] = [out(), out(), out()];
    w.apply(sameThemeApart[0]!, a);
    w.apply(sameThemeApart[1]!, b);
    w.apply(otherThemeAlike[1]!, c);
    expect(cos(a, b)).toBeGreaterThan(cos(a, c));
    expect(Math.hypot(...a)).toBeCloseTo(1, 5);
  });
});
