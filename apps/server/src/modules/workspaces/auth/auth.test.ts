import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { cliActor } from '../../../lib/context.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createHarness, login, PASSWORD, setupAdmin, type Client, type Harness, type TestApp } from '../../../../test/app-harness.ts';
import { buildApp } from '../../../app.ts';
import { loadConfig } from '../../../config.ts';
import { openDatabase } from '../../../db/database.ts';
import { createServices } from '../../../services.ts';
import { resolveSecret } from '../../system/index.ts';

let h: Harness;
let admin: Client;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());

const loginAt = (email: string, password: string, remoteAddress = '127.0.0.1') =>
  h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress });

function sessionCookie(res: LightMyRequestResponse) {
  return res.cookies.find((c) => c.name === 'tandem_session');
}

describe('first-run setup', () => {
  it('is needed until the first admin exists, then refused', async () => {
    expect((await call(h.app, null, 'GET', '/api/v1/setup')).json()).toEqual({ needsSetup: true });
    admin = await setupAdmin(h.app);
    expect((await call(h.app, null, 'GET', '/api/v1/setup')).json()).toEqual({ needsSetup: false });

    const again = await call(h.app, null, 'POST', '/api/v1/setup', {
      body: { name: 'Mallory', email: 'mallory@evil.test', password: PASSWORD, workspaceName: 'Evil', workspaceSlug: 'evil' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'SETUP_ALREADY_DONE' });
    expect(sessionCookie(again)).toBeUndefined();
    // The refused attempt created nothing.
    expect((await loginAt('mallory@evil.test', PASSWORD)).statusCode).toBe(401);
  });

  it('signs the admin in to the new workspace', async () => {
    const res = await call(h.app, admin, 'GET', '/api/v1/auth/session');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      user: { email: 'ada@acme.test', name: 'Ada Admin' },
      memberships: [{ slug: 'acme', role: 'admin' }],
      canCreateWorkspace: true,
    });
  });
});

