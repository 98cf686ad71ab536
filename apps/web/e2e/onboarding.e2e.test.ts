/**
 * The first hour of a Tandem install, as people click through it: first-run setup,
 * signing in, inviting a colleague who joins, changing their role, API tokens, and
 * a second workspace reached through the switcher.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeE2E, expectAccessible, label, launchBrowser, screenshotsOnFailure, startServer, submitSignIn, type TandemServer } from './harness.ts';

const ADMIN = { name: 'Ada Admin', email: 'ada@acme.example', password: 'correct-horse-battery' };
const INVITEE = { name: 'Sam Seller', email: 'sam@acme.example', password: 'sam-sells-a-lot-42' };
const WORKSPACE = { name: 'Acme Revenue', slug: 'acme-revenue' };

async function pickOption(page: Page, inputLabel: string | RegExp, option: string) {
  await page.getByRole('combobox', { name: inputLabel }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describeE2E('Tandem in the browser', () => {
  let server: TandemServer;
  let browser: Browser;
  let adminContext: BrowserContext;
  let admin: Page;
  let inviteeContext: BrowserContext;
  let invitee: Page;
  const { watch } = screenshotsOnFailure();

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    adminContext = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 860 } });
    admin = watch(await adminContext.newPage(), 'admin');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('first run: the root page leads to setup, which creates the admin and the workspace', async () => {
    await admin.goto('/');
    await admin.waitForURL('**/setup');
    await admin.getByLabel(label('Your name')).waitFor();
    await expectAccessible(admin, 'first-run setup');
    await admin.getByLabel(label('Your name')).fill(ADMIN.name);
    await admin.getByLabel(label('Work email')).fill(ADMIN.email);
    await admin.getByLabel(label('Password')).fill(ADMIN.password);
    await admin.getByLabel(label('Workspace name')).fill(WORKSPACE.name);
    // The URL is derived from the name until edited.
    expect(await admin.getByLabel(label('Workspace URL')).inputValue()).toBe(WORKSPACE.slug);
    await admin.getByRole('button', { name: 'Create account and workspace' }).click();

    await admin.waitForURL(`**/w/${WORKSPACE.slug}`);
    await admin.getByRole('heading', { name: 'Welcome, Ada' }).waitFor();
    await admin.getByRole('heading', { name: 'Get your workspace ready' }).waitFor();
    await expectAccessible(admin, 'home of a new workspace');
    const nav = admin.getByRole('navigation', { name: 'Main navigation' });
    for (const section of ['Home', 'People', 'Teams', 'API tokens', 'Settings', 'Audit log']) {
      await nav.getByRole('link', { name: section }).waitFor();
    }

    // Setup is once only: afterwards /setup goes to sign-in, which forwards a signed-in admin home.
    const again = await adminContext.newPage();
    await again.goto('/setup');
    await again.waitForURL(`**/w/${WORKSPACE.slug}`); // signed in already: login forwards to the workspace
    await again.close();
  });

  test('sign out, a wrong password is refused inline, the right one signs in', async () => {
    await admin.getByRole('button', { name: `Account menu for ${ADMIN.name}` }).click();
    await admin.getByRole('menuitem', { name: 'Sign out' }).click();
    await admin.waitForURL('**/login');

    await admin.getByLabel(label('Email')).fill(ADMIN.email);
    await admin.getByLabel(label('Password')).fill('not-the-password');
    await admin.getByRole('button', { name: 'Sign in' }).click();
    const alert = admin.getByRole('alert').filter({ hasText: /password/i });
    await alert.waitFor();
    await expectAccessible(admin, 'sign-in refused');
    expect(admin.url()).toContain('/login');
    expect(await admin.getByLabel(label('Password')).inputValue()).toBe('');

    await admin.getByLabel(label('Password')).fill(ADMIN.password);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.waitForURL(`**/w/${WORKSPACE.slug}`);
    await admin.getByRole('heading', { name: 'Welcome, Ada' }).waitFor();
  });

  test('a page opened while signed out, or when the session ends, returns there after login', async () => {
    const ctx = await browser.newContext({ baseURL: server.baseUrl });
    const page = watch(await ctx.newPage(), 'returning');
    await page.goto(`/w/${WORKSPACE.slug}/teams`);
    await page.waitForURL(/\/login\?next=/);
    await submitSignIn(page, ADMIN.email, ADMIN.password);
    await page.waitForURL(`**/w/${WORKSPACE.slug}/teams`);
    await page.getByRole('heading', { name: 'Teams', exact: true }).waitFor();

    // The session ends (cookie gone): the next request answers 401 and sign-in brings them back.
    await ctx.clearCookies();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'People' }).click();
    await page.waitForURL(/\/login\?next=%2Fw%2Facme-revenue%2Fpeople$/);
    await submitSignIn(page, ADMIN.email, ADMIN.password);
    await page.waitForURL(`**/w/${WORKSPACE.slug}/people`);
    await page.getByRole('heading', { name: 'People', exact: true }).waitFor();
    await ctx.close();
  });

  test('an admin invites a colleague, who joins from the link in a fresh browser', async () => {
    await admin.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'People' }).click();
    await admin.getByRole('button', { name: 'Invite people' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Invite a person' });
    await dialog.getByLabel(label('Email')).fill(INVITEE.email);
    await dialog.getByLabel(label('Name (optional)')).fill(INVITEE.name);
    await dialog.getByRole('button', { name: 'Create invite link' }).click();

    const ready = admin.getByRole('dialog', { name: 'Invitation ready' });
    const link = await ready.getByLabel('Invite link', { exact: true }).inputValue();
    expect(link).toMatch(/\/invite\//);
    await ready.getByText(/Tandem emails this link to .*; you can also send it yourself/).waitFor();
    await ready.getByRole('button', { name: 'Done' }).click();
    await admin.getByRole('button', { name: `Revoke invitation for ${INVITEE.email}` }).waitFor();

    inviteeContext = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    invitee = watch(await inviteeContext.newPage(), 'invitee');
    await invitee.goto(link);
    await invitee.getByRole('heading', { name: `Join ${WORKSPACE.name}` }).waitFor();
    await expectAccessible(invitee, 'invitation');
    await invitee.getByText('Sales', { exact: true }).waitFor(); // the role they are invited as
    expect(await invitee.getByLabel(label('Your name')).inputValue()).toBe(INVITEE.name);
    await invitee.getByLabel(label('Choose a password')).fill(INVITEE.password);
    await invitee.getByLabel(label('Confirm password')).fill(INVITEE.password);
    await invitee.getByRole('button', { name: 'Create account and join' }).click();

    await invitee.waitForURL(`**/w/${WORKSPACE.slug}`);
    await invitee.getByRole('heading', { name: 'Welcome, Sam' }).waitFor();
    // A sales rep sees only the sections their role may use.
    const nav = invitee.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'People' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Audit log' }).count()).toBe(0);

    // The invitation is used up: the admin's pending list empties once refreshed.
    await admin.reload();
    await admin.getByRole('cell', { name: INVITEE.email }).waitFor();
    expect(await admin.getByRole('button', { name: `Revoke invitation for ${INVITEE.email}` }).count()).toBe(0);
  });

  test("an admin changes the new member's role, and the member sees it", async () => {
    await pickOption(admin, `Role of ${INVITEE.name}`, 'Sales lead');
    await admin.getByText(`${INVITEE.name} is now Sales lead.`).waitFor();
    await admin.reload();
    await expect
      .poll(() => admin.getByRole('combobox', { name: `Role of ${INVITEE.name}` }).inputValue())
      .toBe('Sales lead');

    await invitee.reload();
    await invitee.getByText(/You’re Sales lead in Acme Revenue/).waitFor();
  });

  test('an API token is shown once, works as a Bearer token, and stops working when revoked', async () => {
    await admin.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'API tokens' }).click();
    await admin.getByText('You have no API tokens').waitFor();
    await admin.getByRole('button', { name: 'Create token' }).first().click();
    const form = admin.getByRole('dialog', { name: 'Create API token' });
    await form.getByLabel(label('Token name')).fill('CRM sync');
    await pickOption(admin, 'Expires after', '30 days');
    await form.getByRole('button', { name: 'Create token' }).click();

    const shown = admin.getByRole('dialog', { name: 'Copy your new token' });
    await shown.getByText('This is the only time you’ll see it').waitFor();
    await expectAccessible(admin, 'new token dialog');
    const token = await shown.getByLabel('API token', { exact: true }).inputValue();
    expect(token.length).toBeGreaterThan(20);

    const api = (t: string) =>
      fetch(`${server.baseUrl}/api/v1/workspaces/${WORKSPACE.slug}`, { headers: { Authorization: `Bearer ${t}` } });
    const ok = await api(token);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { slug: string }).slug).toBe(WORKSPACE.slug);

    await shown.getByRole('button', { name: 'I’ve copied it' }).click();
    const row = admin.getByRole('row').filter({ hasText: 'CRM sync' });
    await row.getByText('Active').waitFor();
    // Listed, but the secret itself is never shown again.
    expect(await admin.getByText(token).count()).toBe(0);

    await admin.getByRole('button', { name: 'Revoke token CRM sync' }).click();
    await admin.getByRole('dialog', { name: 'Revoke token?' }).getByRole('button', { name: 'Revoke token' }).click();
    await row.getByText('Revoked').waitFor();

    expect((await api(token)).status).toBe(401);
  });

  test('a second workspace is created from the switcher, and the switcher moves between them', async () => {
    await admin.getByRole('button', { name: /^Workspace: Acme Revenue/ }).click();
    await admin.getByRole('menuitem', { name: 'Create workspace' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Create workspace' });
    await dialog.getByLabel(label('Workspace name')).fill('Beta Markets');
    expect(await dialog.getByLabel(label('Workspace URL')).inputValue()).toBe('beta-markets');
    await dialog.getByRole('button', { name: 'Create workspace' }).click();

    await admin.waitForURL('**/w/beta-markets');
    await admin.getByRole('button', { name: /^Workspace: Beta Markets/ }).waitFor();
    await admin.getByText(/You’re Admin in Beta Markets/).waitFor();

    await admin.getByRole('button', { name: /^Workspace: Beta Markets/ }).click();
    await admin.getByRole('menuitem', { name: /Acme Revenue/ }).click();
    await admin.waitForURL(`**/w/${WORKSPACE.slug}`);
    await admin.getByRole('button', { name: /^Workspace: Acme Revenue/ }).waitFor();

    // The sales lead belongs to Acme only and cannot create workspaces.
    await invitee.getByRole('button', { name: /^Workspace: Acme Revenue/ }).click();
    await invitee.getByRole('menuitem', { name: /Acme Revenue/ }).waitFor();
    expect(await invitee.getByRole('menuitem', { name: 'Create workspace' }).count()).toBe(0);
    expect(await invitee.getByRole('menuitem', { name: /Beta Markets/ }).count()).toBe(0);
    await invitee.keyboard.press('Escape');
  });

  test('on a 390 px phone the navigation folds into a burger menu that still works', async () => {
    const ctx = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 390, height: 844 } });
    const phone = watch(await ctx.newPage(), 'phone');
    await phone.goto('/login');
    await submitSignIn(phone, ADMIN.email, ADMIN.password);
    await phone.getByRole('heading', { name: 'Welcome, Ada' }).waitFor();

    const nav = phone.getByRole('navigation', { name: 'Main navigation' });
    // Folded away: the navbar sits off-screen to the left until the burger opens it.
    const offscreen = async () => {
      const box = await nav.getByRole('link', { name: 'People' }).boundingBox();
      return !box || box.x + box.width <= 0;
    };
    expect(await offscreen()).toBe(true);
    await phone.getByRole('button', { name: 'Open navigation' }).click();
    await expect.poll(offscreen).toBe(false);
    await expectAccessible(phone, 'phone navigation open');
    await nav.getByRole('link', { name: 'People' }).click();
    await phone.waitForURL(/\/people$/);
    await phone.getByRole('heading', { name: 'People', exact: true }).waitFor();
    // Nothing sticks out sideways.
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await ctx.close();
  });
});
