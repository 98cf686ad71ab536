/**
 * Browser-test harness: a real `tandem start` on a fresh database from the test
 * PostgreSQL server, and headless Chromium driven by playwright-core.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, inject } from 'vitest';
import { freePort } from '../../server/src/db/embedded.ts';
import { createTestDatabase, dropTestDatabase } from '../../server/test/pg-harness.ts';
import type { DemoTemplate } from './global-setup.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');
const webRoot = path.resolve(here, '..');
export const screenshotDir = path.join(here, 'screenshots');

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumFound = fs.existsSync(chromiumPath);

if (!chromiumFound && process.env.REQUIRE_E2E === '1') {
  throw new Error(`REQUIRE_E2E=1 but no Chromium at ${chromiumPath}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
}

/** `describe`, or `describe.skip` with a loud notice when there is no Chromium to drive. */
export const describeE2E: typeof describe = chromiumFound
  ? describe
  : (((name: string, ...rest: unknown[]) => {
      console.warn(
        `\n${'!'.repeat(78)}\n!! Browser tests SKIPPED: no Chromium at ${chromiumPath}.\n` +
          `!! Install it (apt-get install -y chromium) or set CHROMIUM_PATH; REQUIRE_E2E=1 makes this fail.\n${'!'.repeat(78)}\n`,
      );
      return (describe.skip as (...a: unknown[]) => unknown)(name, ...rest);
    }) as unknown as typeof describe);

// ---- The web build ------------------------------------------------------------

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function buildIsFresh(): boolean {
  const index = path.join(webRoot, 'dist', 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sources = Math.max(
    newestMtime(path.join(webRoot, 'src')),
    newestMtime(path.join(repoRoot, 'packages', 'contracts', 'src')),
    fs.statSync(path.join(webRoot, 'index.html')).mtimeMs,
  );
  return built >= sources;
}

/** One build at a time across processes (two test runs may share the checkout). */
async function withBuildLock<T>(fn: () => T): Promise<T> {
  const lock = path.join(webRoot, '.build-lock');
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 300_000) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`waited too long for ${lock}; remove it if no build is running`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The server serves apps/web/dist: build it when missing or older than the sources.
 * The build goes to a side folder and is swapped in, so a server running meanwhile
 * never sees a half-written dist.
 */
export async function ensureWebBuild(): Promise<void> {
  if (buildIsFresh() && process.env.E2E_BUILD !== '1') return;
  await withBuildLock(() => {
    if (buildIsFresh() && process.env.E2E_BUILD !== '1') return;
    const tmp = path.join(webRoot, `.dist-${process.pid}`);
    const res = spawnSync('npx', ['vite', 'build', '--outDir', tmp, '--emptyOutDir'], { cwd: webRoot, encoding: 'utf8' });
    if (res.status !== 0) {
      fs.rmSync(tmp, { recursive: true, force: true });
      throw new Error(`web build failed:\n${res.stdout}\n${res.stderr}`);
    }
    const dist = path.join(webRoot, 'dist');
    const old = path.join(webRoot, `.dist-old-${process.pid}`);
    if (fs.existsSync(dist)) fs.renameSync(dist, old);
    fs.renameSync(tmp, dist);
    fs.rmSync(old, { recursive: true, force: true });
  });
}

// ---- The server ---------------------------------------------------------------


export interface TandemServer {
  baseUrl: string;
  /** The server's output so far, for failure messages. */
  logs: () => string;
  /** Its data folder: without SMTP_URL, every email it sends is an .eml file in `outbox/` there. */
  dataDir: string;
  stop: () => Promise<void>;
}

/** `demo: true` starts with the Northwind Cloud demo workspace (its people, accounts and deals), as `tandem start` does on a first run. */
/**
 * `allowWebhookHosts`: the test receivers (`127.0.0.1:<port>`) webhooks may call — only those, as
 * TANDEM_WEBHOOK_ALLOW_HOSTS; every other private address and the Slack host check stay as in production.
 */
export async function startServer(options: { demo?: boolean; allowWebhookHosts?: string[] } = {}): Promise<TandemServer> {
  await ensureWebBuild();
  // The demo seeded once per run (global-setup.ts): its database and data folder are cloned, so this server finds the
  // demo workspace in place as on any start after the first.
  const demo: DemoTemplate | undefined = options.demo ? inject('tandemDemo') : undefined;
  const databaseUrl = await createTestDatabase(demo?.database);
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-e2e-'));
  if (demo) fs.cpSync(demo.dataDir, dataDir, { recursive: true });
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(repoRoot, 'apps/server/bin/tandem.js'), 'start'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      TANDEM_DEMO: options.demo ? '1' : '0',
      TANDEM_DATA_DIR: dataDir,
      TANDEM_WEBHOOK_ALLOW_PRIVATE: '0',
      TANDEM_WEBHOOK_ALLOW_HOSTS: (options.allowWebhookHosts ?? []).join(','),
      TANDEM_PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  let ready = false;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.status === 200) {
        ready = true;
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  async function stop() {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    await dropTestDatabase(databaseUrl);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  if (!ready) {
    await stop();
    throw new Error(`tandem start did not become ready on ${baseUrl}:\n${output}`);
  }
  return { baseUrl, logs: () => output, dataDir, stop };
}

// ---- The browser --------------------------------------------------------------

/** Mantine marks required labels with a hidden " *": match the label's start. */
export const label = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/** Fills in the sign-in form on the page it is on (keeping any ?next=) and submits it. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel(label('Email')).fill(email);
  await page.getByLabel(label('Password')).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A test file's server (the demo workspace unless `demo: false`) and Chromium, started before its tests and stopped
 * after them; `newPage()` opens a page in a context of its own (its own cookies: one person each).
 */
export function browserSession(options: { demo?: boolean } = {}) {
  let server: TandemServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    server = await startServer({ demo: options.demo ?? true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });
  return {
    server: () => server!,
    async newPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
      const context = await browser!.newContext({ baseURL: server!.baseUrl, viewport });
      contexts.push(context);
      return context.newPage();
    },
  };
}

/** The demo workspace every browser test signs in to, and its people's password (README). */
export const DEMO_SLUG = 'northwind';
export const DEMO_PASSWORD = 'tandem-demo-2026';

/**
 * `browserSession()` on the demo workspace, for tests that act as its people: `signIn(email, label)` opens a page
 * of its own (one person's cookies), signs in and waits for the workspace; the page is photographed if the test
 * fails. `get(page, path)` reads the API as that person (path after /api/v1) and expects a 200.
 */
export function demoSession() {
  const tandem = browserSession();
  const { watch } = screenshotsOnFailure();
  return {
    server: tandem.server,
    watch,
    async signIn(email: string, label: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
      const page = watch(await tandem.newPage(viewport), label);
      await page.goto('/login');
      await submitSignIn(page, email, DEMO_PASSWORD);
      await page.waitForURL(`**/w/${DEMO_SLUG}`);
      return page;
    },
    async get<T>(page: Page, apiPath: string): Promise<T> {
      const res = await page.context().request.get(`/api/v1${apiPath}`);
      if (res.status() !== 200) throw new Error(`GET /api/v1${apiPath} answered ${res.status()}: ${await res.text()}`);
      return (await res.json()) as T;
    },
  };
}

/**
 * Pages to photograph when a test fails, into apps/web/e2e/screenshots/.
 * Register pages with `watch(page, 'admin')` as tests open them.
 */
export function screenshotsOnFailure(): { watch: (page: Page, label: string) => Page } {
  const pages = new Map<string, Page>();
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      fs.mkdirSync(screenshotDir, { recursive: true });
      const base = task.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase().slice(0, 80);
      for (const [label, page] of pages) {
        if (page.isClosed()) continue;
        const file = path.join(screenshotDir, `${base}--${label}.png`);
        await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
        console.error(`[e2e] screenshot of "${label}" at ${page.url()} → ${path.relative(repoRoot, file)}`);
      }
    });
  });
  return {
    watch: (page, label) => {
      pages.set(label, page);
      return page;
    },
  };
}

