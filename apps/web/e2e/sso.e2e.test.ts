/**
 * Single sign-on in the browser: the demo admin configures an OpenID Connect provider (a real one, oidc-provider,
 * on the loopback address) on the workspace settings page, signs out, and a new person signs in through the
 * provider's page — landing in the workspace with the role the admin chose for newcomers.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { SessionResponse } from '@tandem/contracts';
import { startTestProvider, type TestProvider } from '../../server/test/oidc-test-provider.ts';
import { DEMO_SLUG, demoSession, describeE2E, expectAccessible, label } from './harness.ts';

describeE2E('Single sign-on', () => {
  const tandem = demoSession();
  let idp: TestProvider;

  beforeAll(async () => {
    idp = await startTestProvider({ redirectUri: `${tandem.server().baseUrl}/api/v1/sso/callback` });
    idp.people.set('sub-nora', { email: 'nora.newhire@northwind.example', name: 'Nora Newhire' });
  });
  afterAll(async () => idp?.close());

  test('an admin configures OIDC, signs out, and a newcomer signs in through the provider with the configured role', async () => {
    const page = await tandem.signIn('dana@northwind.example', 'admin');
    const me = await tandem.get<SessionResponse>(page, '/auth/session');

    await page.goto(`/w/${DEMO_SLUG}/settings`);
    const card = page.locator('form').filter({ hasText: 'Allowed email domains' });
    await page.getByRole('textbox', { name: label('Identity provider') }).click();
    await page.getByRole('option', { name: 'Keycloak' }).click();
    await card.getByLabel(label('Issuer URL')).fill(idp.issuer);
    await card.getByLabel(label('Client ID')).fill(idp.clientId);
    await card.getByLabel(label('Client secret')).fill(idp.clientSecret);
    await card.getByLabel(label('Allowed email domains')).fill('northwind.example');
    await page.getByRole('textbox', { name: label('Role for people new to the workspace') }).click();
    await page.getByRole('option', { name: 'Marketing (PMM)' }).click();
    await card.getByRole('button', { name: 'Save single sign-on' }).click();
    await page.getByText('Single sign-on saved: people can now use "Sign in with Keycloak".').waitFor();
    await expectAccessible(page, 'settings with single sign-on');

    await page.getByRole('button', { name: `Account menu for ${me.user.name}` }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL('**/login');

    await page.goto(`/login?workspace=${DEMO_SLUG}`);
    await page.getByRole('link', { name: 'Sign in with Keycloak' }).click();
    await page.getByRole('heading', { name: 'Test identity provider' }).waitFor();
    await page.getByLabel('Email').fill('nora.newhire@northwind.example');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`**/w/${DEMO_SLUG}`);

    const session = await tandem.get<SessionResponse>(page, '/auth/session');
    expect(session.user).toMatchObject({ email: 'nora.newhire@northwind.example', name: 'Nora Newhire' });
    expect(session.memberships.find((m) => m.slug === DEMO_SLUG)?.role).toBe('marketing');
  });

  test('a refused sign-in says why on the sign-in page', async () => {
    const page = tandem.watch(await (await tandem.signIn('dana@northwind.example', 'refused')).context().newPage(), 'refused');
    await page.context().clearCookies();
    await page.goto(`/login?workspace=${DEMO_SLUG}&sso=domain`);
    await page.getByRole('alert').filter({ hasText: 'not in a domain this workspace accepts' }).waitFor();
    await expectAccessible(page, 'sign-in after a refused single sign-on');
  });
});
