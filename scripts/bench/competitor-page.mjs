/* global window, document, MutationObserver */
// The competitor page as a rep opens it from a link before a competitive call (issue 14: "loads in under a second on
// the demo"): a production server (`tandem start` with the Northwind demo, on its own embedded PostgreSQL), signed in
// as the demo rep, each competitor page opened by URL in a fresh tab of a warm browser (the app's files cached, as
// for someone who uses Tandem), timed from navigation to the page's h1 naming the competitor, measured in the page
// (a MutationObserver), and to the win-rate chart drawn. Given a base git ref, the same is measured for that commit
// built in a worktree beside this checkout, alternating base and this checkout page by page.
import path from 'node:path';
import { chromium } from 'playwright-core';
import { build, prepareBase } from './lighthouse.mjs';
import { startTandem } from './tandem-server.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const chromeArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function signedIn(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('textbox', { name: 'Email' }).fill('sofia@northwind.example');
  await page.getByRole('textbox', { name: 'Password' }).fill('tandem-demo-2026');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/w\//);
  const slug = page.url().match(/\/w\/([^/]+)/)[1];
  const competitors = (await (await page.request.get(`${url}api/v1/workspaces/${slug}/competitors`)).json()).items;
  await page.close();
  return { context, slug, competitors };
}

/** One open: ms from navigation start to the h1 naming the competitor, and to the chart's SVG. */
async function openOnce(context, url, name) {
  const page = await context.newPage();
  await page.addInitScript((expected) => {
    const marks = {};
    window.__marks = marks;
    new MutationObserver(() => {
      const h1 = document.querySelector('h1');
      if (!marks.h1 && h1 && h1.textContent?.trim() === expected) marks.h1 = performance.now();
      if (!marks.chart && document.querySelector('main .recharts-surface')) marks.chart = performance.now();
    }).observe(document, { subtree: true, childList: true, characterData: true });
  }, name);
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.locator('main .recharts-surface').first().waitFor({ timeout: 15_000 }).catch(() => {});
  const marks = await page.evaluate(() => window.__marks);
  await page.close();
  return marks;
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

export async function competitorPageBench({ base, rounds = 5 } = {}) {
  const targets = [];
  if (base) targets.push(prepareBase(base));
  targets.push({ label: 'this checkout', dir: undefined });
  for (const t of targets) build(t.dir ?? root);
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: chromeArgs });
  try {
    for (const t of targets) {
      t.server = await startTandem({ dir: t.dir, demo: true, prefix: 'tandem-bench-cp-' });
      t.session = await signedIn(browser, t.server.url);
      t.h1 = [];
      t.chart = [];
      // Warm-up: the app's files into the cache, the server's first queries.
      for (const c of t.session.competitors) await openOnce(t.session.context, `${t.server.url}w/${t.session.slug}/competitors/${c.id}`, c.name);
    }
    for (let i = 0; i < rounds; i++) {
      for (const c of targets[0].session.competitors) {
        for (const t of targets) {
          const mine = t.session.competitors.find((x) => x.name === c.name) ?? c;
          const m = await openOnce(t.session.context, `${t.server.url}w/${t.session.slug}/competitors/${mine.id}`, mine.name);
          if (m.h1) t.h1.push(m.h1);
          if (m.chart) t.chart.push(m.chart);
        }
      }
    }
  } finally {
    await browser.close();
    for (const t of targets) await t.server?.stop();
  }
  return targets.map((t) => ({
    label: t.label,
    opens: t.h1.length,
    h1: { p50: pct(t.h1, 50), p95: pct(t.h1, 95) },
    chart: t.chart.length ? { p50: pct(t.chart, 50), p95: pct(t.chart, 95) } : null,
  }));
}
