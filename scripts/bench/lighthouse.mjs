// First load as Lighthouse (12, mobile preset: simulated slow 4G and a 4× slower CPU) sees it: `/` of a
// production server (`tandem start` serving the built web app, on its own embedded PostgreSQL), signed out,
// so it lands on the sign-in page. Given a base git ref, the same is measured for that commit, built in a
// worktree beside this checkout, alternating base and this checkout run by run, and both are reported side by side.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTandem } from './tandem-server.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const chromeFlags = '--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync';

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/**
 * A worktree of `ref` sharing this checkout's installed packages (no install): every top-level package is
 * linked, except the workspace packages, which point at the worktree's own sources.
 */
export function prepareBase(ref) {
  const sha = run('git', ['rev-parse', '--short', ref], root).trim();
  const dir = path.join(os.tmpdir(), `tandem-base-${sha}`);
  if (!fs.existsSync(path.join(dir, 'package.json'))) run('git', ['worktree', 'add', '--detach', dir, sha], root);
  const modules = path.join(dir, 'node_modules');
  if (!fs.existsSync(modules)) {
    fs.mkdirSync(modules);
    for (const entry of fs.readdirSync(path.join(root, 'node_modules'))) {
      if (entry === '@tandem') continue;
      fs.symlinkSync(path.join(root, 'node_modules', entry), path.join(modules, entry));
    }
    fs.mkdirSync(path.join(modules, '@tandem'));
    for (const [name, rel] of [['contracts', 'packages/contracts'], ['server', 'apps/server'], ['web', 'apps/web']]) {
      fs.symlinkSync(path.join(dir, rel), path.join(modules, '@tandem', name));
    }
    const webModules = path.join(root, 'apps/web/node_modules');
    if (fs.existsSync(webModules) && !fs.existsSync(path.join(dir, 'apps/web/node_modules'))) {
      fs.symlinkSync(webModules, path.join(dir, 'apps/web/node_modules'));
    }
  }
  return { label: `base ${sha}`, dir };
}

/**
 * Builds a checkout's web app as `npm run build` does, into a side folder swapped in at the end,
 * so a server already running on that checkout never sees a half-written dist.
 */
export function build(dir) {
  const web = path.join(dir, 'apps/web');
  const tmp = path.join(web, `.dist-bench-${process.pid}`);
  run(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', tmp, '--emptyOutDir'], web);
  const dist = path.join(web, 'dist');
  const old = path.join(web, `.dist-bench-old-${process.pid}`);
  if (fs.existsSync(dist)) fs.renameSync(dist, old);
  fs.renameSync(tmp, dist);
  fs.rmSync(old, { recursive: true, force: true });
}

/** `tandem start` of a checkout (serving its apps/web/dist) on its own embedded PostgreSQL. */
const startServer = (dir) => startTandem({ dir, prefix: 'tandem-bench-lh-' });

// TANDEM_LIGHTHOUSE_REPORTS=DIR keeps each run's full JSON report there (opportunities, requests, long tasks),
// named after the checkout and the run; without it the reports are deleted once read.
const reportsDir = process.env.TANDEM_LIGHTHOUSE_REPORTS;

function lighthouse(url, name) {
  const out = path.join(os.tmpdir(), `tandem-lh-${process.pid}-${Date.now()}.json`);
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/lighthouse/cli/index.js'),
      url,
      '--only-categories=performance',
      '--output=json',
      `--output-path=${out}`,
      `--chrome-flags=${chromeFlags}`,
      '--quiet',
    ],
    { env: { ...process.env, CHROME_PATH: chromePath }, encoding: 'utf8' },
  );
  if (r.status !== 0 || !fs.existsSync(out)) throw new Error(`lighthouse failed:\n${r.stdout}\n${r.stderr}`);
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  if (reportsDir && name) {
    fs.mkdirSync(reportsDir, { recursive: true });
    fs.copyFileSync(out, path.join(reportsDir, `${name}.json`));
  }
  fs.rmSync(out);
  const a = report.audits;
  const requests = a['network-requests']?.details?.items ?? [];
  return {
    score: Math.round(report.categories.performance.score * 100),
    lcp: a['largest-contentful-paint'].numericValue,
    fcp: a['first-contentful-paint'].numericValue,
    tbt: a['total-blocking-time'].numericValue,
    transferred: a['total-byte-weight'].numericValue,
    resourceBytes: requests.reduce((s, q) => s + (q.resourceSize ?? 0), 0),
    requests: requests.length,
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Measures each checkout `runs` times (alternating) and returns the median of each number per checkout. */
export async function lighthouseBench({ base, runs = 3 } = {}) {
  const targets = [];
  if (base) targets.push(prepareBase(base));
  targets.push({ label: 'this checkout', dir: root });
  for (const t of targets) {
    build(t.dir);
    t.results = [];
  }
  try {
    for (const t of targets) {
      t.server = await startServer(t.dir);
      lighthouse(t.server.url); // warm-up: the first Chromium start and the server's first requests are not measured
    }
    for (let i = 0; i < runs; i++) {
      for (const t of targets) t.results.push(lighthouse(t.server.url, `${t.label.replace(/\W+/g, '-')}-run${i + 1}`));
    }
  } finally {
    for (const t of targets) await t.server?.stop();
  }
  return targets.map((t) => {
    const m = (k) => median(t.results.map((r) => r[k]));
    return {
      label: t.label,
      runs: t.results.length,
      score: m('score'),
      lcp: m('lcp'),
      fcp: m('fcp'),
      tbt: m('tbt'),
      transferred: m('transferred'),
      resourceBytes: m('resourceBytes'),
      requests: m('requests'),
      scores: t.results.map((r) => r.score),
    };
  });
}
