/**
 * Single sign-on in the browser (an empty instance: no demo to seed): the first admin configures an OpenID Connect provider (a real one, oidc-provider,
 * on the loopback address) on the workspace settings page, signs out, and a new person signs in through the
 * provider's page — landing in the workspace with the role the admin chose for newcomers.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { SessionResponse } from '@tandem/contracts';
import { startTestProvider, type TestProvider } from '../../server/test/oidc-test-provider.ts';
import { browserSession, describeE2E, expectAccessible, label, screenshotsOnFailure } from './harness.ts';

const SLUG = 'acme';
const ADMIN = { name: 'Ada Admin', email: 'ada@acme.example', password: 'correct horse battery' };

describeE2E('Single sign-on', () => {
  const tandem = browserSession({ demo: false });
  const { watch } = screenshotsOnFailure();
  let idp: TestProvider;

  /** A page of its own whose person is the first admin (first-run setup through the API, so its cookie is the page's). */
  async function adminPage() {
    const page = watch(await tandem.newPage(), 'admin');
    const res = await page.context().request.post('/api/v1/setup', {
      data: { name: ADMIN.name, email: ADMIN.email, password: ADMIN.password, workspaceName: 'Acme', workspaceSlug: SLUG },
    });
    if (res.status() !== 201) throw new Error(`setup answered ${res.status()}: ${await res.text()}`);
    return page;
  }

  beforeAll(async () => {
    idp = await startTestProvider({ redirectUri: `${tandem.server().baseUrl}/api/v1/sso/callback` });
    idp.people.set('sub-nora', { email: 'nora.newhire@acme.example', name: 'Nora Newhire' });
  });
  afterAll(async () => idp?.close());

  test('an admin configures OIDC, signs out, and a newcomer signs in through the provider with the configured role', async () => {
    const page = await adminPage();
    await page.goto(`/w/${SLUG}/settings`);
    const card = page.locator('form').filter({ hasText: 'Allowed email domains' });
    await page.getByRole('combobox', { name: label('Identity provider') }).click();
    await page.getByRole('option', { name: 'Keycloak', exact: true }).click();
    await card.getByLabel(label('Issuer URL')).fill(idp.issuer);
    await card.getByLabel(label('Client ID')).fill(idp.clientId);
    await card.getByLabel(label('Client secret')).fill(idp.clientSecret);
    await card.getByLabel(label('Allowed email domains')).fill('acme.example');
    await page.getByRole('combobox', { name: label('Role for people new to the workspace') }).click();
    await page.getByRole('option', { name: 'Marketing (PMM)' }).click();
    await card.getByRole('button', { name: 'Save single sign-on' }).click();
    await page.getByText('Single sign-on saved: people can now use "Sign in with Keycloak".').waitFor();
    await expectAccessible(page, 'settings with single sign-on');

    await page.getByRole('button', { name: `Account menu for ${ADMIN.name}` }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL('**/login');

    await page.goto(`/login?workspace=${SLUG}`);
    await page.getByRole('link', { name: 'Sign in with Keycloak' }).click();
    await page.getByRole('heading', { name: 'Test identity provider' }).waitFor();
    await page.getByLabel('Email').fill('nora.newhire@acme.example');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`**/w/${SLUG}`);
    await page.getByRole('heading', { level: 1 }).waitFor();

    const session = (await (await page.context().request.get('/api/v1/auth/session')).json()) as SessionResponse;
    expect(session.user).toMatchObject({ email: 'nora.newhire@acme.example', name: 'Nora Newhire' });
    expect(session.memberships.find((m) => m.slug === SLUG)?.role).toBe('marketing');
  });

  test('a refused sign-in says why on the sign-in page', async () => {
    const page = watch(await tandem.newPage({ width: 390, height: 844 }), 'refused');
    await page.goto(`/login?workspace=${SLUG}&sso=domain`);
    await page.getByRole('alert').filter({ hasText: 'not in a domain this workspace accepts' }).waitFor();
    await expectAccessible(page, 'sign-in after a refused single sign-on');
  });
});
