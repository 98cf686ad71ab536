/**
 * Every page of the app, as each role that uses it, at desktop (1280×800) and phone (390×844) size, on the
 * demo workspace: axe-core finds no serious or critical violation, and each page has exactly one h1.
 * The page list follows apps/web/src/app/router.tsx; who uses a page follows the permission table.
 * One browser; one context per role, reused for both sizes.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { can, type Action, type ListEnvelope, type SessionResponse } from '@tandem/contracts';
import { axeViolations, describeE2E, formatAxe, launchBrowser, screenshotsOnFailure, startServer, submitSignIn, type TandemServer } from './harness.ts';

const SLUG = 'northwind';
const PASSWORD = 'tandem-demo-2026';
const ROLES = [
  { name: 'dana', role: 'admin' },
  { name: 'priya', role: 'marketing' },
  { name: 'marcus', role: 'sales_lead' },
  { name: 'sofia', role: 'sales' },
] as const;
const SIZES = [
  { label: 'desktop', width: 1280, height: 800 },
  { label: 'phone', width: 390, height: 844 },
] as const;

/** Workspace pages (under /w/northwind/), with the action a role needs to use each. */
const WORKSPACE_PAGES: { path: string; action: Action }[] = [
  { path: '', action: 'workspace.read' },
  { path: 'scorecard', action: 'metrics.read' },
  { path: 'goals', action: 'goals.read' },
  { path: 'goals/new', action: 'goals.write' },
  { path: 'goals/:goalId', action: 'goals.read' },
  { path: 'win-loss', action: 'metrics.read' },
  { path: 'metrics/win-rate/records', action: 'metrics.read' },
  { path: 'people', action: 'members.read' },
  { path: 'teams', action: 'teams.read' },
  { path: 'tokens', action: 'tokens.manage_own' },
  { path: 'deals', action: 'deals.read' },
  { path: 'deals/:dealId', action: 'deals.read' },
  { path: 'accounts/:accountId', action: 'deals.read' },
  { path: 'feedback', action: 'feedback.read' },
  { path: 'feedback/mine', action: 'feedback.write' },
  { path: 'feedback/themes', action: 'feedback.read' },
  { path: 'feedback/themes/:themeId', action: 'feedback.read' },
  { path: 'feedback/suggestions', action: 'feedback.triage' },
  { path: 'feedback/import', action: 'feedback.import' },
  { path: 'library', action: 'library.read' },
  { path: 'library/:assetId', action: 'library.read' },
  { path: 'library/new', action: 'library.write' },
  { path: 'library/:assetId/edit', action: 'library.write' },
  { path: 'library/report', action: 'library.write' },
  { path: 'library/settings', action: 'library.settings' },
  { path: 'competitors', action: 'competitors.read' },
  { path: 'competitors/:competitorId', action: 'competitors.read' },
  { path: 'requests', action: 'requests.read' },
  { path: 'requests/:requestId', action: 'requests.read' },
  { path: 'requests/capacity', action: 'requests.read' },
  { path: 'requests/settings', action: 'requests.read' },
  { path: 'decisions', action: 'decisions.read' },
  { path: 'decisions/new', action: 'decisions.write' },
  { path: 'decisions/:decisionId', action: 'decisions.read' },
  { path: 'attribution', action: 'attribution.read' },
  { path: 'attribution/disputes', action: 'attribution.read' },
  { path: 'attribution/import', action: 'attribution.import' },
  { path: 'attribution/deals/:dealId', action: 'attribution.read' },
  { path: 'meetings', action: 'meetings.read' },
  { path: 'meetings/new', action: 'meetings.write' },
  { path: 'meetings/:seriesId', action: 'meetings.read' },
  { path: 'meetings/:seriesId/:number', action: 'meetings.read' },
  { path: 'alignment', action: 'alignment.read' },
  { path: 'alignment/admin', action: 'alignment.manage' },
  { path: 'alignment/pulses/:pulseId', action: 'alignment.read' },
  { path: 'alignment/pulses/:pulseId/results', action: 'alignment.read' },
  { path: 'imports', action: 'deals.import' },
  { path: 'imports/:importId', action: 'deals.import' },
  { path: 'settings/deals', action: 'deals.settings' },
  { path: 'settings/notifications', action: 'notifications.manage' },
  { path: 'settings', action: 'workspace.update' },
  { path: 'audit', action: 'audit.read' },
  { path: 'profile', action: 'notifications.own' },
  { path: 'profile/notifications', action: 'notifications.own' },
  { path: 'notifications', action: 'notifications.own' },
];

