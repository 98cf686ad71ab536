import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createHarness, login, PASSWORD, setupAdmin, type Client, type Harness } from '../../../../test/app-harness.ts';

let h: Harness;
let admin: Client;
let adminId: string;

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app);
  adminId = (await call(h.app, admin, 'GET', '/api/v1/auth/session')).json().user.id;
});
afterAll(async () => h?.close());

const tokenOf = (url: string) => url.split('/invite/')[1]!;

async function invite(email: string, role: string, extra: Record<string, string> = {}, slug = 'acme') {
  const res = await call(h.app, admin, 'POST', `/api/v1/workspaces/${slug}/invitations`, { body: { email, role, ...extra } });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; url: string; email: string; role: string };
}

const accept = (token: string, body: object) => call(h.app, null, 'POST', `/api/v1/invitations/${token}/accept`, { body });

function clientFrom(res: Awaited<ReturnType<typeof accept>>): Client {
  const c = res.cookies.find((x) => x.name === 'tandem_session')!;
  return { cookie: `tandem_session=${c.value}`, csrf: res.json().csrfToken };
}

async function members(query: Record<string, string> = {}, who = admin) {
  const res = await call(h.app, who, 'GET', '/api/v1/workspaces/acme/members', { query });
  expect(res.statusCode).toBe(200);
  return res.json() as { items: { userId: string; email: string; name: string; role: string; active: boolean }[]; nextCursor: string | null; total: number };
}

async function auditOf(action: string) {
  const res = await call(h.app, admin, 'GET', '/api/v1/workspaces/acme/audit', { query: { action } });
  return res.json().items as { action: string; actor: { userId: string }; targetId: string; details: Record<string, unknown> }[];
}

