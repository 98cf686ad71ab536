// Clustering quality and speed of the themes engine. Quality: Banking77 test.csv (3,080 texts, 77 intents) with
// k = 77, NMI / ARI / accuracy (Hungarian matching, munkres-js) against `category`, beside a TF-IDF (words) +
// k-means baseline computed here in the same run; both fit vocabulary and idf on the unlabelled train.csv texts
// too. Speed: `tandem themes cluster --k 77` as a child process on 100,000 texts made from train.csv with light
// variation, with its peak RSS (VmHWM) sampled from /proc.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import munkres from 'munkres-js';

const root = path.resolve(import.meta.dirname, '../..');
const tandemBin = path.join(root, 'apps/server/bin/tandem.js');
const datasets = path.resolve(root, '../shared/datasets/banking77');

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------- scores

function contingency(gold, labels) {
  const g = new Map();
  const c = new Map();
  const gi = gold.map((x) => (g.has(x) ? g.get(x) : (g.set(x, g.size), g.size - 1)));
  const ci = Array.from(labels, (x) => (c.has(x) ? c.get(x) : (c.set(x, c.size), c.size - 1)));
  const table = Array.from({ length: g.size }, () => new Array(c.size).fill(0));
  gi.forEach((x, i) => table[x][ci[i]]++);
  return table;
}

export function scores(gold, labels) {
  const n = gold.length;
  const t = contingency(gold, labels);
  const rows = t.map((r) => r.reduce((s, v) => s + v, 0));
  const cols = t[0].map((_, j) => t.reduce((s, r) => s + r[j], 0));
  const h = (v) => -v.reduce((s, x) => (x ? s + (x / n) * Math.log(x / n) : s), 0);
  let mi = 0;
  t.forEach((r, i) => r.forEach((v, j) => v && (mi += (v / n) * Math.log((n * v) / (rows[i] * cols[j])))));
  const nmi = mi / ((h(rows) + h(cols)) / 2);
  const c2 = (x) => (x * (x - 1)) / 2;
  const index = t.flat().reduce((s, v) => s + c2(v), 0);
  const a = rows.reduce((s, v) => s + c2(v), 0);
  const b = cols.reduce((s, v) => s + c2(v), 0);
  const expected = (a * b) / c2(n);
  const ari = (index - expected) / ((a + b) / 2 - expected);
  // Hungarian matching of clusters to classes maximising the texts on the diagonal.
  const size = Math.max(t.length, t[0].length);
  const cost = Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => -(t[i]?.[j] ?? 0)));
  const accuracy = munkres(cost).reduce((s, [i, j]) => s + (t[i]?.[j] ?? 0), 0) / n;
  return { nmi, ari, accuracy };
}

// ---------------------------------------------------------------- baseline: TF-IDF (words) + k-means

/** scikit-learn's TfidfVectorizer defaults: tokens of 2+ word characters, smooth idf, l2 rows; k-means++, best of 10. */
export function baseline(texts, fitTexts, k, seed) {
  const tok = (s) => s.toLowerCase().match(/\b\w\w+\b/g) ?? [];
  const df = new Map();
  for (const t of fitTexts) for (const w of new Set(tok(t))) df.set(w, (df.get(w) ?? 0) + 1);
  const vocab = new Map([...df.keys()].sort().map((w, i) => [w, i]));
  const idf = [...vocab.keys()].map((w) => Math.log((1 + fitTexts.length) / (1 + df.get(w))) + 1);
  const rows = texts.map((t) => {
    const tf = new Map();
    for (const w of tok(t)) tf.set(vocab.get(w), (tf.get(vocab.get(w)) ?? 0) + 1);
    const e = [...tf].map(([c, f]) => [c, f * idf[c]]);
    const norm = Math.hypot(...e.map(([, v]) => v)) || 1;
    return e.map(([c, v]) => [c, v / norm]);
  });
  const d = vocab.size;
  const n = rows.length;
  const dist = (r, c, cn) => 1 + cn - 2 * r.reduce((s, [j, v]) => s + v * c[j], 0);
  const random = rng(seed);
  let best = null;
  for (let init = 0; init < 10; init++) {
    const cents = [];
    const minD = new Float64Array(n).fill(Infinity);
    let pick = Math.floor(random() * n);
    for (let c = 0; c < k; c++) {
      const cent = new Float64Array(d);
      for (const [j, v] of rows[pick]) cent[j] = v;
      cents.push(cent);
      const cn = cent.reduce((s, v) => s + v * v, 0);
      let total = 0;
      rows.forEach((r, i) => ((minD[i] = Math.min(minD[i], dist(r, cent, cn))), (total += minD[i])));
      let target = random() * total;
      pick = n - 1;
      for (let i = 0; i < n; i++) {
        target -= minD[i];
        if (target <= 0) {
          pick = i;
          break;
        }
      }
    }
    const labels = new Int32Array(n);
    let inertia = Infinity;
    for (let it = 0; it < 100; it++) {
      const norms = cents.map((c) => c.reduce((s, v) => s + v * v, 0));
      let next = 0;
      rows.forEach((r, i) => {
        let bi = 0;
        let bd = Infinity;
        for (let c = 0; c < k; c++) {
          const x = dist(r, cents[c], norms[c]);
          if (x < bd) {
            bd = x;
            bi = c;
          }
        }
        labels[i] = bi;
        next += bd;
      });
      if (Number.isFinite(inertia) && inertia - next <= 1e-4 * inertia) break;
      inertia = next;
      const counts = new Int32Array(k);
      cents.forEach((c) => c.fill(0));
      rows.forEach((r, i) => (counts[labels[i]]++, r.forEach(([j, v]) => (cents[labels[i]][j] += v))));
      cents.forEach((c, ci) => counts[ci] && c.forEach((v, j) => (c[j] = v / counts[ci])));
    }
    if (!best || inertia < best.inertia) best = { inertia, labels };
  }
  return best.labels;
}