describeE2E('Accessibility of every page (axe-core, one h1)', () => {
  let server: TandemServer;
  let browser: Browser;
  const ids: Record<string, string> = {};
  const { watch } = screenshotsOnFailure();

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    // Ids for the detail pages, from the demo workspace (an import is uploaded so its page has something to show).
    const ctx = await browser.newContext({ baseURL: server.baseUrl });
    const page = await ctx.newPage();
    await page.goto('/login');
    await submitSignIn(page, `dana@${SLUG}.example`, PASSWORD);
    await page.waitForURL(`**/w/${SLUG}`);
    const api = async <T,>(url: string) => {
      const res = await ctx.request.get(`/api/v1/workspaces/${SLUG}${url}`);
      expect(res.status(), url).toBe(200);
      return (await res.json()) as T;
    };
    const deals = await api<ListEnvelope<{ id: string; account: { id: string } | null }>>('/deals?limit=50');
    const deal = deals.items.find((d) => d.account) ?? deals.items[0];
    ids.dealId = deal!.id;
    ids.accountId = deal!.account!.id;
    ids.themeId = (await api<{ items: { id: string }[] }>('/themes')).items[0]!.id;
    // The demo's Snowflake battlecard and competitor: versions, usage, influence, share links and battlecards to draw.
    ids.assetId = (await api<{ items: { id: string }[] }>(`/assets?q=${encodeURIComponent('Battlecard: Northwind vs Snowflake')}&limit=1`)).items[0]!.id;
    ids.competitorId = (await api<{ items: { id: string; name: string }[] }>('/competitors')).items.find((c) => c.name === 'Snowflake')!.id;
    // The head of the demo queue: a pinned request with its score, SLA clocks and place against the line.
    ids.requestId = (await api<{ items: { id: string }[] }>('/requests?limit=1')).items[0]!.id;
    // A decided demo decision with objections, what changed and (the pricing one) an earlier round.
    ids.decisionId = (await api<{ items: { id: string }[] }>('/decisions?status=decided&q=prepay')).items[0]!.id;
    // The demo's weekly sync and its next occurrence (a draft agenda from live data, carried action items).
    const sync = (await api<{ items: { id: string; next: { seq: number } | null }[] }>('/meetings')).items[0]!;
    ids.seriesId = sync.id;
    ids.number = String(sync.next!.seq);
    // The demo's latest pulse (closed: its results, and the answering page saying it has closed).
    ids.pulseId = (await api<{ items: { id: string }[] }>('/pulses')).items[0]!.id;
    // A demo goal with key results, their history and check-ins.
    ids.goalId = (await api<{ items: { id: string }[] }>('/goals')).items[0]!.id;
    const { csrfToken } = (await (await ctx.request.get('/api/v1/auth/session')).json()) as SessionResponse;
    const csv = 'Opportunity ID,Opportunity Name,Account Name,Stage,Amount,Close Date\n006A1,Renewal,Acme,Prospecting,12000,2026-03-31\n';
    const upload = await ctx.request.post(`/api/v1/workspaces/${SLUG}/imports`, {
      headers: { 'X-CSRF-Token': csrfToken },
      multipart: { file: { name: 'deals.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) } },
    });
    expect(upload.status(), await upload.text()).toBe(202);
    ids.importId = ((await upload.json()) as { id: string }).id;
    await ctx.close();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /**
   * Visits each path at one size; returns one line per problem (axe findings, h1 count), logging each as found.
   * The first path is a full page load; the app reaches the others through its router (history, as a link does), so
   * the bundle is parsed and axe-core injected once per role and size, not once per page (a third of the time).
   */
  async function audit(page: Page, who: string, size: (typeof SIZES)[number], paths: string[]): Promise<string[]> {
    const problems: string[] = [];
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const [i, p] of paths.entries()) {
      if (i === 0) await page.goto(p);
      else {
        await page.evaluate((to) => {
          // Headings drawn so far are the previous page's: the wait below is for this page's own.
          for (const h of document.querySelectorAll('h1')) h.setAttribute('data-a11y-previous', '');
          history.pushState(null, '', to);
          dispatchEvent(new PopStateEvent('popstate', { state: null }));
        }, p);
        await page.waitForFunction(() => document.querySelector('h1:not([data-a11y-previous])'), undefined, { timeout: 10_000 }).catch(() => undefined);
      }
      const where = `${who} ${size.label} ${p}`;
      // Judge the page once it has drawn: its heading there, its queries' skeletons and loaders gone.
      await page.locator('h1').first().waitFor({ state: 'attached', timeout: 10_000 }).catch(() => undefined);
      await page.locator('.mantine-Skeleton-root, .mantine-Loader-root').first().waitFor({ state: 'detached', timeout: 5_000 }).catch(() => undefined);
      const found: string[] = [];
      const h1s = await page.locator('h1').count();
      if (h1s !== 1) found.push(`${where}: ${h1s} h1 elements (want exactly one)`);
      const findings = await axeViolations(page);
      if (findings.length) found.push(formatAxe(where, findings));
      if (found.length) console.error(found.join('\n'));
      problems.push(...found);
    }
    return problems;
  }

  for (const size of SIZES) {
    test(`signed out, ${size.label}: sign-in, setup, invitation, password reset and not-found pages`, async () => {
      const context: BrowserContext = await browser.newContext({ baseURL: server.baseUrl });
      const page = watch(await context.newPage(), 'signed-out');
      const problems = await audit(page, 'signed out', size, ['/login', '/setup', '/invite/not-a-real-token', '/reset/not-a-real-token', '/no-such-page']);
      await context.close();
      expect(problems.join('\n')).toBe('');
    }, 300_000);
  }

  for (const { name, role } of ROLES) {
    const contexts: Partial<Record<string, Page>> = {};
    for (const size of SIZES) {
      test(`${name} (${role}), ${size.label}: every page the role uses`, async () => {
        // One signed-in context per role, reused for both sizes.
        let page = contexts[name];
        if (!page) {
          const context = await browser.newContext({ baseURL: server.baseUrl });
          page = watch(await context.newPage(), name);
          await page.goto('/login');
          await submitSignIn(page, `${name}@${SLUG}.example`, PASSWORD);
          await page.waitForURL(`**/w/${SLUG}`);
          contexts[name] = page;
        }
        const paths = WORKSPACE_PAGES.filter((p) => can(role, p.action)).map(
          (p) => `/w/${SLUG}/${p.path.replace(/:(\w+)/g, (_, key: string) => ids[key] ?? key)}`.replace(/\/$/, ''),
        );
        // What a role meets without using it: a page it may not open, the not-found page, the workspace picker.
        if (role === 'sales') paths.push(`/w/${SLUG}/audit`);
        if (role === 'admin') paths.push(`/w/${SLUG}/no-such-page`, '/welcome');
        const problems = await audit(page, name, size, paths);
        if (size === SIZES[SIZES.length - 1]) await page.context().close();
        expect(problems.join('\n')).toBe('');
      }, 600_000);
    }
  }
});
