/**
 * Issue 13: the quick-log panel's near-duplicate search (POST …/feedback/similar) finds what another rep said in
 * other words. The same workspace is asked with and without word vectors, so the test shows what the vectors add.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createHarness, setupAdmin, type Client, type Harness } from '../../../test/app-harness.ts';
import { useWordVectors, wordVectors } from '../../lib/word-vectors/index.ts';
import { composeFeedback, pickTopic } from './feedback.demo-corpus.ts';
import { seededRandom } from '../../lib/random.ts';
import { indexChanged } from './similarity/similarity-cache.ts';

let h: Harness;
let rep: Client;
let ws: string;
const api = (p: string) => `/api/v1/workspaces/acme/${p}`;

/** What a rep logged, and how another rep put the same thing later. */
const PAIRS = [
  ['The mobile app crashes when uploading photos', 'the phone app closes itself during picture uploads'],
  ['Support never answers our tickets', 'nobody replies to our support requests'],
  ['Pricing is too expensive for small teams', 'the price is too high for a small company'],
  ['Customers want to export reports to Excel', 'they need to download the reports as spreadsheets'],
] as const;

beforeAll(async () => {
  h = await createHarness();
  const admin = await setupAdmin(h.app);
  ws = (await call(h.app, admin, 'GET', '/api/v1/workspaces/acme')).json().id;
  rep = (await addMember(h.app, admin, 'acme', 'rae@acme.test', 'sales', 'Rae Rep')).client;
  // A workspace with history: 300 demo-corpus items around the ones the test asks about.
  const rnd = seededRandom(3);
  const texts = Array.from({ length: 300 }, () => composeFeedback(rnd, pickTopic(rnd)).text);
  // Inserted in one statement: 300 requests would only slow the test down.
  await h.services.deps.database.pool.query(
    `insert into feedback_items (workspace_id, kind, text, source) select $1, 'pain_point', t, 'call' from unnest($2::text[]) as t`,
    [ws, texts],
  );
  for (const [said] of PAIRS) {
    const res = await call(h.app, rep, 'POST', api('feedback'), { body: { kind: 'pain_point', text: said } });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(async () => h?.close());

async function firstShown(text: string) {
  const res = await call(h.app, rep, 'POST', api('feedback/similar'), { body: { text } });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { text: string; similarity: number }[])[0]?.text ?? null;
}

describe('near-duplicates in other words', () => {
  it('shows the item a paraphrase repeats first, with word vectors; words and n-grams alone miss them', async () => {
    expect(wordVectors()).not.toBeNull();
    indexChanged(ws);
    const withVectors = [];
    for (const [said, again] of PAIRS) withVectors.push((await firstShown(again)) === said);

    const vectors = wordVectors()!;
    useWordVectors(null);
    try {
      indexChanged(ws);
      const without = [];
      for (const [said, again] of PAIRS) without.push((await firstShown(again)) === said);
      expect(without.filter(Boolean).length).toBeLessThan(withVectors.filter(Boolean).length);
    } finally {
      useWordVectors(vectors.bytes);
      indexChanged(ws);
    }
    expect(withVectors.filter(Boolean).length, JSON.stringify(withVectors)).toBeGreaterThanOrEqual(2);
  });
});
