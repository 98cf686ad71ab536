/**
 * A guide, not a gate: on Banking77 test (3,080 bank support questions, 77 intents) clustered as suggestions are
 * (k = 77, vocabulary fitted with train.csv as in scripts/bench/themes.mjs), how many suggested names hold a content
 * word of their group's intent ("card_arrival" → card, arrival; compared by stem). Prints the figure beside the
 * keyword labels' (the names before) and the figure for naming each intent's own texts. The floor only catches a
 * namer that stopped naming from the texts; docs/benchmarks.md records the figure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { clusterTexts } from './engine.ts';
import { isContentWord, keywordLabel, nameClusters, nameKey, stem } from './theme-names.ts';

const DIR = path.resolve(import.meta.dirname, '../../../../../../../shared/datasets/banking77');
const found = fs.existsSync(path.join(DIR, 'test.csv'));
/** Names that share a content word with their intent; measured 0.8+ (see docs/benchmarks.md), keyword labels ~0.7. */
const FLOOR = 0.6;

const read = (file: string) => parse(fs.readFileSync(path.join(DIR, file)), { columns: true }) as { text: string; category: string }[];
const intentWords = (category: string) => category.replace(/[^a-z_]/gi, '').split('_').filter(isContentWord).map(stem);
const hits = (name: string, category: string) => {
  const said = new Set(nameKey(name).split(' '));
  return intentWords(category).some((w) => said.has(w));
};

if (!found) console.warn(`\n!! Banking77 naming test SKIPPED: no ${DIR}/test.csv\n`);

describe.skipIf(!found)('suggested names on Banking77', () => {
  it('mostly name a group with a word of its intent', { timeout: 180_000 }, () => {
    const rows = read('test.csv');
    const texts = rows.map((r) => r.text);
    const result = clusterTexts(texts, { k: 77, seed: 42, fitTexts: read('train.csv').map((r) => r.text) });
    const groups = result.clusters.map((c) => {
      const rest: number[] = [];
      result.assignments.forEach((a, i) => a === c.id && !c.representatives.includes(i) && rest.push(i));
      return { members: [...c.representatives, ...rest], keyPhrases: c.keyPhrases };
    });
    const names = nameClusters(texts, groups);
    const majority = groups.map((g) => {
      const count = new Map<string, number>();
      for (const i of g.members) count.set(rows[i]!.category, (count.get(rows[i]!.category) ?? 0) + 1);
      return [...count].sort((p, q) => q[1] - p[1])[0]![0];
    });
    const share = (named: string[]) => named.filter((n, i) => hits(n, majority[i]!)).length / named.length;
    const after = share(names.map((n) => n.name));
    const before = share(groups.map((g) => keywordLabel(g.keyPhrases, '')));

    const intents = [...new Set(rows.map((r) => r.category))];
    const gold = nameClusters(
      texts,
      intents.map((c) => ({ members: rows.flatMap((r, i) => (r.category === c ? [i] : [])), keyPhrases: [] })),
    );
    const goldShare = gold.filter((n, i) => hits(n.name, intents[i]!)).length / intents.length;
    const phrases = names.filter((n) => n.source === 'phrase').length;
    console.log(
      `Banking77 names holding a word of their intent: ${(after * 100).toFixed(1)} % of ${names.length} suggested names ` +
        `(keyword labels: ${(before * 100).toFixed(1)} %); naming each intent's own texts: ${(goldShare * 100).toFixed(1)} %; ` +
        `${phrases} of ${names.length} names are phrases from the texts`,
    );
    expect(phrases).toBe(names.length);
    expect(after).toBeGreaterThan(FLOOR);
  });
});
