import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createHarness, login, PASSWORD, setupAdmin, type Client, type Harness } from '../../../test/app-harness.ts';
import { startTestProvider, type TestProvider } from '../../../test/oidc-test-provider.ts';

const REDIRECT = 'http://tandem.test/api/v1/sso/callback';
let h: Harness;
let admin: Client;
let idp: TestProvider;

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app);
  idp = await startTestProvider({ redirectUri: REDIRECT });
  idp.people.set('sub-nina', { email: 'nina@acme.test', name: 'Nina North' });
  idp.people.set('sub-olaf', { email: 'olaf@elsewhere.test', name: 'Olaf Outsider' });
});
afterAll(async () => {
  await idp?.close();
  await h?.close();
});

const settingsFor = (p: TestProvider, extra: Record<string, unknown> = {}) => ({
  enabled: true,
  provider: 'keycloak',
  issuerUrl: p.issuer,
  clientId: p.clientId,
  clientSecret: p.clientSecret,
  allowedDomains: ['acme.test'],
  defaultRole: 'marketing',
  ssoOnly: false,
  ...extra,
});

const cookieOf = (res: LightMyRequestResponse | Response, name: string) => {
  if ('cookies' in res) return res.cookies.find((c) => c.name === name)?.value;
  return undefined;
};

/**
 * A browser's round trip: Tandem's start → the provider's sign-in page (the email typed) → back to Tandem's
 * callback. `tamper` may change the callback's query string before Tandem sees it; `beforeCallback` may wait.
 */
async function ssoSignIn(email: string, opts: { tamper?: (q: URLSearchParams) => void; beforeCallback?: () => Promise<void>; slug?: string } = {}) {
  const start = await h.app.inject({ method: 'GET', url: `/api/v1/sso/${opts.slug ?? 'acme'}/start` });
  if (start.statusCode !== 303) throw new Error(`start: ${start.statusCode} ${start.body}`);
  const pending = cookieOf(start, 'tandem_sso');
  let url = start.headers.location as string;
  if (!url.startsWith('http://127.0.0.1')) return { start, callback: start };
  // The browser's cookies at the provider.
  const jar = new Map<string, string>();
  const browse = async (init: RequestInit = {}) => {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    return res;
  };
  for (let hops = 0; hops < 12 && !url.startsWith(REDIRECT); hops++) {
    let res = await browse();
    if (res.status === 200 && url.includes('/interaction/')) {
      res = await browse({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email }) });
    }
    const next = res.headers.get('location');
    if (!next) throw new Error(`provider answered ${res.status} at ${url}: ${(await res.text()).slice(0, 300)}`);
    url = new URL(next, url).href;
  }
  const back = new URL(url);
  opts.tamper?.(back.searchParams);
  await opts.beforeCallback?.();
  const callback = await h.app.inject({ method: 'GET', url: `/api/v1/sso/callback?${back.searchParams}`, cookies: pending ? { tandem_sso: pending } : {} });
  return { start, callback };
}

const failureOf = (res: LightMyRequestResponse) => new URL(res.headers.location as string, 'http://x').searchParams.get('sso');
const userCount = async (email: string) =>
  Number((await h.services.deps.database.db.execute(sql`select count(*)::int as n from users where lower(email) = ${email}`)).rows[0]!.n);

describe('configuring a workspace provider', () => {
  it('refuses an issuer that does not answer, with the field named, and saves nothing', async () => {
    const res = await call(h.app, admin, 'PUT', '/api/v1/workspaces/acme/sso', { body: settingsFor(idp, { issuerUrl: 'http://127.0.0.1:9' }) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'SSO_ISSUER_UNREACHABLE', errors: [{ path: 'body.issuerUrl' }] });
    expect((await call(h.app, admin, 'GET', '/api/v1/workspaces/acme/sso')).json()).toMatchObject({ configured: false, enabled: false });
  });

  it('refuses a plain-http issuer that is not on this machine, naming the field', async () => {
    const res = await call(h.app, admin, 'PUT', '/api/v1/workspaces/acme/sso', { body: settingsFor(idp, { issuerUrl: 'http://idp.example.com' }) });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('issuerUrl');
  });

  it('saves a provider whose discovery answers; the secret is sealed at rest and never sent back', async () => {
    const res = await call(h.app, admin, 'PUT', '/api/v1/workspaces/acme/sso', { body: settingsFor(idp) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ configured: true, enabled: true, hasClientSecret: true, displayName: 'Keycloak', redirectUri: REDIRECT });
    expect(res.body).not.toContain(idp.clientSecret);
    const stored = await h.services.deps.database.db.execute(sql`select client_secret_sealed from sso_settings`);
    expect(String(stored.rows[0]!.client_secret_sealed)).not.toContain(idp.clientSecret);
    // Saving again without a secret keeps the sealed one.
    const { clientSecret: _, ...withoutSecret } = settingsFor(idp);
    expect((await call(h.app, admin, 'PUT', '/api/v1/workspaces/acme/sso', { body: withoutSecret })).statusCode).toBe(200);
    expect((await call(h.app, null, 'GET', '/api/v1/sso/acme')).json()).toMatchObject({ label: 'Sign in with Keycloak', workspace: { slug: 'acme' } });
  });

  it('is for admins only, and another workspace is not found', async () => {
    const rep = await addMember(h.app, admin, 'acme', 'rep@acme.test', 'sales');
    expect((await call(h.app, rep.client, 'GET', '/api/v1/workspaces/acme/sso')).statusCode).toBe(403);
    expect((await call(h.app, admin, 'GET', '/api/v1/workspaces/other/sso')).statusCode).toBe(404);
    expect((await call(h.app, null, 'GET', '/api/v1/sso/other')).statusCode).toBe(404);
  });
});

