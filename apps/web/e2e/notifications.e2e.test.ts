/**
 * Notifications in the browser on the demo workspace: a sales rep keeps in-app
 * notices for role changes (and turns their email off) in Profile → Notifications;
 * an admin changes the rep's role through the API; the rep's bell shows one
 * unread item, which opens the page it links to. Then an admin adds a webhook on
 * the admin page, copies its secret, sends a test call to a local receiver and
 * sees it in the subscription's delivery log.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ListEnvelope, Member, Preferences, SessionResponse, WebhookSubscription } from '@tandem/contracts';
import { describeE2E, expectAccessible, launchBrowser, repoRoot, screenshotsOnFailure, startServer, submitSignIn, type TandemServer } from './harness.ts';

const SLUG = 'northwind';
const PASSWORD = 'tandem-demo-2026';
const REP = { email: 'sofia@northwind.example', password: PASSWORD };
const ADMIN = { email: 'dana@northwind.example', password: PASSWORD };
/** The README's pictures, retaken with UPDATE_DOC_IMAGES=1 (not on every run). */
const IMAGES = path.join(repoRoot, 'docs', 'images');

describeE2E('Notifications in the browser', () => {
  let server: TandemServer;
  let browser: Browser;
  let repContext: BrowserContext;
  let adminContext: BrowserContext;
  let rep: Page;
  let receiver: http.Server;
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const { watch } = screenshotsOnFailure();

  async function signIn(context: BrowserContext, who: { email: string; password: string }): Promise<Page> {
    const page = await context.newPage();
    await page.goto('/login');
    await submitSignIn(page, who.email, who.password);
    await page.waitForURL(`**/w/${SLUG}`);
    return page;
  }

  /** The API as the admin: every write carries the session's CSRF token. */
  async function adminApi(method: 'get' | 'patch', url: string, data?: unknown) {
    const { csrfToken } = (await (await adminContext.request.get('/api/v1/auth/session')).json()) as SessionResponse;
    const res = await adminContext.request[method](`/api/v1${url}`, { data, headers: { 'X-CSRF-Token': csrfToken } });
    expect(res.status(), await res.text()).toBe(200);
    return res.json() as Promise<unknown>;
  }

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    server = await startServer({ demo: true, allowWebhookHosts: [`127.0.0.1:${(receiver.address() as AddressInfo).port}`] });
    browser = await launchBrowser();
    repContext = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 900 } });
    adminContext = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 900 } });
    rep = watch(await signIn(repContext, REP), 'rep');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  test('a role change reaches the bell, and its item opens the linked page', async () => {
    // Profile → Notifications: in-app on for "Your role changed", email off; saved.
    await rep.getByRole('button', { name: /^Account menu for/ }).click();
    await rep.getByRole('menuitem', { name: 'Profile' }).click();
    await rep.getByRole('heading', { name: 'Profile', exact: true }).waitFor();
    await rep.getByRole('link', { name: 'Notifications', exact: true }).click();
    await rep.getByRole('heading', { name: 'Notification settings' }).waitFor();
    expect(new URL(rep.url()).pathname).toBe(`/w/${SLUG}/profile/notifications`);
    const inApp = rep.getByRole('checkbox', { name: 'In-app for Your role changed' });
    const email = rep.getByRole('checkbox', { name: 'Email for Your role changed' });
    if (!(await inApp.isChecked())) await inApp.check();
    if (await email.isChecked()) await email.uncheck();
    await rep.getByRole('button', { name: 'Save', exact: true }).click();
    await rep.getByText('Your notification settings are saved.').waitFor();
    const prefs = (await (await repContext.request.get(`/api/v1/workspaces/${SLUG}/notification-preferences`)).json()) as Preferences;
    expect(prefs.items.find((i) => i.type === 'member.role_changed')?.channels).toEqual(['in_app']);

    // The demo's CRM sync left the rep updates on her deals: she clears them from the bell first.
    const bell = rep.getByRole('button', { name: /^Notifications(: \S+ unread)?$/ });
    await expect
      .poll(
        async () => {
          await rep.reload();
          await bell.waitFor();
          return bell.getByTestId('unread-badge').count();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(1);
    await bell.click();
    await rep.getByRole('listitem', { name: /^Unread: .+ → |^Unread: .+:/ }).first().waitFor();
    await rep.getByRole('button', { name: 'Mark all read' }).click();
    await expect.poll(() => bell.getByTestId('unread-badge').count()).toBe(0);
    await rep.keyboard.press('Escape');

    // An admin makes the rep a sales lead.
    adminContext.setDefaultTimeout(30_000);
    await adminContext.request.post('/api/v1/auth/login', { data: ADMIN });
    const members = (await adminApi('get', `/workspaces/${SLUG}/members?q=${encodeURIComponent(REP.email)}`)) as ListEnvelope<Member>;
    const member = members.items.find((m) => m.email === REP.email)!;
    expect(member.role).toBe('sales');
    await adminApi('patch', `/workspaces/${SLUG}/members/${member.userId}`, { role: 'sales_lead' });

    // The bell counts it once the page asks again (a reload, as coming back to the tab would).
    await expect
      .poll(
        async () => {
          await rep.reload();
          await bell.waitFor();
          return (await bell.getByTestId('unread-badge').textContent({ timeout: 1000 }).catch(() => null)) ?? '';
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe('1');

    await bell.click();
    const item = rep.getByRole('listitem', { name: /^Unread: Your role is now Sales lead/i });
    await item.waitFor();
    await item.click();
    await rep.waitForURL(`**/w/${SLUG}/profile`);
    expect(new URL(rep.url()).pathname).toBe(`/w/${SLUG}/profile`);
    // Read now: the badge is gone.
    await expect.poll(() => bell.getByTestId('unread-badge').count()).toBe(0);

    // The inbox lists it under Today, read; a token the rep creates arrives unread beside it.
    const { csrfToken } = (await (await repContext.request.get('/api/v1/auth/session')).json()) as SessionResponse;
    const token = await repContext.request.post(`/api/v1/workspaces/${SLUG}/tokens`, {
      data: { name: 'CRM sync script', expiresInDays: 90 },
      headers: { 'X-CSRF-Token': csrfToken },
    });
    expect(token.status(), await token.text()).toBe(201);
    await rep.goto(`/w/${SLUG}/notifications`);
    const today = rep.getByRole('region', { name: 'Today' });
    await today.getByRole('button', { name: /^Your role is now/ }).waitFor();
    await expect
      .poll(
        async () => {
          await rep.reload();
          await today.getByRole('button', { name: /^Your role is now/ }).waitFor();
          return today.getByRole('button', { name: /^Unread: API token "CRM sync script" created/ }).count();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(1);
    if (process.env.UPDATE_DOC_IMAGES) {
      fs.mkdirSync(IMAGES, { recursive: true });
      await rep.screenshot({ path: path.join(IMAGES, 'notifications-inbox.png') });
    }
  });

  test('an admin adds a webhook, copies its secret, sends a test and reads the delivery log', async () => {
    // Signed in by the first test's API call: the app opens straight in the workspace.
    const admin = watch(await adminContext.newPage(), 'admin');
    await admin.goto(`/w/${SLUG}`);
    await admin.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).click();
    await admin.getByRole('link', { name: 'Slack and webhooks' }).click();
    await admin.getByRole('heading', { name: 'Notifications and webhooks' }).waitFor();
    await admin.getByRole('tab', { name: 'Webhooks' }).click();
    await admin.getByText('No webhooks yet').waitFor();

    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/tandem`;
    await admin.getByRole('button', { name: 'Add webhook' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Add webhook' });
    // Without events the form says what is missing.
    await dialog.getByLabel(/^URL/).fill(url);
    await dialog.getByLabel(/^Description/).fill('Data warehouse sync');
    await dialog.getByRole('button', { name: 'Add webhook' }).click();
    await dialog.getByText('Choose at least one event').waitFor();
    await dialog.getByPlaceholder('Choose events').click();
    await admin.getByRole('option', { name: 'Import finished' }).click();
    // Named for the workspace, not as the member reads it ("Your role changed").
    expect(await admin.getByRole('option', { name: 'Your role changed' }).count()).toBe(0);
    await admin.getByRole('option', { name: "A member's role changed" }).click();
    await admin.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Add webhook' }).click();

    const secretDialog = admin.getByRole('dialog', { name: /copy its signing secret/ });
    const secret = await secretDialog.getByRole('textbox', { name: 'Signing secret' }).inputValue();
    expect(secret.length).toBeGreaterThan(10);
    await secretDialog.getByText(/Check the Tandem-Signature header/).waitFor();
    await secretDialog.getByRole('button', { name: 'Done' }).click();

    const hooks = (await adminApi('get', `/workspaces/${SLUG}/webhooks`)) as { items: WebhookSubscription[] };
    expect(hooks.items.map((h) => [h.url, [...h.eventTypes].sort()])).toEqual([[url, ['import.completed', 'member.role_changed']]]);

    const row = admin.getByRole('row', { name: new RegExp(url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')) });
    await row.getByRole('button', { name: 'Send test' }).click();
    await admin.getByText(`Test delivered to ${url}`).waitFor({ timeout: 30_000 });
    expect(received.length).toBe(1);

    // A real event: another member's role changes; the call shows in the subscription's log.
    const members = (await adminApi('get', `/workspaces/${SLUG}/members?q=jamal`)) as ListEnvelope<Member>;
    await adminApi('patch', `/workspaces/${SLUG}/members/${members.items[0]!.userId}`, { role: 'marketing' });
    await expect.poll(() => received.length, { timeout: 30_000 }).toBe(2);
    expect(JSON.parse(received[1]!.body)).toMatchObject({ type: 'member.role_changed', data: { to: 'marketing' } });
    await admin.reload();
    await row.getByRole('button', { name: 'Delivery log' }).click();
    const log = admin.getByRole('table', { name: 'Deliveries' });
    await log.getByText('Delivered').waitFor();
    await log.getByRole('button', { name: 'Redeliver' }).waitFor();
    await log.getByRole('button', { name: 'Show attempts' }).click();
    await admin.getByRole('table', { name: 'Attempts' }).getByText('HTTP 204').waitFor();
    if (process.env.UPDATE_DOC_IMAGES) {
      fs.mkdirSync(IMAGES, { recursive: true });
      await admin.screenshot({ path: path.join(IMAGES, 'notifications-admin.png'), fullPage: true });
    }

    // Turning it off is kept.
    const toggle = row.getByRole('switch', { name: `Turn off webhook ${url}` });
    expect(await toggle.isChecked()).toBe(true);
    // Mantine draws the thumb over the input: click where a person would, without the hit-test.
    await toggle.click({ force: true });
    await admin.getByText('Webhook turned off').waitFor();
    const after = (await adminApi('get', `/workspaces/${SLUG}/webhooks`)) as { items: WebhookSubscription[] };
    expect(after.items[0]?.enabled).toBe(false);
  });
  test('on a phone, notification settings show every checkbox without sideways scrolling; each role is offered only what it can receive', async () => {
    // Sofia is a sales rep again (the first test made her a sales lead).
    await adminContext.request.post('/api/v1/auth/login', { data: ADMIN });
    const members = (await adminApi('get', `/workspaces/${SLUG}/members?q=${encodeURIComponent(REP.email)}`)) as ListEnvelope<Member>;
    const sofia = members.items.find((m) => m.email === REP.email)!;
    if (sofia.role !== 'sales') await adminApi('patch', `/workspaces/${SLUG}/members/${sofia.userId}`, { role: 'sales' });
    const phone = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      const page = watch(await signIn(phone, REP), 'phone-rep');
      await page.goto(`/w/${SLUG}/profile/notifications`);
      await page.getByRole('heading', { name: 'Notification settings' }).waitFor();
      // No sideways scrolling, and every checkbox lies inside the screen's width.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const boxes = page.getByRole('checkbox');
      expect(await boxes.count()).toBeGreaterThan(3);
      for (const box of await boxes.all()) {
        const b = (await box.boundingBox())!;
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width).toBeLessThanOrEqual(390);
      }
      // Each checkbox says what it is, visibly, on a phone.
      const row = page.getByRole('listitem', { name: 'Your feedback was answered' });
      await row.getByText('In-app', { exact: true }).waitFor();
      await row.getByText('Email', { exact: true }).waitFor();
      // A rep is not offered what a rep never receives.
      for (const never of ['Import finished', 'Webhook disabled', 'New feedback in a theme you follow']) {
        expect(await page.getByRole('listitem', { name: never }).count()).toBe(0);
      }
      await expectAccessible(page, 'notification settings (sofia, phone)');
    } finally {
      await phone.close();
    }
    // The PMM is offered the feedback events, with the daily summary in the digest.
    const pmmContext = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 800 } });
    try {
      const pmm = watch(await signIn(pmmContext, { email: 'priya@northwind.example', password: PASSWORD }), 'pmm-prefs');
      await pmm.goto(`/w/${SLUG}/profile/notifications`);
      await pmm.getByRole('heading', { name: 'Notification settings' }).waitFor();
      await pmm.getByRole('listitem', { name: 'New feedback in a theme you follow' }).waitFor();
      const summary = pmm.getByRole('listitem', { name: 'Daily summary: feedback waiting for triage' });
      expect(await summary.getByRole('switch', { name: /^Daily digest for/ }).isChecked()).toBe(true);
      expect(await pmm.getByRole('listitem', { name: 'Import finished' }).count()).toBe(0);
      await expectAccessible(pmm, 'notification settings (priya)');
    } finally {
      await pmmContext.close();
    }
  });
});
