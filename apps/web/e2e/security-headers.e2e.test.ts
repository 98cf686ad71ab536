/**
 * The Content-Security-Policy (apps/server/src/http/security-headers.ts) in a real browser: the
 * built web app and the API docs render under it with no violation reported, signed out and in.
 * Mantine's run-time <style> and Swagger UI's files are what the policy has to allow.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeE2E, launchBrowser, screenshotsOnFailure, startServer, submitSignIn, type TandemServer } from './harness.ts';

const SLUG = 'csp';
const ADMIN = { name: 'Casey Admin', email: 'casey@csp.example', password: 'a long enough password' };

describeE2E('Security headers in the browser', () => {
  let server: TandemServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const violations: string[] = [];
  const { watch } = screenshotsOnFailure();

  beforeAll(async () => {
    // No demo data: the pages and the policy are what is checked, and the first run is the setup form's.
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 900 } });
    // Reported by the page itself (added through DevTools, so the policy does not block the listener).
    await context.exposeBinding('reportCspViolation', (_source, text: string) => violations.push(text));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(
          `${location.pathname}: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
        );
      });
    });
    page = watch(await context.newPage(), 'page');
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  test('the web app renders every page it is asked for, signed out and in, with no policy violation', async () => {
    const first = await page.goto('/setup');
    expect(first?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const setup = await context.request.post('/api/v1/setup', {
      data: { ...ADMIN, workspaceName: 'CSP check', workspaceSlug: SLUG },
    });
    expect(setup.status(), await setup.text()).toBe(201);
    await context.clearCookies();
    await page.goto('/login');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await submitSignIn(page, ADMIN.email, ADMIN.password);
    await page.waitForURL(`**/w/${SLUG}`);
    for (const path of ['deals', 'feedback', 'feedback/themes', 'imports', 'settings', 'profile', 'notifications', 'audit']) {
      await page.goto(`/w/${SLUG}/${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
    }
    // Mantine's theme reached the page (its CSS variables come from a run-time <style>).
    const primary = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--mantine-color-blue-filled').trim());
    expect(primary).not.toBe('');
    expect(violations).toEqual([]);
  });

  test('the server-written unsubscribe page renders with no policy violation', async () => {
    const res = await page.goto('/api/v1/unsubscribe?token=not-a-real-token');
    expect(res?.status()).toBe(400);
    await page.getByRole('heading', { level: 1, name: 'Link not valid' }).waitFor();
    expect(violations).toEqual([]);
  });

  test('the API docs render every operation with no policy violation', async () => {
    const doc = (await (await page.request.get('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, { operationId: string }>> };
    const operations = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    expect(operations.length).toBeGreaterThan(50);
    await page.goto('/api/docs/');
    await page.locator('.swagger-ui .opblock').first().waitFor();
    // Each operation is drawn as `#operations-<tag>-<operationId>`. Swagger UI draws a long list (150 rows of tags and operations or more) virtualised: only what is in view is in
    // the page. Scroll to the end and collect every operation drawn on the way; each one in the document must appear.
    const drawn = new Set<string>();
    for (let step = 0; step < 1000; step++) {
      for (const id of await page.locator('.swagger-ui .opblock').evaluateAll((els) => els.map((e) => e.id))) drawn.add(id.slice(id.lastIndexOf('-') + 1));
      const atEnd = await page.evaluate(() => {
        const before = window.scrollY;
        window.scrollBy(0, window.innerHeight * 0.8);
        return window.scrollY === before;
      });
      if (atEnd) break;
      await page.waitForTimeout(50);
    }
    expect(operations.filter((id) => !drawn.has(id))).toEqual([]);
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
  });
});