describe('sign-in', () => {
  it('sets an httpOnly, SameSite=Lax session cookie for the whole site', async () => {
    const res = await loginAt('ADA@acme.test', PASSWORD);
    expect(res.statusCode).toBe(200);
    const c = sessionCookie(res)!;
    expect(c).toBeDefined();
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Lax');
    expect(c.path).toBe('/');
    // http public URL: not Secure (the browser would drop it on plain http).
    expect(c.secure).toBeFalsy();
    const days = (new Date(c.expires!).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThan(14.1);
    const raw = String(res.headers['set-cookie']);
    expect(raw).toMatch(/HttpOnly/);
    expect(raw).toMatch(/SameSite=Lax/);
    expect(res.json()).toMatchObject({ user: { email: 'ada@acme.test' }, csrfToken: expect.any(String) });
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const wrong = await loginAt('ada@acme.test', 'not the password');
    const unknown = await loginAt('nobody@acme.test', 'not the password');
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(sessionCookie(res)).toBeUndefined();
    }
    expect(wrong.json()).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS' });
    const { requestId: _a, ...w } = wrong.json();
    const { requestId: _b, ...u } = unknown.json();
    expect(u).toEqual(w);
  });

  it('locks an account for 15 minutes after 10 failures, even for the right password', async () => {
    await addMember(h.app, admin, 'acme', 'locked@acme.test', 'sales');
    const ip = '10.0.0.7';
    for (let i = 0; i < 10; i++) {
      expect((await loginAt('locked@acme.test', `wrong password ${i}`, ip)).statusCode).toBe(401);
    }
    for (const password of ['wrong again', PASSWORD]) {
      const res = await loginAt('locked@acme.test', password, ip);
      expect(res.statusCode).toBe(429);
      const body = res.json();
      expect(body).toMatchObject({ code: 'AUTH_RATE_LIMITED' });
      expect(Number.isInteger(body.retryAfterSeconds)).toBe(true);
      expect(body.retryAfterSeconds).toBeGreaterThan(800);
      expect(body.retryAfterSeconds).toBeLessThanOrEqual(900);
      expect(res.headers['retry-after']).toBe(String(body.retryAfterSeconds));
      expect(sessionCookie(res)).toBeUndefined();
    }
    // From another address too: the lock is on the account.
    expect((await loginAt('locked@acme.test', PASSWORD, '10.0.0.8')).statusCode).toBe(429);
    // Other accounts from the same address are unaffected.
    expect((await loginAt('ada@acme.test', PASSWORD, ip)).statusCode).toBe(200);
  });

  it('counts only the last 15 minutes, and Retry-After says when the oldest failure ages out', async () => {
    const db = h.services.deps.database.db;
    await addMember(h.app, admin, 'acme', 'window@acme.test', 'sales');
    // Ten failures 16 minutes ago no longer count.
    await db.execute(sql`insert into login_attempts (email, ip, succeeded, created_at)
      select 'window@acme.test', '10.0.0.9', false, now() - interval '16 minutes' from generate_series(1, 10)`);
    expect((await loginAt('window@acme.test', PASSWORD, '10.0.0.9')).statusCode).toBe(200);
    // Ten failures, the oldest 14.5 minutes ago: locked for about 30 more seconds.
    await db.execute(sql`insert into login_attempts (email, ip, succeeded, created_at)
      select 'window@acme.test', '10.0.0.9', false, now() - interval '870 seconds' + g * interval '1 second' from generate_series(0, 9) g`);
    const res = await loginAt('window@acme.test', PASSWORD, '10.0.0.9');
    expect(res.statusCode).toBe(429);
    expect(res.json().retryAfterSeconds).toBeGreaterThan(20);
    expect(res.json().retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(res.headers['retry-after']).toBe(String(res.json().retryAfterSeconds));
    expect(res.json().detail).toMatch(/1 minute/);
  });

  it('blocks an address after 50 failures across different emails', async () => {
    const ip = '10.1.2.3';
    // 40 earlier failures from this address (inserted directly, to save 40 password hashes)...
    await h.services.deps.database.db.execute(sql`insert into login_attempts (email, ip, succeeded)
      select 'earlier' || g || '@acme.test', ${ip}, false from generate_series(1, 40) g`);
    // ...then ten real ones, each with a new email: the 50th is still answered...
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => loginAt(`guess${i}@acme.test`, 'password123', ip)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(401));
    // ...and the 51st attempt is refused, even with right credentials.
    const blocked = await loginAt('ada@acme.test', PASSWORD, ip);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ code: 'AUTH_RATE_LIMITED' });
    expect(blocked.json().detail).toMatch(/address/);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // The account itself is fine from elsewhere.
    expect((await loginAt('ada@acme.test', PASSWORD, '10.1.2.4')).statusCode).toBe(200);
  });
});

describe('CSRF', () => {
  it('refuses cookie-authenticated writes without the X-CSRF-Token header; reads need none', async () => {
    const c = await login(h.app, 'ada@acme.test', PASSWORD);
    const noCsrf: Client = { cookie: c.cookie };
    const wrongCsrf: Client = { cookie: c.cookie, csrf: 'x'.repeat(c.csrf!.length) };
    const writes = [
      ['POST', '/api/v1/auth/logout', undefined],
      ['PATCH', '/api/v1/me', { name: 'Hijacked' }],
      ['PATCH', '/api/v1/workspaces/acme', { name: 'Hijacked' }],
      ['DELETE', '/api/v1/workspaces/acme/invitations/00000000-0000-4000-8000-000000000000', undefined],
    ] as const;
    for (const who of [noCsrf, wrongCsrf]) {
      for (const [method, url, body] of writes) {
        const res = await call(h.app, who, method, url, { body });
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.json().code).toBe('AUTH_CSRF_FAILED');
      }
    }
    expect((await call(h.app, noCsrf, 'GET', '/api/v1/workspaces/acme')).json().name).toBe('Acme');
    expect((await call(h.app, noCsrf, 'GET', '/api/v1/auth/session')).json().user.name).toBe('Ada Admin');
    // The refused logout did not sign out.
    expect((await call(h.app, c, 'GET', '/api/v1/auth/session')).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('logout ends the session; the old cookie no longer works', async () => {
    const c = await login(h.app, 'ada@acme.test', PASSWORD);
    const out = await call(h.app, c, 'POST', '/api/v1/auth/logout');
    expect(out.statusCode).toBe(200);
    const cleared = sessionCookie(out)!;
    expect(cleared.value).toBe('');
    const after = await call(h.app, c, 'GET', '/api/v1/auth/session');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('AUTH_REQUIRED');
    // Other sessions of the same user live on.
    expect((await call(h.app, admin, 'GET', '/api/v1/auth/session')).statusCode).toBe(200);
  });

  it('are shared by two processes on the same database', async () => {
    const app2 = await secondApp(h.url);
    try {
      const c = await login(h.app, 'ada@acme.test', PASSWORD);
      const res = await call(app2.app, c, 'GET', '/api/v1/auth/session');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ user: { email: 'ada@acme.test' }, csrfToken: c.csrf });
      // A write through the second process with the first one's CSRF token, then sign out there.
      expect((await call(app2.app, c, 'POST', '/api/v1/auth/logout')).statusCode).toBe(200);
      expect((await call(h.app, c, 'GET', '/api/v1/auth/session')).statusCode).toBe(401);
    } finally {
      await app2.close();
    }
  });
});

