// Costs behind the feedback pages, on demo-corpus texts: building a workspace's similarity index and answering a
// near-duplicate or closest-theme question (the quick-log form), and grouping untriaged items into suggested themes
// (k = √n, as "Find themes" does). No budget in the issue: these numbers choose the caps in docs/decisions/0005.
import { seededRandom } from '../../apps/server/src/lib/random.ts';
import { clusterTexts } from '../../apps/server/src/modules/feedback/clustering/engine.ts';
import { composeFeedback, pickTopic } from '../../apps/server/src/modules/feedback/feedback.demo-corpus.ts';
import { DEMO_THEMED_TOPICS } from '../../apps/server/src/modules/feedback/feedback.demo.ts';
import { confidentEnough, SimilarityIndex, THEME_RULE, type ThemeRule } from '../../apps/server/src/modules/feedback/similarity/similarity.ts';
import { suggestionCount } from '../../apps/server/src/modules/feedback/suggestions/suggestions.service.ts';

const rnd = seededRandom(3);
const texts: string[] = [];
for (let i = 0; i < 10_000; i++) texts.push(composeFeedback(rnd, pickTopic(rnd)).text);
const themes = new Set(Array.from({ length: 25 }, (_, i) => String(i)));

for (const n of [1_500, 10_000]) {
  const t0 = performance.now();
  const index = SimilarityIndex.build(texts.slice(0, n).map((text, i) => ({ id: String(i), text, themeId: String(i % 25), observedAt: new Date(), submittedByUserId: null })));
  const t1 = performance.now();
  for (let q = 0; q < 20; q++) index.nearest(texts[q]!, { since: new Date(0) });
  const t2 = performance.now();
  for (let q = 0; q < 20; q++) index.closestTheme(texts[q]!, themes);
  const t3 = performance.now();
  console.log(
    `feedback: similarity index of ${n.toLocaleString('en-US')} items: build ${((t1 - t0) / 1000).toFixed(2)} s, ` +
      `near-duplicates ${((t2 - t1) / 20).toFixed(1)} ms/query, closest theme ${((t3 - t2) / 20).toFixed(1)} ms/query`,
  );
}
for (const n of [500, 2_000]) {
  const t0 = performance.now();
  const r = clusterTexts(texts.slice(0, n), { k: suggestionCount(n), seed: 42 });
  console.log(`feedback: suggested themes over ${n.toLocaleString('en-US')} untriaged items: k = ${r.k}, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

// ---- How the thresholds and the suggestion count were chosen (docs/decisions/0005) -------------------------------

/** Demo items, with the topic each came from: the corpus's topics are the ground truth here. */
function corpus(seed: number, n: number) {
  const r = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const topic = pickTopic(r);
    return { topic: topic.key, text: composeFeedback(r, topic).text };
  });
}

// Auto-assignment: 1,200 items indexed with 19 of the 29 topics as themes; where do 300 new items go?
{
  const all = corpus(7, 1500);
  const train = all.slice(0, 1200);
  const test = all.slice(1200);
  const topics = [...new Set(all.map((a) => a.topic))].sort();
  const themed = new Set(topics.slice(0, 19));
  const index = SimilarityIndex.build(
    train.map((a, i) => ({ id: String(i), text: a.text, themeId: themed.has(a.topic) ? a.topic : null, observedAt: new Date(), submittedByUserId: null })),
  );
  const shouldJoin = test.filter((a) => themed.has(a.topic)).length;
  const rules: ThemeRule[] = [
    { min: 0.2, margin: 0.05, sizePower: 0, nearest: 3 },
    { min: 0.3, margin: 0.05, sizePower: 0, nearest: 3 },
    // The rule before the size-aware margin (decision 0007), then the engine's.
    { min: 0.3, margin: 0.12, sizePower: 0, nearest: 3 },
    THEME_RULE,
  ];
  for (const rule of rules) {
    let filed = 0;
    let right = 0;
    let unthemedFiled = 0;
    for (const a of test) {
      const m = index.closestTheme(a.text, themed, rule.nearest);
      if (!m || !confidentEnough(m, rule)) continue;
      filed++;
      if (m.themeId === a.topic) right++;
      else if (!themed.has(a.topic)) unthemedFiled++;
    }
    console.log(
      `feedback: auto-assignment at score ≥ ${rule.min}, margin ≥ ${rule.margin} × (5 / n)^${rule.sizePower}, ${rule.nearest} nearest: filed ${right} of ${shouldJoin} themed items correctly (recall ${(right / shouldJoin).toFixed(3)}), ` +
        `precision ${(right / Math.max(1, filed)).toFixed(3)}, unthemed items filed ${unthemedFiled}`,
    );
  }
}

// Suggestion count: the untriaged part of the demo (the topics the demo leaves without a theme), three seeds.
{
  const nmi = (gold: string[], got: Int32Array) => {
    const n = gold.length;
    const a = new Map<string, number>();
    const b = new Map<number, number>();
    const joint = new Map<string, number>();
    gold.forEach((g, i) => {
      a.set(g, (a.get(g) ?? 0) + 1);
      b.set(got[i]!, (b.get(got[i]!) ?? 0) + 1);
      joint.set(`${g}|${got[i]}`, (joint.get(`${g}|${got[i]}`) ?? 0) + 1);
    });
    let mi = 0;
    for (const [key, v] of joint) {
      const [g, c] = key.split('|');
      mi += (v / n) * Math.log((v * n) / (a.get(g!)! * b.get(Number(c))!));
    }
    const h = (m: Map<unknown, number>) => -[...m.values()].reduce((s, v) => s + (v / n) * Math.log(v / n), 0);
    return (2 * mi) / (h(a) + h(b));
  };
  const themedInDemo = new Set(DEMO_THEMED_TOPICS);
  const unthemed = new Set(corpus(42, 1500).map((a) => a.topic).filter((t) => !themedInDemo.has(t)));
  for (const seed of [42, 7, 11]) {
    const items = corpus(seed, 1500).filter((a) => unthemed.has(a.topic));
    const n = items.length;
    const row: string[] = [];
    for (const [name, k] of [['silhouette', 'auto'], ['√(n/2)', Math.round(Math.sqrt(n / 2))], ['√n', suggestionCount(n)]] as const) {
      const r = clusterTexts(
        items.map((i) => i.text),
        { k, seed: 42 },
      );
      const majority = new Map<number, Map<string, number>>();
      r.assignments.forEach((c, i) => {
        const m = majority.get(c) ?? new Map<string, number>();
        m.set(items[i]!.topic, (m.get(items[i]!.topic) ?? 0) + 1);
        majority.set(c, m);
      });
      const pure = [...majority.values()].reduce((s, m) => s + Math.max(...m.values()), 0);
      row.push(`${name} k ${r.k}: NMI ${nmi(items.map((i) => i.topic), r.assignments).toFixed(3)}, purity ${(pure / n).toFixed(3)}`);
    }
    console.log(`feedback: suggestion count, seed ${seed}, ${n} untriaged items: ${row.join(' · ')}`);
  }
}