describe('signing in through the provider', () => {
  it('creates the person on first sign-in with the configured role, and lands in the workspace', async () => {
    const { callback } = await ssoSignIn('nina@acme.test');
    expect(callback.statusCode).toBe(303);
    expect(callback.headers.location).toBe('/w/acme');
    const session = cookieOf(callback, 'tandem_session');
    expect(session).toBeTruthy();
    const me = await h.app.inject({ method: 'GET', url: '/api/v1/auth/session', cookies: { tandem_session: session! } });
    expect(me.json()).toMatchObject({ user: { email: 'nina@acme.test', name: 'Nina North' }, memberships: [{ slug: 'acme', role: 'marketing' }] });
  });

  it('makes name and email follow the provider on the next sign-in', async () => {
    idp.people.set('sub-nina', { email: 'nina.north@acme.test', name: 'Nina Nordström' });
    const { callback } = await ssoSignIn('nina.north@acme.test');
    const me = await h.app.inject({ method: 'GET', url: '/api/v1/auth/session', cookies: { tandem_session: cookieOf(callback, 'tandem_session')! } });
    expect(me.json()).toMatchObject({ user: { email: 'nina.north@acme.test', name: 'Nina Nordström' } });
    expect(await userCount('nina@acme.test')).toBe(0);
  });

  it('refuses an email domain the workspace does not accept, creating nobody', async () => {
    const { callback } = await ssoSignIn('olaf@elsewhere.test');
    expect(callback.statusCode).toBe(303);
    expect(failureOf(callback)).toBe('domain');
    expect(cookieOf(callback, 'tandem_session')).toBeFalsy();
    expect(await userCount('olaf@elsewhere.test')).toBe(0);
  });

  it('refuses a tampered state, and a callback without the browser that started it', async () => {
    const tampered = await ssoSignIn('nina.north@acme.test', { tamper: (q) => q.set('state', `${q.get('state')}x`) });
    expect(failureOf(tampered.callback)).toBe('state');
    expect(cookieOf(tampered.callback, 'tandem_session')).toBeFalsy();

    const start = await h.app.inject({ method: 'GET', url: '/api/v1/sso/acme/start' });
    const state = new URL(start.headers.location as string).searchParams.get('state')!;
    const stranger = await h.app.inject({ method: 'GET', url: `/api/v1/sso/callback?code=abc&state=${state}` });
    expect(failureOf(stranger)).toBe('state');
  });

  it('refuses a code used twice (the provider refuses the replay)', async () => {
    let replay = '';
    const first = await ssoSignIn('nina.north@acme.test', { tamper: (q) => void (replay = q.toString()) });
    expect(first.callback.headers.location).toBe('/w/acme');
    const pending = cookieOf(first.start, 'tandem_sso')!;
    const again = await h.app.inject({ method: 'GET', url: `/api/v1/sso/callback?${replay}`, cookies: { tandem_sso: pending } });
    expect(failureOf(again)).toBe('provider');
    expect(cookieOf(again, 'tandem_session')).toBeFalsy();
  });

  it('refuses a deactivated person', async () => {
    const users = await h.services.deps.database.db.execute(sql`select id from users where email = 'nina.north@acme.test'`);
    const id = String(users.rows[0]!.id);
    expect((await call(h.app, admin, 'PATCH', `/api/v1/workspaces/acme/members/${id}`, { body: { active: false } })).statusCode).toBe(200);
    const { callback } = await ssoSignIn('nina.north@acme.test');
    expect(failureOf(callback)).toBe('deactivated');
    expect(cookieOf(callback, 'tandem_session')).toBeFalsy();
    expect((await call(h.app, admin, 'PATCH', `/api/v1/workspaces/acme/members/${id}`, { body: { active: true } })).statusCode).toBe(200);
  });
});

describe('an expired code', () => {
  it('is refused', async () => {
    const shortLived = await startTestProvider({ redirectUri: REDIRECT, codeTtlSeconds: 1 });
    shortLived.people.set('sub-nina', { email: 'nina.north@acme.test', name: 'Nina Nordström' });
    try {
      expect((await call(h.app, admin, 'PUT', '/api/v1/workspaces/acme/sso', { body: settingsFor(shortLived) })).statusCode).toBe(200);
      const { callback } = await ssoSignIn('nina.north@acme.test', { beforeCallback: () => new Promise((r) => setTimeout(r, 2100)) });
      expect(failureOf(callback)).toBe('provider');
      expect(cookieOf(callback, 'tandem_session')).toBeFalsy();
    } finally {
      await shortLived.close();
    }
    // The provider is gone now: starting says it does not answer, and nothing changes.
    const start = await h.app.inject({ method: 'GET', url: '/api/v1/sso/acme/start' });
    expect(start.statusCode).toBe(303);
    expect(failureOf(start)).toBe('unreachable');
    expect((await call(h.app, admin, 'PUT', '/api/v1/workspaces/acme/sso', { body: settingsFor(idp) })).statusCode).toBe(200);
  }, 20_000);
});