// ---------------------------------------------------------------- 100,000 texts

/** A training text with light variation: case, a dropped or doubled word, swapped neighbours, a typo, a greeting. */
function vary(text, random) {
  let w = text.split(/\s+/);
  const r = random();
  if (r < 0.15 && w.length > 3) w.splice(Math.floor(random() * w.length), 1);
  else if (r < 0.3 && w.length > 2) {
    const i = Math.floor(random() * (w.length - 1));
    [w[i], w[i + 1]] = [w[i + 1], w[i]];
  } else if (r < 0.45) {
    const i = Math.floor(random() * w.length);
    const s = w[i];
    if (s.length > 3) {
      const j = 1 + Math.floor(random() * (s.length - 2));
      w[i] = s.slice(0, j) + s[j + 1] + s[j] + s.slice(j + 2);
    }
  }
  if (random() < 0.2) w = [['Hi,', 'Hello,', 'Hey', 'Please help:'][Math.floor(random() * 4)], ...w];
  if (random() < 0.2) w.push(['Thanks', 'thank you!', 'asap', 'please'][Math.floor(random() * 4)]);
  const s = w.join(' ');
  return random() < 0.1 ? s.toLowerCase() : s;
}

const vmHwmKb = (pid) => {
  try {
    return Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
};

function runMeasured(args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [tandemBin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, vmHwmKb(child.pid))), 50);
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', () => clearInterval(timer));
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) resolve({ seconds, peakMb: peak / 1024, stderr: err });
      else reject(new Error(`tandem ${args.join(' ')} exited ${code}: ${err.trim().slice(-2000)}`));
    });
  });
}

const readBanking77 = (f) => parse(fs.readFileSync(path.join(datasets, f)), { columns: true });

/**
 * The engine's clustering (clusterTexts, k = 77) scored against the categories: Banking77 test with idf fitted on
 * train too by default; the feedback quality bench passes its dev split's texts instead.
 */
export async function engineScores({ texts, gold, fitTexts, k = 77, seed = 42 } = {}) {
  if (!texts) {
    const test = readBanking77('test.csv');
    texts = test.map((r) => r.text);
    gold = test.map((r) => r.category);
    fitTexts = readBanking77('train.csv').map((r) => r.text);
  }
  const { register } = await import('tsx/esm/api');
  register();
  const { clusterTexts } = await import('../../apps/server/src/modules/feedback/clustering/engine.ts');
  const t0 = performance.now();
  const engine = clusterTexts(texts, { k, seed, fitTexts });
  return { ...scores(gold, engine.assignments), seconds: (performance.now() - t0) / 1000 };
}

export async function themesBench({ items = 100_000, seed = 42 } = {}) {
  const test = readBanking77('test.csv');
  const train = readBanking77('train.csv').map((r) => r.text);
  const gold = test.map((r) => r.category);
  const texts = test.map((r) => r.text);

  const engine = await engineScores({ texts, gold, fitTexts: train, seed });
  const t0 = performance.now();
  const base = baseline(texts, [...train, ...texts], 77, seed);
  const baselineSeconds = (performance.now() - t0) / 1000;

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-themes-'));
  try {
    const random = rng(seed);
    const lines = ['text'];
    for (let i = 0; i < items; i++) lines.push(JSON.stringify(vary(train[i % train.length], random)).replace(/\\"/g, '""'));
    const input = path.join(dir, 'items.csv');
    fs.writeFileSync(input, lines.join('\n') + '\n');
    const big = await runMeasured(['themes', 'cluster', '--input', input, '--k', '77', '--seed', String(seed), '--output', path.join(dir, 'out.jsonl')]);
    return {
      engine,
      baseline: { ...scores(gold, base), seconds: baselineSeconds },
      big: { items, ...big },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