// ---- Accessibility ------------------------------------------------------------

/** axe-core's browser bundle (a root devDependency): evaluated in the page, nothing fetched. */
const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  /** CSS selectors of the first offending nodes (at most five), and how many there are. */
  targets: string[];
  nodes: number;
}

/**
 * The serious and critical axe-core violations on the page as it is now (WCAG 2.x A/AA rules and best practices).
 * axe is evaluated through the DevTools protocol, so the app's Content-Security-Policy does not block it.
 */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<Result> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        rule: v.id,
        impact: v.impact ?? '',
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')),
        nodes: v.nodes.length,
      }));
  });
}

/** Lists findings one per line: page, rule, impact, how many nodes, the first targets. */
export function formatAxe(where: string, findings: AxeFinding[]): string {
  return findings
    .map((f) => `${where}: ${f.rule} (${f.impact}, ${f.nodes} node${f.nodes === 1 ? '' : 's'}): ${f.help}\n    ${f.targets.join('\n    ')}`)
    .join('\n');
}

/** Fails on any serious or critical axe-core violation on the page, naming rule, targets and page. */
export async function expectAccessible(page: Page, label = ''): Promise<void> {
  const findings = await axeViolations(page);
  if (findings.length) {
    const where = `${label ? `${label} ` : ''}${new URL(page.url()).pathname}`;
    throw new Error(`axe: ${findings.length} serious or critical rule(s) broken\n${formatAxe(where, findings)}`);
  }
}
