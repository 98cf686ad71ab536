/**
 * An admin's everyday pages, clicked through: teams, settings, people management
 * (deactivate, password reset link, a new invitation link), profile and password,
 * and the audit log.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeE2E, expectAccessible, label, launchBrowser, screenshotsOnFailure, startServer, submitSignIn, type TandemServer } from './harness.ts';

const ADMIN = { name: 'Grace Hopper', email: 'grace@globex.example', password: 'first-admin-password' };
const SLUG = 'globex';
const PEOPLE = [
  { name: 'Lena Lead', email: 'lena@globex.example', role: 'sales_lead' },
  { name: 'Ravi Rep', email: 'ravi@globex.example', role: 'sales' },
  { name: 'Mia Marketer', email: 'mia@globex.example', role: 'marketing' },
] as const;

describeE2E('Workspace administration in the browser', () => {
  let server: TandemServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const { watch } = screenshotsOnFailure();

  async function go(path: string, heading: string) {
    await page.goto(`/w/${SLUG}${path}`);
    await page.getByRole('heading', { name: heading, exact: true }).waitFor();
    await expectAccessible(page, heading);
  }

  async function signIn(p: Page, email: string, password: string) {
    await p.goto('/login');
    await submitSignIn(p, email, password);
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 900 } });
    page = watch(await context.newPage(), 'admin');

    // Arrange through the API: the first admin (whose cookie lands in this context) and three members.
    const setup = await context.request.post('/api/v1/setup', {
      data: { ...ADMIN, workspaceName: 'Globex', workspaceSlug: SLUG },
    });
    expect(setup.ok()).toBe(true);
    const { csrfToken } = (await setup.json()) as { csrfToken: string };
    for (const person of PEOPLE) {
      const inv = await context.request.post(`/api/v1/workspaces/${SLUG}/invitations`, {
        data: { email: person.email, role: person.role },
        headers: { 'X-CSRF-Token': csrfToken },
      });
      expect(inv.ok()).toBe(true);
      const { url } = (await inv.json()) as { url: string };
      const token = url.split('/invite/')[1];
      const accepted = await fetch(`${server.baseUrl}/api/v1/invitations/${token}/accept`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: person.name, password: `${person.email}-pw` }),
      });
      expect(accepted.ok).toBe(true);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('teams: create one with a lead and members, rename it, delete it', async () => {
    await go('/teams', 'Teams');
    await page.getByText('No teams yet').waitFor();
    await page.getByRole('button', { name: 'Create the first team' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create team' });
    await dialog.getByLabel(label('Team name')).fill('Enterprise East');
    await dialog.getByLabel(label('Description (optional)')).fill('Fortune 500 accounts east of the Mississippi');
    await dialog.getByRole('combobox', { name: 'Team lead (optional)' }).click();
    await page.getByRole('option', { name: /^Lena Lead/ }).click();
    await dialog.getByRole('combobox', { name: 'Members' }).click();
    await page.getByRole('option', { name: /^Ravi Rep/ }).click();
    await page.keyboard.press('Escape'); // closes the options, not the dialog
    await dialog.getByRole('button', { name: 'Create team' }).click();

    const card = page.getByRole('article', { name: 'Enterprise East' });
    await card.getByText('Lena Lead').waitFor();
    await card.getByText('Ravi Rep').waitFor();
    await card.getByText('2 members').waitFor();

    // The People table now lists the team next to its members.
    await go('/people', 'People');
    await page.getByRole('row', { name: /Ravi Rep/ }).getByText('Enterprise East').waitFor();

    await go('/teams', 'Teams');
    await page.getByRole('button', { name: 'Actions for Enterprise East' }).click();
    await page.getByRole('menuitem', { name: 'Edit team' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Enterprise East' });
    await edit.getByLabel(label('Team name')).fill('Enterprise North-East');
    await edit.getByRole('button', { name: 'Save team' }).click();
    await page.getByRole('article', { name: 'Enterprise North-East' }).waitFor();

    await page.getByRole('button', { name: 'Actions for Enterprise North-East' }).click();
    await page.getByRole('menuitem', { name: 'Delete team' }).click();
    await page.getByRole('dialog', { name: 'Delete Enterprise North-East?' }).getByRole('button', { name: 'Delete team' }).click();
    await page.getByText('No teams yet').waitFor();
  });

  test('settings: a bad currency is refused next to the field; good values save and stay', async () => {
    await go('/settings', 'Settings');
    const currency = page.getByRole('combobox', { name: label('Base currency') });
    await currency.fill('EU');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText(/three-letter ISO 4217 code/).first().waitFor();

    await currency.fill('EUR');
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: label('Fiscal year starts in') }).click();
    await page.getByRole('option', { name: 'April', exact: true }).click();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Workspace settings saved.').waitFor();

    await page.reload();
    await expect.poll(() => page.getByRole('combobox', { name: label('Base currency') }).inputValue()).toBe('EUR');
    expect(await page.getByRole('combobox', { name: label('Fiscal year starts in') }).inputValue()).toBe('April');

    // Home's checklist counts the step as done.
    await go('', 'Welcome, Grace');
    await page.getByText(/Now EUR, fiscal year starting in April/).waitFor();
  });

  test('people: search and role filter, deactivate and reactivate with confirmation', async () => {
    await go('/people', 'People');
    await page.getByLabel('Search').fill('mia');
    await page.getByRole('row', { name: /Mia Marketer/ }).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /Ravi Rep/ }).count()).toBe(0);
    await page.getByLabel('Search').fill('');
    await page.getByRole('combobox', { name: 'Role', exact: true }).click();
    await page.getByRole('option', { name: 'Sales lead', exact: true }).click();
    await page.getByRole('row', { name: /Lena Lead/ }).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /Mia Marketer/ }).count()).toBe(0);
    await page.getByRole('combobox', { name: 'Role', exact: true }).click();
    await page.getByRole('option', { name: 'All roles', exact: true }).click();

    await page.getByRole('button', { name: 'Actions for Ravi Rep' }).click();
    await page.getByRole('menuitem', { name: 'Deactivate' }).click();
    await page.getByRole('dialog', { name: 'Deactivate Ravi Rep?' }).getByRole('button', { name: 'Deactivate' }).click();
    await page.getByRole('row', { name: /Ravi Rep/ }).getByText('Deactivated').waitFor();

    // A deactivated person cannot get into the workspace any more.
    const ravi = await browser.newContext({ baseURL: server.baseUrl });
    const raviPage = watch(await ravi.newPage(), 'ravi');
    await signIn(raviPage, 'ravi@globex.example', 'ravi@globex.example-pw');
    await raviPage.waitForURL('**/welcome');
    await raviPage.getByText('You’re not a member of any workspace right now.').waitFor();
    await raviPage.goto(`/w/${SLUG}`);
    await raviPage.getByRole('heading', { name: 'Workspace not found' }).waitFor();
    await ravi.close();

    await page.getByRole('button', { name: 'Actions for Ravi Rep' }).click();
    await page.getByRole('menuitem', { name: 'Reactivate' }).click();
    await page.getByRole('dialog', { name: 'Reactivate Ravi Rep?' }).getByRole('button', { name: 'Reactivate' }).click();
    await page.getByRole('row', { name: /Ravi Rep/ }).getByText('Active', { exact: true }).waitFor();
  });

  test('people: a password reset link lets the member choose a new password and sign in', async () => {
    await go('/people', 'People');
    await page.getByRole('button', { name: 'Actions for Mia Marketer' }).click();
    await page.getByRole('menuitem', { name: 'Reset password link' }).click();
    const dialog = page.getByRole('dialog', { name: 'Password reset link' });
    await dialog.getByRole('button', { name: 'Create reset link' }).click();
    const link = await dialog.getByLabel('Reset link', { exact: true }).inputValue();
    await dialog.getByRole('button', { name: 'Done' }).click();

    const mia = await browser.newContext();
    const miaPage = watch(await mia.newPage(), 'mia');
    await miaPage.goto(link);
    await miaPage.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await miaPage.getByLabel(label('New password')).fill('short');
    await miaPage.getByLabel(label('Confirm new password')).fill('short');
    await miaPage.getByRole('button', { name: 'Set password and sign in' }).click();
    await miaPage.getByText('Use at least 10 characters').waitFor();
    await miaPage.getByLabel(label('New password')).fill('mia-remembers-now');
    await miaPage.getByLabel(label('Confirm new password')).fill('mia-remembers-now');
    await miaPage.getByRole('button', { name: 'Set password and sign in' }).click();
    await miaPage.waitForURL(`**/w/${SLUG}`);
    await miaPage.getByRole('heading', { name: 'Welcome, Mia' }).waitFor();
    await mia.close();
  });

  test('profile: name and time zone save; a wrong current password is refused; the new one works', async () => {
    await go('/profile', 'Profile');
    await page.getByLabel(label('Name')).fill('Grace B. Hopper');
    await page.getByRole('combobox', { name: label('Time zone') }).fill('Tokyo');
    await page.getByRole('option', { name: /Asia\/Tokyo/ }).click();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Your profile is saved.').waitFor();
    await page.getByRole('button', { name: 'Account menu for Grace B. Hopper' }).waitFor();

    await page.getByLabel(label('Current password')).fill('not-my-password');
    await page.getByLabel(label('New password')).fill('second-admin-password');
    await page.getByLabel(label('Confirm new password')).fill('second-admin-password');
    await page.getByRole('button', { name: 'Change password' }).click();
    // Refused at the field (the form's alert points to it rather than repeating it).
    await page.getByText('The current password is not right').waitFor();
    await page.getByRole('alert').filter({ hasText: 'Check the field marked below.' }).waitFor();

    await page.getByLabel(label('Current password')).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Use your new password next time you sign in.').waitFor();

    const again = await browser.newContext({ baseURL: server.baseUrl });
    const p = watch(await again.newPage(), 'new-password');
    await signIn(p, ADMIN.email, 'second-admin-password');
    await p.waitForURL(`**/w/${SLUG}`);
    await again.close();
  });

  test('audit log: entries in the viewer’s time zone, filters by area and person, "Load more"', async () => {
    await go('/audit', 'Audit log');
    await page.getByText(/Times are in your time zone \(Asia\/Tokyo\)/).waitFor();
    await page.getByRole('cell', { name: 'Created a team' }).first().waitFor();

    await page.getByRole('combobox', { name: 'Action' }).click();
    await page.getByRole('option', { name: 'Teams (all)' }).click();
    await page.getByRole('cell', { name: 'Deleted a team' }).waitFor();
    await expect.poll(() => page.getByRole('cell', { name: 'Signed in' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('combobox', { name: 'Person' }).click();
    await page.getByRole('option', { name: 'Mia Marketer' }).click();
    await page.getByRole('cell', { name: 'Reset password' }).waitFor();
    await expect.poll(() => page.getByRole('cell', { name: 'Created a team' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Clear filters' }).click();

    // More than one page of entries: "Load more" follows the cursor.
    const session = (await (await context.request.get('/api/v1/auth/session')).json()) as { csrfToken: string };
    for (let i = 0; i < 50; i++) {
      const res = await context.request.patch(`/api/v1/workspaces/${SLUG}`, {
        data: { name: `Globex ${i}` },
        headers: { 'X-CSRF-Token': session.csrfToken },
      });
      expect(res.status()).toBe(200);
    }
    await page.reload();
    await page.getByText(/^Showing 50 of \d+ entries$/).waitFor();
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByText(/^Showing (\d+) of \1 entries$/).waitFor();
  });

  test('people: "New link" replaces a lost invitation link; the old one stops working', async () => {
    const { csrfToken } = (await (await context.request.get('/api/v1/auth/session')).json()) as { csrfToken: string };
    const email = 'nora@globex.example';
    const inv = await context.request.post(`/api/v1/workspaces/${SLUG}/invitations`, {
      data: { email, role: 'marketing' },
      headers: { 'X-CSRF-Token': csrfToken },
    });
    expect(inv.ok()).toBe(true);
    const oldLink = ((await inv.json()) as { url: string }).url;
    const preview = (link: string) => fetch(`${server.baseUrl}/api/v1/invitations/${link.split('/invite/')[1]}`);
    expect((await preview(oldLink)).status).toBe(200);

    await go('/people', 'People');
    await page.getByRole('button', { name: `New link for ${email}` }).click();
    const dialog = page.getByRole('dialog', { name: 'New invitation link' });
    await dialog.getByText(/The link sent before stops working/).waitFor();
    await dialog.getByRole('button', { name: 'Create new link' }).click();
    const newLink = await dialog.getByLabel('Invite link', { exact: true }).inputValue();
    expect(newLink).toMatch(/\/invite\//);
    expect(newLink).not.toBe(oldLink);
    await dialog.getByText(/is invited as Marketing \(PMM\)/).waitFor();
    await dialog.getByText(/Tandem emails this link to .*; you can also send it yourself/).waitFor();

    expect((await preview(oldLink)).status).toBe(404);
    const fresh = await preview(newLink);
    expect(fresh.status).toBe(200);
    expect(await fresh.json()).toMatchObject({ email, role: 'marketing', workspaceSlug: SLUG });
    await dialog.getByRole('button', { name: 'Done' }).click();

    // Still one pending invitation for her, and it is the new one: revoking it works and ends the new link.
    await expect.poll(() => page.getByRole('button', { name: `Revoke invitation for ${email}` }).count()).toBe(1);
    await page.getByRole('button', { name: `Revoke invitation for ${email}` }).click();
    await page.getByRole('dialog', { name: 'Revoke invitation?' }).getByRole('button', { name: 'Revoke invitation' }).click();
    await page.getByText(`The invitation for ${email} no longer works.`).waitFor();
    expect((await preview(newLink)).status).toBe(404);
  });
});