describe('invitations', () => {
  it('a new person accepts with a name and password, and joins with the invited role', async () => {
    const inv = await invite('Nina@Acme.test', 'marketing');
    expect(inv.url).toMatch(/^http:\/\/tandem\.test\/invite\/tdi_/);
    expect(inv).toMatchObject({ email: 'nina@acme.test', role: 'marketing' });

    const pending = await call(h.app, admin, 'GET', '/api/v1/workspaces/acme/invitations');
    expect(pending.json().items.map((i: { email: string }) => i.email)).toContain('nina@acme.test');

    const preview = await call(h.app, null, 'GET', `/api/v1/invitations/${tokenOf(inv.url)}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({
      email: 'nina@acme.test',
      role: 'marketing',
      workspaceName: 'Acme',
      workspaceSlug: 'acme',
      suggestedName: null,
    });

    const short = await accept(tokenOf(inv.url), { name: 'Nina', password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].path).toBe('body.password');
    const noName = await accept(tokenOf(inv.url), { password: PASSWORD });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().errors[0].path).toBe('body.name');

    const ok = await accept(tokenOf(inv.url), { name: 'Nina Novak', password: PASSWORD });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ user: { email: 'nina@acme.test', name: 'Nina Novak' }, memberships: [{ slug: 'acme', role: 'marketing' }] });
    const nina = clientFrom(ok);
    expect((await call(h.app, nina, 'GET', '/api/v1/workspaces/acme')).statusCode).toBe(200);
    expect((await members({ q: 'nina' })).items).toMatchObject([{ email: 'nina@acme.test', role: 'marketing', active: true }]);

    // The link is spent and no longer pending.
    const reuse = await accept(tokenOf(inv.url), { name: 'Eve', password: PASSWORD });
    expect(reuse.statusCode).toBe(404);
    expect(reuse.json().code).toBe('INVITATION_NOT_FOUND');
    expect((await call(h.app, null, 'GET', `/api/v1/invitations/${tokenOf(inv.url)}`)).statusCode).toBe(404);
    const after = await call(h.app, admin, 'GET', '/api/v1/workspaces/acme/invitations');
    expect(after.json().items.map((i: { email: string }) => i.email)).not.toContain('nina@acme.test');
  });

  it('suggests the name given by the admin', async () => {
    const inv = await invite('olga@acme.test', 'sales', { name: 'Olga Ortiz' });
    const preview = await call(h.app, null, 'GET', `/api/v1/invitations/${tokenOf(inv.url)}`);
    expect(preview.json().suggestedName).toBe('Olga Ortiz');
    const ok = await accept(tokenOf(inv.url), { password: PASSWORD });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.name).toBe('Olga Ortiz');
  });

  it('an expired link answers 410', async () => {
    const inv = await invite('late@acme.test', 'sales');
    await h.services.deps.database.db.execute(sql`update invitations set expires_at = now() - interval '1 minute' where id = ${inv.id}`);
    const preview = await call(h.app, null, 'GET', `/api/v1/invitations/${tokenOf(inv.url)}`);
    expect(preview.statusCode).toBe(410);
    expect(preview.json().code).toBe('INVITATION_EXPIRED');
    const res = await accept(tokenOf(inv.url), { name: 'Late', password: PASSWORD });
    expect(res.statusCode).toBe(410);
    expect(res.json().code).toBe('INVITATION_EXPIRED');
    expect((await login(h.app, 'late@acme.test', PASSWORD).catch(() => null))).toBeNull();
  });

  it('a revoked link no longer works; re-inviting replaces the old link', async () => {
    const inv = await invite('rev@acme.test', 'sales');
    const del = await call(h.app, admin, 'DELETE', `/api/v1/workspaces/acme/invitations/${inv.id}`);
    expect(del.statusCode).toBe(204);
    expect((await accept(tokenOf(inv.url), { name: 'Rev', password: PASSWORD })).statusCode).toBe(404);
    expect((await call(h.app, admin, 'DELETE', `/api/v1/workspaces/acme/invitations/${inv.id}`)).statusCode).toBe(404);

    const first = await invite('twice@acme.test', 'sales');
    const second = await invite('twice@acme.test', 'sales_lead');
    expect((await call(h.app, null, 'GET', `/api/v1/invitations/${tokenOf(first.url)}`)).statusCode).toBe(404);
    const ok = await accept(tokenOf(second.url), { name: 'Twice', password: PASSWORD });
    expect(ok.json().memberships).toMatchObject([{ slug: 'acme', role: 'sales_lead' }]);
  });

  it('accepting ends every other outstanding invitation for that address in the workspace', async () => {
    const first = await invite('double@acme.test', 'marketing');
    const second = await invite('double@acme.test', 'sales');
    // Two links outstanding at once (two admins inviting at the same moment).
    await h.services.deps.database.db.execute(sql`update invitations set revoked_at = null where id = ${first.id}`);
    expect((await call(h.app, null, 'GET', `/api/v1/invitations/${tokenOf(first.url)}`)).statusCode).toBe(200);

    const ok = await accept(tokenOf(second.url), { name: 'Double', password: PASSWORD });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().memberships).toMatchObject([{ slug: 'acme', role: 'sales' }]);
    // The other link, with another role, is spent too.
    const other = await accept(tokenOf(first.url), { password: PASSWORD });
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('INVITATION_NOT_FOUND');
    const pending = await call(h.app, admin, 'GET', '/api/v1/workspaces/acme/invitations');
    expect(pending.json().items.map((i: { email: string }) => i.email)).not.toContain('double@acme.test');
  });

  it('the preview does not tell whether the address already has an account', async () => {
    await addMember(h.app, admin, 'acme', 'has-account@acme.test', 'sales');
    await call(h.app, admin, 'POST', '/api/v1/workspaces', { body: { name: 'Gamma', slug: 'gamma' } });
    const known = await invite('has-account@acme.test', 'sales', { name: 'Kim' }, 'gamma');
    const unknown = await invite('no-account@acme.test', 'sales', { name: 'Kim' }, 'gamma');
    const a = (await call(h.app, null, 'GET', `/api/v1/invitations/${tokenOf(known.url)}`)).json();
    const b = (await call(h.app, null, 'GET', `/api/v1/invitations/${tokenOf(unknown.url)}`)).json();
    // The same fields, and the same values but the address itself.
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    expect({ ...a, email: null }).toEqual({ ...b, email: null });
  });

  it('refuses to invite someone who is already a member', async () => {
    const res = await call(h.app, admin, 'POST', '/api/v1/workspaces/acme/invitations', { body: { email: 'ADA@acme.test', role: 'sales' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('MEMBER_ALREADY_EXISTS');
  });

  it('a person with an account elsewhere accepts with their password and then belongs to both workspaces', async () => {
    const { client: bob, userId: bobId } = await addMember(h.app, admin, 'acme', 'bob@acme.test', 'sales', 'Bob Brown');
    const created = await call(h.app, admin, 'POST', '/api/v1/workspaces', { body: { name: 'Beta', slug: 'beta' } });
    expect(created.statusCode).toBe(201);

    const inv = await invite('bob@acme.test', 'admin', {}, 'beta');
    const preview = await call(h.app, null, 'GET', `/api/v1/invitations/${tokenOf(inv.url)}`);
    expect(preview.json()).toEqual({ email: 'bob@acme.test', role: 'admin', workspaceName: 'Beta', workspaceSlug: 'beta', suggestedName: null });

    const wrong = await accept(tokenOf(inv.url), { password: 'not bobs password' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('AUTH_INVALID_CREDENTIALS');
    // A new name and password cannot take over the existing account.
    const takeover = await accept(tokenOf(inv.url), { name: 'Mallory', password: 'a password of my own' });
    expect(takeover.statusCode).toBe(401);

    const ok = await accept(tokenOf(inv.url), { password: PASSWORD });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user).toMatchObject({ id: bobId, name: 'Bob Brown' });

    const session = (await call(h.app, bob, 'GET', '/api/v1/auth/session')).json();
    expect(session.memberships).toHaveLength(2);
    expect(Object.fromEntries(session.memberships.map((m: { slug: string; role: string }) => [m.slug, m.role]))).toEqual({
      acme: 'sales',
      beta: 'admin',
    });
    // Switching workspace is using the other slug, with the role held there.
    expect((await call(h.app, bob, 'PATCH', '/api/v1/workspaces/beta', { body: { name: 'Beta Team' } })).statusCode).toBe(200);
    expect((await call(h.app, bob, 'PATCH', '/api/v1/workspaces/acme', { body: { name: 'Bob was here' } })).statusCode).toBe(403);
    expect((await login(h.app, 'bob@acme.test', PASSWORD)).cookie).toBeDefined();
  });
});

describe('roles and deactivation', () => {
  it('an admin changes a role; the change is audited with from and to', async () => {
    const { client, userId } = await addMember(h.app, admin, 'acme', 'cara@acme.test', 'sales', 'Cara Cruz');
    expect((await call(h.app, client, 'PATCH', '/api/v1/workspaces/acme/members/' + userId, { body: { role: 'admin' } })).statusCode).toBe(403);

    const res = await call(h.app, admin, 'PATCH', `/api/v1/workspaces/acme/members/${userId}`, { body: { role: 'sales_lead' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ userId, role: 'sales_lead', active: true });
    const session = (await call(h.app, client, 'GET', '/api/v1/auth/session')).json();
    expect(session.memberships[0].role).toBe('sales_lead');

    const entries = (await auditOf('member.role_changed')).filter((e) => e.targetId === userId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: { userId: adminId }, details: { from: 'sales', to: 'sales_lead' } });
  });

  it('refuses to demote or deactivate the last active admin', async () => {
    for (const body of [{ role: 'sales' }, { active: false }]) {
      const res = await call(h.app, admin, 'PATCH', `/api/v1/workspaces/acme/members/${adminId}`, { body });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('MEMBER_LAST_ADMIN');
    }
    expect((await members({ role: 'admin' })).items.map((m) => m.userId)).toEqual([adminId]);

    // With a second admin, either may step down.
    const { userId } = await addMember(h.app, admin, 'acme', 'deputy@acme.test', 'admin', 'Deputy Dee');
    const down = await call(h.app, admin, 'PATCH', `/api/v1/workspaces/acme/members/${userId}`, { body: { role: 'marketing' } });
    expect(down.statusCode).toBe(200);
    // A deactivated admin does not count as the other admin.
    await call(h.app, admin, 'PATCH', `/api/v1/workspaces/acme/members/${userId}`, { body: { role: 'admin' } });
    expect((await call(h.app, admin, 'PATCH', `/api/v1/workspaces/acme/members/${userId}`, { body: { active: false } })).statusCode).toBe(200);
    expect((await call(h.app, admin, 'PATCH', `/api/v1/workspaces/acme/members/${adminId}`, { body: { role: 'sales' } })).statusCode).toBe(409);
  });

  it('a deactivated member loses the workspace until reactivated', async () => {
    const { client, userId } = await addMember(h.app, admin, 'acme', 'dave@acme.test', 'sales', 'Dave Dunn');
    const off = await call(h.app, admin, 'PATCH', `/api/v1/workspaces/acme/members/${userId}`, { body: { active: false } });
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);

    for (const url of ['/api/v1/workspaces/acme', '/api/v1/workspaces/acme/members', '/api/v1/workspaces/acme/teams']) {
      const res = await call(h.app, client, 'GET', url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code).toBe('WORKSPACE_NOT_FOUND');
    }
    expect((await call(h.app, client, 'GET', '/api/v1/auth/session')).json().memberships).toEqual([]);
    expect((await members({ q: 'dave' })).items).toMatchObject([{ userId, active: false }]);
    expect((await members({ active: 'false' })).items.map((m) => m.userId)).toContain(userId);
    expect((await members({ active: 'true' })).items.map((m) => m.userId)).not.toContain(userId);
    expect((await auditOf('member.deactivated')).map((e) => e.targetId)).toContain(userId);

    const on = await call(h.app, admin, 'PATCH', `/api/v1/workspaces/acme/members/${userId}`, { body: { active: true } });
    expect(on.statusCode).toBe(200);
    expect((await call(h.app, client, 'GET', '/api/v1/workspaces/acme')).statusCode).toBe(200);
  });

  it('answers 404 for someone who is not a member', async () => {
    const res = await call(h.app, admin, 'PATCH', '/api/v1/workspaces/acme/members/00000000-0000-4000-8000-000000000000', { body: { role: 'sales' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('MEMBER_NOT_FOUND');
  });
});

describe('member list', () => {
  let everyone: Awaited<ReturnType<typeof members>>;

  beforeAll(async () => {
    // Two people with the same name, so that pages must break the tie by id.
    await addMember(h.app, admin, 'acme', 'sam1@acme.test', 'sales', 'Sam Same');
    await addMember(h.app, admin, 'acme', 'sam2@acme.test', 'sales', 'Sam Same');
    everyone = await members();
  });

  it('searches name and email, case-insensitively, and filters by role', async () => {
    expect((await members({ q: 'SAM SAME' })).items.map((m) => m.email).sort()).toEqual(['sam1@acme.test', 'sam2@acme.test']);
    expect((await members({ q: 'sam2@' })).items.map((m) => m.email)).toEqual(['sam2@acme.test']);
    expect((await members({ q: '%' })).total).toBe(0);
    const sales = await members({ role: 'sales' });
    expect(sales.items.length).toBeGreaterThan(0);
    expect(sales.items.every((m) => m.role === 'sales')).toBe(true);
    expect(sales.total).toBe(everyone.items.filter((m) => m.role === 'sales').length);
  });

  it('pages with limit and nextCursor through every member exactly once, in name order', async () => {
    expect(everyone.total).toBe(everyone.items.length);
    expect(everyone.total).toBeGreaterThanOrEqual(8);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const p = await members({ limit: '2', ...(cursor ? { cursor } : {}) });
      expect(p.total).toBe(everyone.total);
      expect(p.items.length).toBeLessThanOrEqual(2);
      seen.push(...p.items.map((m) => m.userId));
      cursor = p.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(everyone.items.map((m) => m.userId));
    expect(pages).toBe(Math.ceil(everyone.total / 2));
    const names = everyone.items.map((m) => m.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('refuses a cursor it did not issue with a 400', async () => {
    // (A cursor with a well-formed shape but a non-UUID id is covered in plugins/errors.test.ts.)
    for (const cursor of ['garbage', Buffer.from('["a","b","c"]').toString('base64url'), Buffer.from('[1,2]').toString('base64url')]) {
      const res = await call(h.app, admin, 'GET', '/api/v1/workspaces/acme/members', { query: { cursor } });
      expect(res.statusCode, cursor).toBe(400);
      expect(res.json().code).toBe('INVALID_CURSOR');
    }
  });

  it('is readable by every role but only admins manage members', async () => {
    const { client: sales, userId } = await addMember(h.app, admin, 'acme', 'sid@acme.test', 'sales', 'Sid Sales');
    expect((await members({}, sales)).total).toBe(everyone.total + 1);
    const writes = [
      ['PATCH', `/api/v1/workspaces/acme/members/${userId}`, { role: 'admin' }],
      ['POST', '/api/v1/workspaces/acme/invitations', { email: 'friend@acme.test', role: 'admin' }],
      ['POST', `/api/v1/workspaces/acme/members/${adminId}/password-reset`, undefined],
    ] as const;
    for (const [method, url, body] of writes) {
      const res = await call(h.app, sales, method, url, { body });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code).toBe('AUTH_FORBIDDEN');
    }
    expect((await call(h.app, sales, 'GET', '/api/v1/workspaces/acme/invitations')).statusCode).toBe(403);
    expect((await members({ q: 'sid' })).items[0]!.role).toBe('sales');
  });
});
