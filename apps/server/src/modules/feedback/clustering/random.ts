/** The shared seeded PRNG (mulberry32), so that the same input and seed give the same clusters. */
import { seededRandom } from '../../../lib/random.ts';

export interface Rng {
  next(): number;
  int(n: number): number;
  gaussian(): number;
}

export function createRng(seed: number): Rng {
  const { next } = seededRandom(seed >>> 0 || 0x9e3779b9);
  return {
    next,
    int: (n) => Math.floor(next() * n),
    gaussian: () => {
      // Box–Muller: the random projections of the SVD want normal draws.
      const u = next() || 1e-12;
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
  };
}
