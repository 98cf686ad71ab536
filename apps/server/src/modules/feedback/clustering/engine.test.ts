import { describe, expect, it } from 'vitest';
import { clusterTexts } from './engine.ts';

const TOPICS = {
  refund: ['I want a refund for my order', 'how do I get a refund', 'refund my payment please', 'the refund never arrived', 'request a refund for the order'],
  password: ['I forgot my password', 'reset my password', 'password reset link is broken', 'cannot change password', 'my password does not work'],
  shipping: ['where is my shipping package', 'shipping is too slow', 'package delivery shipping late', 'track my shipping package', 'shipping took two weeks'],
};
const texts = Object.values(TOPICS).flat();
const gold = Object.keys(TOPICS).flatMap((t, i) => TOPICS[t as keyof typeof TOPICS].map(() => i));

describe('clusterTexts', () => {
  it('finds three obvious topics, each cluster holding exactly one of them', () => {
    const r = clusterTexts(texts, { k: 3, seed: 7 });
    expect(r.k).toBe(3);
    for (let t = 0; t < 3; t++) {
      const ids = new Set(gold.flatMap((g, i) => (g === t ? [r.assignments[i]] : [])));
      expect(ids.size).toBe(1);
    }
    expect(new Set(r.assignments).size).toBe(3);
  });

  it('labels each cluster with its topic word and three representative texts from it', () => {
    const r = clusterTexts(texts, { k: 3, seed: 7 });
    const labels = r.clusters.map((c) => c.label);
    for (const word of ['refund', 'password', 'shipping']) expect(labels.some((l) => l.split(/, | /).includes(word))).toBe(true);
    for (const c of r.clusters) {
      expect(c.keyPhrases.length).toBeGreaterThanOrEqual(2);
      expect(c.representatives).toHaveLength(3);
      for (const i of c.representatives) expect(r.assignments[i]).toBe(c.id);
    }
  });

  it('gives the same output for the same input and seed', () => {
    const a = clusterTexts(texts, { k: 3, seed: 11 });
    const b = clusterTexts(texts, { k: 3, seed: 11 });
    expect([...a.assignments]).toEqual([...b.assignments]);
    expect(a.clusters).toEqual(b.clusters);
  });

  it('picks k by itself with k auto, and handles a single text', () => {
    const r = clusterTexts(texts, { k: 'auto', seed: 3 });
    expect(r.k).toBeGreaterThanOrEqual(2);
    expect(r.k).toBeLessThanOrEqual(6);
    expect(clusterTexts(['only one'], { k: 'auto' }).assignments).toEqual(Int32Array.from([0]));
  });
});

describe('clusterTexts on degenerate input', () => {
  it('keeps identical texts together, however many clusters are asked for', () => {
    const r = clusterTexts(Array(7).fill('same thing'), { k: 5 });
    expect(r.k).toBe(1);
    expect(new Set(r.assignments)).toEqual(new Set([0]));
    expect(r.clusters[0]!.label).toBe('thing');
  });
});