async function secondApp(url: string): Promise<{ app: TestApp; close(): Promise<void> }> {
  const config = loadConfig({ TANDEM_DEMO: '0', LOG_LEVEL: 'silent', TANDEM_PUBLIC_URL: 'http://tandem.test' });
  const database = openDatabase(url, { max: 2 });
  const log = pino({ level: 'silent' });
  const secret = await resolveSecret(database.db, config.TANDEM_SECRET);
  const app = await buildApp({ services: createServices({ config, database, secret, log }), logger: log, webDist: false });
  await app.ready();
  return {
    app,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

describe('password change', () => {
  it('needs the current password, ends other sessions and keeps this one', async () => {
    const { client: a } = await addMember(h.app, admin, 'acme', 'pat@acme.test', 'marketing');
    const b = await login(h.app, 'pat@acme.test', PASSWORD);

    const wrong = await call(h.app, a, 'POST', '/api/v1/me/password', {
      body: { currentPassword: 'not my password', newPassword: 'a brand new secret' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('body.currentPassword');
    expect((await call(h.app, b, 'GET', '/api/v1/auth/session')).statusCode).toBe(200);

    const short = await call(h.app, a, 'POST', '/api/v1/me/password', { body: { currentPassword: PASSWORD, newPassword: 'short' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].path).toBe('body.newPassword');

    const ok = await call(h.app, a, 'POST', '/api/v1/me/password', {
      body: { currentPassword: PASSWORD, newPassword: 'a brand new secret' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await call(h.app, a, 'GET', '/api/v1/auth/session')).statusCode).toBe(200);
    expect((await call(h.app, b, 'GET', '/api/v1/auth/session')).statusCode).toBe(401);
    expect((await loginAt('pat@acme.test', PASSWORD)).statusCode).toBe(401);
    expect((await loginAt('pat@acme.test', 'a brand new secret')).statusCode).toBe(200);
  });
});

describe('profile', () => {
  /** The link the confirmation email to the new address carries (the event's private part, which only the email channel reads). */
  async function emailedChange(to: string) {
    const { rows } = await h.services.deps.database.pool.query(
      `select type, payload, private from events where type like 'member.email_change%' and (payload->>'newEmail') = $1 order by created_at`,
      [to],
    );
    return rows as { type: string; payload: Record<string, string>; private: { url?: string } | null }[];
  }
  const tokenOfChange = (url: string) => url.split('/confirm-email/')[1]!;

  it('updates name and time zone', async () => {
    const { client } = await addMember(h.app, admin, 'acme', 'rin@acme.test', 'sales');
    const res = await call(h.app, client, 'PATCH', '/api/v1/me', { body: { name: 'Rin Okada', timeZone: 'Asia/Tokyo' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Rin Okada', email: 'rin@acme.test', timeZone: 'Asia/Tokyo' });
    const session = await call(h.app, client, 'GET', '/api/v1/auth/session');
    expect(session.json().user).toMatchObject({ name: 'Rin Okada', timeZone: 'Asia/Tokyo' });
    // The member list shows the new name.
    const members = await call(h.app, admin, 'GET', '/api/v1/workspaces/acme/members', { query: { q: 'okada' } });
    expect(members.json().items.map((m: { name: string }) => m.name)).toEqual(['Rin Okada']);
    // The email is not changed this way: it needs the password and a confirmation.
    const direct = await call(h.app, client, 'PATCH', '/api/v1/me', { body: { email: 'rin.okada@acme.test' } });
    expect(direct.statusCode).toBe(400);
    expect((await call(h.app, client, 'GET', '/api/v1/auth/session')).json().user.email).toBe('rin@acme.test');
  });

  it('changes the email only with the current password and once the new address confirms; the old address is told', async () => {
    const { client } = await addMember(h.app, admin, 'acme', 'moving@acme.test', 'sales');
    const wrong = await call(h.app, client, 'POST', '/api/v1/me/email', { body: { email: 'Moved@Acme.test', currentPassword: 'not my password' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('body.currentPassword');
    expect(await emailedChange('moved@acme.test')).toEqual([]);

    const asked = await call(h.app, client, 'POST', '/api/v1/me/email', { body: { email: 'Moved@Acme.test', currentPassword: PASSWORD } });
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toMatchObject({ pendingEmail: 'moved@acme.test', expiresAt: expect.any(String) });
    expect(JSON.stringify(asked.json())).not.toMatch(/confirm-email/);
    // Nothing changed yet: the old address still signs in, the new one does not.
    expect((await call(h.app, client, 'GET', '/api/v1/auth/session')).json().user.email).toBe('moving@acme.test');
    expect((await loginAt('moved@acme.test', PASSWORD)).statusCode).toBe(401);

    const sent = await emailedChange('moved@acme.test');
    const confirm = sent.find((e) => e.type === 'member.email_change_requested')!;
    const notice = sent.find((e) => e.type === 'member.email_change_notice')!;
    expect(confirm.private?.url).toMatch(/^http:\/\/tandem\.test\/confirm-email\/tde_/);
    // The old address hears of it, without the link.
    expect(notice.payload).toMatchObject({ oldEmail: 'moving@acme.test', newEmail: 'moved@acme.test' });
    expect(notice.private).toBeNull();

    const token = tokenOfChange(confirm.private!.url!);
    expect((await call(h.app, null, 'POST', '/api/v1/email-changes/tde_forged')).statusCode).toBe(404);
    const done = await call(h.app, null, 'POST', `/api/v1/email-changes/${token}`);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ email: 'moved@acme.test' });
    expect((await call(h.app, client, 'GET', '/api/v1/auth/session')).json().user.email).toBe('moved@acme.test');
    expect((await loginAt('moved@acme.test', PASSWORD)).statusCode).toBe(200);
    expect((await loginAt('moving@acme.test', PASSWORD)).statusCode).toBe(401);
    // The link works once.
    expect((await call(h.app, null, 'POST', `/api/v1/email-changes/${token}`)).statusCode).toBe(404);
  });

  it('refuses an unknown time zone, naming the field, and a taken email', async () => {
    const c = await login(h.app, 'ada@acme.test', PASSWORD);
    const tz = await call(h.app, c, 'PATCH', '/api/v1/me', { body: { timeZone: 'Mars/Olympus_Mons' } });
    expect(tz.statusCode).toBe(400);
    expect(tz.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(tz.json().errors.map((e: { path: string }) => e.path)).toContain('body.timeZone');

    const taken = await call(h.app, c, 'POST', '/api/v1/me/email', { body: { email: 'PAT@acme.test', currentPassword: PASSWORD } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('USER_EMAIL_TAKEN');

    const me = (await call(h.app, c, 'GET', '/api/v1/auth/session')).json().user;
    expect(me).toMatchObject({ email: 'ada@acme.test', timeZone: 'UTC' });
  });

  it('answers 409, not 500, when the email is taken between the request and its confirmation', async () => {
    const { client } = await addMember(h.app, admin, 'acme', 'racer@acme.test', 'sales');
    await addMember(h.app, admin, 'acme', 'holder@acme.test', 'sales');
    expect((await call(h.app, client, 'POST', '/api/v1/me/email', { body: { email: 'contested@acme.test', currentPassword: PASSWORD } })).statusCode).toBe(202);
    const token = tokenOfChange((await emailedChange('contested@acme.test')).find((e) => e.type === 'member.email_change_requested')!.private!.url!);
    const { pool } = h.services.deps.database;
    const other = await pool.connect();
    try {
      // Another transaction claims the email but has not committed yet: the pre-check cannot see it.
      await other.query('begin');
      await other.query(`update users set email = 'contested@acme.test' where email = 'holder@acme.test'`);
      const pending = call(h.app, null, 'POST', `/api/v1/email-changes/${token}`);
      for (let i = 0; i < 100; i++) {
        const { rows } = await pool.query(
          `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
        );
        if (rows[0].n > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await other.query('commit');
      const res = await pending;
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().code).toBe('USER_EMAIL_TAKEN');
    } finally {
      other.release();
    }
  });
});

describe('password reset', () => {
  it('an admin issues a one-time link that sets a new password and signs in', async () => {
    const { client: old, userId } = await addMember(h.app, admin, 'acme', 'forgetful@acme.test', 'sales_lead', 'Forgetful Fred');

    const forbidden = await call(h.app, old, 'POST', `/api/v1/workspaces/acme/members/${userId}/password-reset`);
    expect(forbidden.statusCode).toBe(403);

    const issued = await call(h.app, admin, 'POST', `/api/v1/workspaces/acme/members/${userId}/password-reset`);
    expect(issued.statusCode).toBe(201);
    const { url, expiresAt } = issued.json();
    expect(url).toMatch(/^http:\/\/tandem\.test\/reset\/tdr_/);
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());
    const token = url.split('/reset/')[1];

    const preview = await call(h.app, null, 'GET', `/api/v1/password-resets/${token}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({ email: 'forgetful@acme.test', name: 'Forgetful Fred' });

    const weak = await call(h.app, null, 'POST', `/api/v1/password-resets/${token}`, { body: { password: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].path).toBe('body.password');

    const done = await call(h.app, null, 'POST', `/api/v1/password-resets/${token}`, { body: { password: 'remembered at last' } });
    expect(done.statusCode).toBe(200);
    expect(done.json().user.email).toBe('forgetful@acme.test');
    const fresh: Client = { cookie: `tandem_session=${sessionCookie(done)!.value}`, csrf: done.json().csrfToken };
    expect((await call(h.app, fresh, 'GET', '/api/v1/auth/session')).statusCode).toBe(200);

    expect((await call(h.app, old, 'GET', '/api/v1/auth/session')).statusCode).toBe(401);
    expect((await loginAt('forgetful@acme.test', PASSWORD)).statusCode).toBe(401);
    expect((await loginAt('forgetful@acme.test', 'remembered at last')).statusCode).toBe(200);

    const reuse = await call(h.app, null, 'POST', `/api/v1/password-resets/${token}`, { body: { password: 'someone else now' } });
    expect(reuse.statusCode).toBe(404);
    expect(reuse.json().code).toBe('PASSWORD_RESET_NOT_FOUND');
    expect((await call(h.app, null, 'GET', `/api/v1/password-resets/${token}`)).statusCode).toBe(404);
  });

  it('using one link, or changing the password, ends every other outstanding link of that person', async () => {
    const { userId } = await addMember(h.app, admin, 'acme', 'twolinks@acme.test', 'sales');
    const { db } = h.services.deps.database;
    const issue = async () => {
      const res = await call(h.app, admin, 'POST', `/api/v1/workspaces/acme/members/${userId}/password-reset`);
      expect(res.statusCode).toBe(201);
      return (res.json().url as string).split('/reset/')[1]!;
    };
    const tryLink = (token: string, password = 'an attacker secret') =>
      call(h.app, null, 'POST', `/api/v1/password-resets/${token}`, { body: { password } });

    // Issuing a new link replaces the older one.
    const replaced = await issue();
    const current = await issue();
    expect((await call(h.app, null, 'GET', `/api/v1/password-resets/${replaced}`)).statusCode).toBe(404);
    expect((await call(h.app, null, 'GET', `/api/v1/password-resets/${current}`)).statusCode).toBe(200);

    // Two links outstanding at once (two admins issuing at the same moment): using one ends the other.
    await db.execute(sql`update password_resets set used_at = null where user_id = ${userId}`);
    expect((await tryLink(current, 'first new secret')).statusCode).toBe(200);
    const older = await tryLink(replaced);
    expect(older.statusCode).toBe(404);
    expect(older.json().code).toBe('PASSWORD_RESET_NOT_FOUND');

    // Changing the password on the profile page ends an outstanding link as well.
    const pending = await issue();
    const fresh = await login(h.app, 'twolinks@acme.test', 'first new secret');
    const changed = await call(h.app, fresh, 'POST', '/api/v1/me/password', {
      body: { currentPassword: 'first new secret', newPassword: 'second new secret' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await tryLink(pending)).statusCode).toBe(404);
    expect((await loginAt('twolinks@acme.test', 'second new secret')).statusCode).toBe(200);
    expect((await loginAt('twolinks@acme.test', 'an attacker secret')).statusCode).toBe(401);
  });

  it('refuses a link for someone outside the workspace and an unknown link', async () => {
    const stranger = await call(h.app, admin, 'POST', `/api/v1/workspaces/acme/members/00000000-0000-4000-8000-000000000000/password-reset`);
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json().code).toBe('MEMBER_NOT_FOUND');
    const unknown = await call(h.app, null, 'GET', '/api/v1/password-resets/tdr_not_a_real_token');
    expect(unknown.statusCode).toBe(404);
  });

  it("refuses a link for someone who also belongs to a workspace where the issuer is not admin", async () => {
    // Bea administers her own workspace; Ada (admin of acme) must not take over Bea's account.
    const bravo = await h.services.workspaces.create(cliActor(), { name: 'Bravo', slug: 'bravo-reset' }, null);
    const bea = await h.services.workspaces.addMember(
      { workspaceId: bravo.id, slug: 'bravo-reset', role: 'admin', actor: cliActor() },
      { email: 'bea@bravo.test', name: 'Bea', role: 'admin', password: PASSWORD },
    );
    const inv = await call(h.app, admin, 'POST', '/api/v1/workspaces/acme/invitations', { body: { email: 'bea@bravo.test', role: 'sales' } });
    const token = inv.json().url.split('/invite/')[1];
    expect((await call(h.app, null, 'POST', `/api/v1/invitations/${token}/accept`, { body: { password: PASSWORD } })).statusCode).toBe(200);

    const res = await call(h.app, admin, 'POST', `/api/v1/workspaces/acme/members/${bea.userId}/password-reset`);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('MEMBER_RESET_FORBIDDEN');
  });
});

describe('password checks outside sign-in', () => {
  it('count toward the same per-account limit as sign-in', async () => {
    const { client } = await addMember(h.app, admin, 'acme', 'guesser@acme.test', 'sales', 'Guess Who');
    for (let i = 0; i < 10; i++) {
      const r = await call(h.app, client, 'POST', '/api/v1/me/password', { body: { currentPassword: `wrong ${i}`, newPassword: 'a brand new password' } });
      expect(r.statusCode).toBe(400);
    }
    const limited = await call(h.app, client, 'POST', '/api/v1/me/password', { body: { currentPassword: PASSWORD, newPassword: 'a brand new password' } });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('AUTH_RATE_LIMITED');
    expect((await loginAt('guesser@acme.test', PASSWORD)).statusCode).toBe(429);
  });
});

describe('housekeeping', () => {
  it('drops expired sessions and old sign-in attempts, and keeps live ones', async () => {
    const db = h.services.deps.database.db;
    const live = await login(h.app, 'ada@acme.test', PASSWORD);
    const doomed = await login(h.app, 'ada@acme.test', PASSWORD);
    const doomedHash = (await db.execute(sql`select token_hash from sessions order by created_at desc limit 1`)).rows[0]!.token_hash;
    await db.execute(sql`update sessions set expires_at = now() - interval '1 minute' where token_hash = ${doomedHash}`);
    await db.execute(sql`insert into login_attempts (email, ip, succeeded, created_at) values ('old@acme.test', '1.2.3.4', false, now() - interval '2 days')`);

    const pruned = await h.services.auth.prune();
    expect(pruned.sessions).toBeGreaterThanOrEqual(1);
    expect(pruned.loginAttempts).toBeGreaterThanOrEqual(1);
    expect((await call(h.app, doomed, 'GET', '/api/v1/auth/session')).statusCode).toBe(401);
    expect((await call(h.app, live, 'GET', '/api/v1/auth/session')).statusCode).toBe(200);
    const left = await db.execute(sql`select count(*)::int as n from login_attempts where email = 'old@acme.test'`);
    expect(left.rows[0]!.n).toBe(0);
  });
});
