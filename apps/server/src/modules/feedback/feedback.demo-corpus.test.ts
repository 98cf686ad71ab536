import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../lib/random.ts';
import { composeFeedback, DEMO_COMPETITORS, DEMO_KINDS, DEMO_TOPICS, pickTopic, type DemoFeedback } from './feedback.demo-corpus.ts';

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

function sample(seed: number, n: number): DemoFeedback[] {
  const rnd = seededRandom(seed);
  return Array.from({ length: n }, () => composeFeedback(rnd, pickTopic(rnd)));
}

describe('feedback demo corpus', () => {
  it('has 26–30 topics with unique keys, enough distinct texts and quotes, and known competitors', () => {
    expect(DEMO_TOPICS.length).toBeGreaterThanOrEqual(26);
    expect(DEMO_TOPICS.length).toBeLessThanOrEqual(30);
    expect(new Set(DEMO_TOPICS.map((t) => t.key)).size).toBe(DEMO_TOPICS.length);
    for (const t of DEMO_TOPICS) {
      expect(new Set(t.texts).size, t.key).toBeGreaterThanOrEqual(14);
      expect(new Set(t.quotes).size, t.key).toBeGreaterThanOrEqual(6);
      for (const text of t.texts) {
        expect(wordCount(text), text).toBeGreaterThanOrEqual(8);
        expect(wordCount(text), text).toBeLessThanOrEqual(35);
      }
      if (t.competitor !== null) expect(DEMO_COMPETITORS).toContain(t.competitor);
      for (const kind of Object.keys(t.kinds)) {
        expect(DEMO_KINDS, `${t.key}: ${kind}`).toContain(kind);
        expect(t.textsByKind?.[kind as keyof typeof t.kinds]?.length ?? 0, `${t.key}: ${kind}`).toBeGreaterThan(0);
      }
    }
    const allTexts = DEMO_TOPICS.flatMap((t) => t.texts);
    expect(new Set(allTexts).size).toBe(allTexts.length);
  });

  it('samples 1,500 varied items in which every kind has at least 5%', () => {
    const items = sample(20240601, 1500);
    for (const kind of DEMO_KINDS) {
      const share = items.filter((i) => i.kind === kind).length / items.length;
      expect(share, kind).toBeGreaterThanOrEqual(0.05);
    }
    expect(new Set(items.map((i) => i.text)).size).toBeGreaterThanOrEqual(1000);
    expect(new Set(items.map((i) => i.topic)).size).toBe(DEMO_TOPICS.length);
    for (const i of items) {
      if (i.competitor !== null) expect(DEMO_COMPETITORS).toContain(i.competitor);
      if (i.kind === 'competitor_intel') expect(i.competitor).not.toBeNull();
    }
    const quoteShare = items.filter((i) => i.quote !== null).length / items.length;
    expect(quoteShare).toBeGreaterThan(0.3);
    expect(quoteShare).toBeLessThan(0.5);
  });

  it('is deterministic for a seed', () => {
    expect(sample(7, 50)).toEqual(sample(7, 50));
  });
});