describe('SSO only', () => {
  it("refuses a member's password sign-in with a clear message; the admin's break-glass password still works", async () => {
    expect((await call(h.app, admin, 'PUT', '/api/v1/workspaces/acme/sso', { body: settingsFor(idp, { ssoOnly: true }) })).statusCode).toBe(200);
    const refused = await call(h.app, null, 'POST', '/api/v1/auth/login', { body: { email: 'rep@acme.test', password: PASSWORD } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'AUTH_SSO_ONLY' });
    expect(refused.json().detail).toContain("Acme uses single sign-on only: continue with single sign-on below (the workspace's address is acme)");
    expect(cookieOf(refused, 'tandem_session')).toBeFalsy();
    // A wrong password still says only that.
    expect((await call(h.app, null, 'POST', '/api/v1/auth/login', { body: { email: 'rep@acme.test', password: 'wrong password!' } })).statusCode).toBe(401);
    await expect(login(h.app, 'ada@acme.test', PASSWORD)).resolves.toMatchObject({ csrf: expect.any(String) });
    // Single sign-on itself still works.
    expect((await ssoSignIn('nina.north@acme.test')).callback.headers.location).toBe('/w/acme');
  });
});

describe("a workspace's provider speaks for its own workspace only", () => {
  it("refuses to sign in, by email, an account that belongs to a workspace on another provider, and changes nothing", async () => {
    // An admin of Acme creates Globex and points it at a provider of their own, which vouches for Acme's rep.
    expect((await call(h.app, admin, 'POST', '/api/v1/workspaces', { body: { name: 'Globex', slug: 'globex' } })).statusCode).toBe(201);
    const rogue = await startTestProvider({ redirectUri: REDIRECT });
    rogue.people.set('sub-rogue', { email: 'rep@acme.test', name: 'Not The Rep' });
    try {
      expect((await call(h.app, admin, 'PUT', '/api/v1/workspaces/globex/sso', { body: settingsFor(rogue) })).statusCode).toBe(200);
      const { callback } = await ssoSignIn('rep@acme.test', { slug: 'globex' });
      expect(failureOf(callback)).toBe('elsewhere');
      expect(cookieOf(callback, 'tandem_session')).toBeFalsy();
      const rep = await h.services.deps.database.db.execute(
        sql`select u.name, (select count(*)::int from memberships m join workspaces w on w.id = m.workspace_id where m.user_id = u.id and w.slug = 'globex') as globex
              from users u where u.email = 'rep@acme.test'`,
      );
      expect(rep.rows).toEqual([{ name: 'rep', globex: 0 }]);
    } finally {
      await rogue.close();
    }
  });

  it('signs in the same person to two workspaces on the same provider; a linked person in a workspace on another keeps their name and email', async () => {
    expect((await call(h.app, admin, 'POST', '/api/v1/workspaces', { body: { name: 'Acme EMEA', slug: 'acme-emea' } })).statusCode).toBe(201);
    expect((await call(h.app, admin, 'PUT', '/api/v1/workspaces/acme-emea/sso', { body: settingsFor(idp) })).statusCode).toBe(200);
    expect((await ssoSignIn('nina.north@acme.test', { slug: 'acme-emea' })).callback.headers.location).toBe('/w/acme-emea');

    // Nina joins Globex too (no single sign-on there): Acme's provider can no longer rename her.
    const ninaId = String((await h.services.deps.database.db.execute(sql`select id from users where email = 'nina.north@acme.test'`)).rows[0]!.id);
    const globex = await h.services.deps.database.db.execute(sql`select id from workspaces where slug = 'globex'`);
    await h.services.deps.database.db.execute(sql`insert into memberships (workspace_id, user_id, role) values (${String(globex.rows[0]!.id)}, ${ninaId}, 'sales')`);
    idp.people.set('sub-nina', { email: 'someone.else@acme.test', name: 'Someone Else' });
    try {
      const { callback } = await ssoSignIn('someone.else@acme.test');
      expect(callback.headers.location).toBe('/w/acme');
      const me = await h.app.inject({ method: 'GET', url: '/api/v1/auth/session', cookies: { tandem_session: cookieOf(callback, 'tandem_session')! } });
      expect(me.json()).toMatchObject({ user: { id: ninaId, email: 'nina.north@acme.test', name: 'Nina Nordström' } });
    } finally {
      idp.people.set('sub-nina', { email: 'nina.north@acme.test', name: 'Nina Nordström' });
    }
  });
});
