/**
 * Account flows that start from an email, on the demo workspace: a PMM changes her sign-in email on her
 * profile, confirms it with the link the server mailed to the new address (its outbox folder), and signs in
 * with it; people who already have an account accept an invitation to a second workspace by signing in
 * instead of creating one — after the page learns it from a refused new password, or when they say so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { CreateInvitationResponse, SessionResponse } from '@tandem/contracts';
import { browserSession, describeE2E, expectAccessible, label, screenshotsOnFailure, submitSignIn, type TandemServer } from './harness.ts';

const SLUG = 'northwind';
const PASSWORD = 'tandem-demo-2026';
const SECOND = { name: 'Southwind Labs', slug: 'southwind' };

/** An email the server wrote to its outbox folder: recipients and its text with quoted-printable undone. */
interface Mail {
  to: string;
  text: string;
}

function outbox(server: TandemServer): Mail[] {
  const dir = path.join(server.dataDir, 'outbox');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => {
      const raw = fs.readFileSync(path.join(dir, f), 'utf8');
      const to = /^To: (.*)$/m.exec(raw)?.[1] ?? '';
      const text = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      return { to, text };
    });
}

describeE2E('Account flows from an email', () => {
  const tandem = browserSession();
  const { watch } = screenshotsOnFailure();
  const newPage = async (name: string) => watch(await tandem.newPage(), name);

  async function signedIn(email: string, name: string): Promise<Page> {
    const page = await newPage(name);
    await page.goto('/login');
    await submitSignIn(page, email, PASSWORD);
    await page.waitForURL(`**/w/${SLUG}`);
    return page;
  }

  /** A write through the API with the page's session (and its CSRF token); the answer's status must be `status`. */
  async function post<T>(page: Page, url: string, data: unknown, status: number): Promise<T> {
    const { csrfToken } = (await (await page.request.get('/api/v1/auth/session')).json()) as SessionResponse;
    const res = await page.request.post(`/api/v1${url}`, { data, headers: { 'X-CSRF-Token': csrfToken } });
    expect(res.status(), await res.text()).toBe(status);
    return (await res.json()) as T;
  }

  test('a PMM changes her sign-in email: the link mailed to the new address confirms it, once, and she signs in with it', async () => {
    const server = tandem.server();
    const oldEmail = 'priya@northwind.example';
    const newEmail = 'priya.raman@northwind.example';
    const pmm = await signedIn(oldEmail, 'profile');
    await pmm.goto(`/w/${SLUG}/profile`);
    await pmm.getByRole('heading', { name: 'Profile', level: 1 }).waitFor();
    await pmm.getByLabel(label('New email')).fill(newEmail);
    await pmm.getByLabel(label('Your password')).first().fill(PASSWORD);
    await pmm.getByRole('button', { name: 'Send confirmation link' }).click();
    await pmm.getByRole('status').filter({ hasText: `We sent a confirmation link to ${newEmail}` }).waitFor();
    await expectAccessible(pmm, 'profile, link sent');

    // The link goes to the new address; the old one is told.
    let link = '';
    await expect
      .poll(
        () => {
          const mail = outbox(server).find((m) => m.to.includes(newEmail) && m.text.includes('/confirm-email/'));
          link = mail ? new RegExp(`${server.baseUrl}(/confirm-email/[A-Za-z0-9_-]+)`).exec(mail.text)?.[1] ?? '' : '';
          return link;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toMatch(/^\/confirm-email\/tde_/);
    await expect
      .poll(() => outbox(server).some((m) => m.to.includes(oldEmail) && m.text.includes('Your sign-in email is about to change')), { timeout: 30_000, interval: 500 })
      .toBe(true);

    // Opening the link changes nothing (mail scanners follow links); the button does.
    const mailbox = await newPage('confirm');
    await mailbox.goto(link);
    await mailbox.getByRole('heading', { name: 'Confirm your new sign-in email', level: 1 }).waitFor();
    await expectAccessible(mailbox, 'confirm email');
    const stillOld = await newPage('still-old');
    await stillOld.goto('/login');
    await submitSignIn(stillOld, oldEmail, PASSWORD);
    await stillOld.waitForURL(`**/w/${SLUG}`);

    await mailbox.getByRole('button', { name: 'Use this address to sign in' }).click();
    await mailbox.getByRole('heading', { name: 'Your sign-in email is changed', level: 1 }).waitFor();
    await mailbox.getByText(`From now on, sign in with ${newEmail}.`).waitFor();
    await expectAccessible(mailbox, 'email changed');

    // Signed out, "Go to sign in": the new address works and the old one no longer does.
    await mailbox.getByRole('link', { name: 'Go to sign in' }).click();
    await mailbox.waitForURL('**/login');
    await submitSignIn(mailbox, oldEmail, PASSWORD);
    await mailbox.getByRole('alert').first().waitFor();
    await submitSignIn(mailbox, newEmail, PASSWORD);
    await mailbox.waitForURL(`**/w/${SLUG}`);
    const session = (await (await mailbox.request.get('/api/v1/auth/session')).json()) as SessionResponse;
    expect(session.user.email).toBe(newEmail);

    // The link worked once.
    const again = await newPage('confirm-again');
    await again.goto(link);
    await again.getByRole('button', { name: 'Use this address to sign in' }).click();
    await again.getByRole('heading', { name: 'This confirmation link can’t be used', level: 1 }).waitFor();
    await expectAccessible(again, 'confirm email, used link');
  });

  test('people with an account join a second workspace from an invitation by signing in instead of creating one', async () => {
    const admin = await signedIn('dana@northwind.example', 'admin');
    await post(admin, '/workspaces', SECOND, 201);
    const invite = (email: string) => post<CreateInvitationResponse>(admin, `/workspaces/${SECOND.slug}/invitations`, { email, role: 'sales' }, 201);
    const pathOf = (url: string) => new URL(url).pathname;

    // Sofia starts as if she were new; the server refuses a new password for an address that has an account,
    // and the page asks for that account's password instead.
    const sofia = await newPage('invite-sofia');
    await sofia.goto(pathOf((await invite('sofia@northwind.example')).url));
    await sofia.getByRole('heading', { name: `Join ${SECOND.name}`, level: 1 }).waitFor();
    await expectAccessible(sofia, 'invitation');
    await sofia.getByLabel(label('Your name')).fill('Sofia Alvarez');
    await sofia.getByLabel(label('Choose a password')).fill('a-brand-new-password-77');
    await sofia.getByLabel(label('Confirm password')).fill('a-brand-new-password-77');
    await sofia.getByRole('button', { name: 'Create account and join' }).click();
    await sofia.getByRole('status').filter({ hasText: `sofia@northwind.example already has a Tandem account. Enter its password to join ${SECOND.name}.` }).waitFor();
    await expectAccessible(sofia, 'invitation, existing account');
    await sofia.getByLabel(label('Your password')).fill('not-her-password');
    await sofia.getByRole('button', { name: 'Sign in and join' }).click();
    await sofia.getByRole('alert').first().waitFor();
    await sofia.getByLabel(label('Your password')).fill(PASSWORD);
    await sofia.getByRole('button', { name: 'Sign in and join' }).click();
    await sofia.waitForURL(`**/w/${SECOND.slug}`);

    // Marcus says so himself: "sign in instead".
    const marcus = await newPage('invite-marcus');
    await marcus.goto(pathOf((await invite('marcus@northwind.example')).url));
    await marcus.getByRole('heading', { name: `Join ${SECOND.name}`, level: 1 }).waitFor();
    await marcus.getByRole('button', { name: 'I already have a Tandem account: sign in instead' }).click();
    await marcus.getByRole('heading', { name: `Join ${SECOND.name}`, level: 1 }).waitFor();
    await marcus.getByText('Sign in with your Tandem account to join this workspace.').waitFor();
    await expectAccessible(marcus, 'invitation, sign in instead');
    await marcus.getByLabel(label('Your password')).fill(PASSWORD);
    await marcus.getByRole('button', { name: 'Sign in and join' }).click();
    await marcus.waitForURL(`**/w/${SECOND.slug}`);

    // Both are members of both workspaces now, with their own names and passwords.
    for (const page of [sofia, marcus]) {
      const { memberships } = (await (await page.request.get('/api/v1/auth/session')).json()) as SessionResponse;
      expect(memberships.map((m) => m.slug).sort()).toEqual([SECOND.slug, SLUG].sort());
    }
  });
});
