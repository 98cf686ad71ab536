/**
 * A person's data on request, in the browser: an admin exports a member's data from the People page (a JSON file
 * with everything Tandem holds about them), is told plainly that they cannot erase themselves, and erases the member
 * after reading exactly what happens and typing their email (a wrong email is refused at the field). Afterwards the
 * table shows the placeholder and the member can no longer sign in. Axe on the page and on each dialog; phone size too.
 */
import fs from 'node:fs/promises';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeE2E, expectAccessible, label, launchBrowser, screenshotsOnFailure, startServer, type TandemServer } from './harness.ts';

const ADMIN = { name: 'Ada Admin', email: 'ada@initech.example', password: 'first-admin-password' };
const SLUG = 'initech';
const RAVI = { name: 'Ravi Rep', email: 'ravi@initech.example', password: 'ravi-password-1' };

describeE2E("A person's data (export and erasure) in the browser", () => {
  let server: TandemServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const { watch } = screenshotsOnFailure();

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page = watch(await context.newPage(), 'admin');
    const setup = await context.request.post('/api/v1/setup', { data: { ...ADMIN, workspaceName: 'Initech', workspaceSlug: SLUG } });
    expect(setup.ok()).toBe(true);
    const { csrfToken } = (await setup.json()) as { csrfToken: string };
    const inv = await context.request.post(`/api/v1/workspaces/${SLUG}/invitations`, {
      data: { email: RAVI.email, role: 'sales' },
      headers: { 'X-CSRF-Token': csrfToken },
    });
    expect(inv.ok()).toBe(true);
    const token = ((await inv.json()) as { url: string }).url.split('/invite/')[1];
    const accepted = await fetch(`${server.baseUrl}/api/v1/invitations/${token}/accept`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: RAVI.name, password: RAVI.password }),
    });
    expect(accepted.ok).toBe(true);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openActions(name: string) {
    await page.getByRole('button', { name: `Actions for ${name}` }).click();
  }

  /** Picks a menu item and waits for the menu to finish closing (axe reads a closing, empty menu as broken). */
  async function choose(item: string) {
    await page.getByRole('menuitem', { name: item }).click();
    await page.getByRole('menu').waitFor({ state: 'hidden' });
  }

  test('an admin exports a member’s data as a JSON file', async () => {
    await page.goto(`/w/${SLUG}/people`);
    await page.getByRole('heading', { name: 'People', exact: true }).waitFor();
    await expectAccessible(page, 'People');
    await openActions(RAVI.name);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Export their data' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^initech-ravi-rep-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(await fs.readFile((await download.path())!, 'utf8')) as { person: { email: string; name: string }; records: Record<string, unknown[]> };
    expect(data.person).toMatchObject({ email: RAVI.email, name: RAVI.name });
    expect(Object.keys(data.records)).toContain('memberships.user_id');
    await page.getByText(/Everything Tandem holds about Ravi Rep in Initech is in initech-ravi-rep-/).waitFor();
  });

  test('erasing yourself is refused in plain words', async () => {
    await openActions(ADMIN.name);
    await choose('Erase my account…');
    const dialog = page.getByRole('dialog', { name: 'You cannot erase yourself' });
    await dialog.getByText(/Ask another admin of Initech to erase you/).waitFor();
    await expectAccessible(page, 'the refusal to erase yourself');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  test('an admin erases a member after reading what happens and typing their email', async () => {
    await openActions(RAVI.name);
    await choose('Erase this person…');
    const dialog = page.getByRole('dialog', { name: `Erase ${RAVI.name}?` });
    await dialog.getByText(/signed out and can no longer sign in/).waitFor();
    await dialog.getByText(/no longer attributed to them/).waitFor();
    await dialog.getByText(/The audit log records the erasure under the placeholder/).waitFor();
    await dialog.getByText(/Backups made before now still hold them until they are deleted/).waitFor();
    const placeholder = (await dialog.locator('b', { hasText: /^Former member [0-9a-f]{8}$/ }).textContent())!;
    await expectAccessible(page, 'the erase dialog');

    // A wrong email: refused at the field, once; nothing erased.
    await dialog.getByLabel(label(`Type ${RAVI.email} to confirm`)).fill('someone@initech.example');
    await dialog.getByRole('button', { name: `Erase ${RAVI.name}` }).click();
    await dialog.getByText("type the person's current email to confirm").waitFor();
    expect(await dialog.getByText("type the person's current email to confirm").count()).toBe(1);

    await dialog.getByLabel(label(`Type ${RAVI.email} to confirm`)).fill(RAVI.email);
    await dialog.getByRole('button', { name: `Erase ${RAVI.name}` }).click();
    const done = page.getByRole('dialog', { name: `${RAVI.name} was erased` });
    await done.getByText(new RegExp(`is now ${placeholder}`)).waitFor();
    await done.getByText(/The audit log records the erasure under the placeholder/).waitFor();
    await expectAccessible(page, 'the erasure done');
    await done.getByRole('button', { name: 'Done' }).click();

    await page.getByRole('row', { name: new RegExp(placeholder) }).getByText('Deactivated').waitFor();
    expect(await page.getByRole('row', { name: /Ravi Rep/ }).count()).toBe(0);
    const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: RAVI.email, password: RAVI.password }),
    });
    expect(login.status).toBe(401);
  });

  test('on a phone, the same actions are on each person’s card', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/w/${SLUG}/people`);
    await page.getByRole('heading', { name: 'People', exact: true }).waitFor();
    await expectAccessible(page, 'People on a phone');
    await openActions(ADMIN.name);
    await page.getByRole('menuitem', { name: 'Export my data' }).waitFor();
    await choose('Erase my account…');
    const dialog = page.getByRole('dialog', { name: 'You cannot erase yourself' });
    await dialog.getByRole('button', { name: 'Export my data' }).waitFor();
    await expectAccessible(page, 'the refusal on a phone');
    await dialog.getByRole('button', { name: 'OK' }).click();
  });
});
