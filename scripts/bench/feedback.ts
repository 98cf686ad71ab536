// Costs behind the feedback pages, on demo-corpus texts: building a workspace's similarity index and answering a
// near-duplicate or closest-theme question (the quick-log form), and grouping untriaged items into suggested themes
// (k = √n, as "Find themes" does). No budget in the issue: these numbers choose the caps in docs/decisions/0005.
import { seededRandom } from '../../apps/server/src/lib/random.ts';
import { clusterTexts } from '../../apps/server/src/modules/feedback/clustering/engine.ts';
import { composeFeedback, pickTopic } from '../../apps/server/src/modules/feedback/feedback.demo-corpus.ts';
import { SimilarityIndex } from '../../apps/server/src/modules/feedback/similarity.ts';
import { suggestionCount } from '../../apps/server/src/modules/feedback/suggestions.service.ts';

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
