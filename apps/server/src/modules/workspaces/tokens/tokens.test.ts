import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createHarness, setupAdmin, type Client, type Harness } from '../../../../test/app-harness.ts';

let h: Harness;
let admin: Client;
let sales: { client: Client; userId: string };

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app);
  sales = await addMember(h.app, admin, 'acme', 'sal@acme.test', 'sales', 'Sal Sales');
  // A second workspace the sales person also belongs to.
  await call(h.app, admin, 'POST', '/api/v1/workspaces', { body: { name: 'Other', slug: 'other' } });
  const inv = await call(h.app, admin, 'POST', '/api/v1/workspaces/other/invitations', { body: { email: 'sal@acme.test', role: 'admin' } });
  const token = inv.json().url.split('/invite/')[1];
  expect((await call(h.app, null, 'POST', `/api/v1/invitations/${token}/accept`, { body: { password: 'correct horse battery' } })).statusCode).toBe(200);
});
afterAll(async () => h?.close());

const db = () => h.services.deps.database.db;

async function createToken(who: Client, name: string, extra: object = {}, slug = 'acme') {
  const res = await call(h.app, who, 'POST', `/api/v1/workspaces/${slug}/tokens`, { body: { name, ...extra } });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; token: string; prefix: string; name: string; expiresAt: string | null };
}

const bearer = (token: string): Client => ({ bearer: token });

describe('API tokens', () => {
  it('are shown once at creation, never in the list', async () => {
    const t = await createToken(sales.client, 'Zapier', { expiresInDays: 30 });
    expect(t.token).toMatch(/^tdm_[\w-]{40,}$/);
    expect(t.token.startsWith(t.prefix)).toBe(true);
    expect(new Date(t.expiresAt!).getTime() - Date.now()).toBeGreaterThan(29.9 * 86_400_000);

    const list = await call(h.app, sales.client, 'GET', '/api/v1/workspaces/acme/tokens');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Record<string, unknown>[];
    expect(items.map((i) => i.id)).toEqual([t.id]);
    expect(items[0]).not.toHaveProperty('token');
    expect(list.body).not.toContain(t.token);
    // Each person sees only their own tokens.
    expect((await call(h.app, admin, 'GET', '/api/v1/workspaces/acme/tokens')).json().items).toEqual([]);
  });

  it('cannot list, create or revoke tokens (a token must not mint longer-lived ones)', async () => {
    const t = await createToken(sales.client, 'limited');
    for (const [method, url, body] of [
      ['GET', '/api/v1/workspaces/acme/tokens', undefined],
      ['POST', '/api/v1/workspaces/acme/tokens', { name: 'forever' }],
      ['DELETE', `/api/v1/workspaces/acme/tokens/${t.id}`, undefined],
    ] as const) {
      const res = await call(h.app, bearer(t.token), method, url, { body });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().code).toBe('AUTH_TOKEN_NOT_ALLOWED');
    }
  });

  it("act in their workspace with the owner's role", async () => {
    const t = await createToken(sales.client, 'script');
    const read = await call(h.app, bearer(t.token), 'GET', '/api/v1/workspaces/acme/members');
    expect(read.statusCode).toBe(200);
    expect(read.json().total).toBe(2);

    const patch = await call(h.app, bearer(t.token), 'PATCH', '/api/v1/workspaces/acme', { body: { name: 'Sal was here' } });
    expect(patch.statusCode).toBe(403);
    expect(patch.json().code).toBe('AUTH_FORBIDDEN');
    expect((await call(h.app, admin, 'GET', '/api/v1/workspaces/acme')).json().name).toBe('Acme');
  });

  it('act only in their own workspace, even where the owner is admin', async () => {
    const t = await createToken(sales.client, 'acme only');
    const res = await call(h.app, bearer(t.token), 'GET', '/api/v1/workspaces/other');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('WORKSPACE_NOT_FOUND');
    const patch = await call(h.app, bearer(t.token), 'PATCH', '/api/v1/workspaces/other', { body: { name: 'Hijacked' } });
    expect(patch.statusCode).toBe(404);
    expect((await call(h.app, bearer(t.token), 'GET', '/api/v1/workspaces/nope')).statusCode).toBe(404);
  });

  it('are refused on user-level routes', async () => {
    const t = await createToken(sales.client, 'user routes');
    for (const [method, url, body] of [
      ['GET', '/api/v1/auth/session', undefined],
      ['GET', '/api/v1/workspaces', undefined],
      ['PATCH', '/api/v1/me', { name: 'Changed by token' }],
      ['POST', '/api/v1/me/password', { currentPassword: 'x', newPassword: 'a new long password' }],
      ['POST', '/api/v1/workspaces', { name: 'Token ws', slug: 'token-ws' }],
    ] as const) {
      const res = await call(h.app, bearer(t.token), method, url, { body });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().code).toBe('AUTH_TOKEN_NOT_ALLOWED');
    }
    expect((await call(h.app, sales.client, 'GET', '/api/v1/auth/session')).json().user.name).toBe('Sal Sales');
  });

  it('stop working when revoked', async () => {
    const t = await createToken(sales.client, 'to revoke');
    expect((await call(h.app, bearer(t.token), 'GET', '/api/v1/workspaces/acme')).statusCode).toBe(200);
    // Only the owner may revoke it.
    expect((await call(h.app, admin, 'DELETE', `/api/v1/workspaces/acme/tokens/${t.id}`)).statusCode).toBe(404);
    const del = await call(h.app, sales.client, 'DELETE', `/api/v1/workspaces/acme/tokens/${t.id}`);
    expect(del.statusCode).toBe(204);
    const res = await call(h.app, bearer(t.token), 'GET', '/api/v1/workspaces/acme');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_INVALID_TOKEN');
    const listed = (await call(h.app, sales.client, 'GET', '/api/v1/workspaces/acme/tokens')).json().items.find((i: { id: string }) => i.id === t.id);
    expect(listed.revokedAt).not.toBeNull();
  });

  it('stop working when expired', async () => {
    const t = await createToken(sales.client, 'short lived', { expiresInDays: 1 });
    expect((await call(h.app, bearer(t.token), 'GET', '/api/v1/workspaces/acme')).statusCode).toBe(200);
    await db().execute(sql`update api_tokens set expires_at = now() - interval '1 second' where id = ${t.id}`);
    const res = await call(h.app, bearer(t.token), 'GET', '/api/v1/workspaces/acme');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_INVALID_TOKEN');
  });

  it('refuse malformed and unknown tokens', async () => {
    for (const header of ['Bearer tdm_unknown', 'Bearer', 'Basic dXNlcjpwYXNz', 'Bearer a b']) {
      const res = await h.app.inject({ method: 'GET', url: '/api/v1/workspaces/acme', headers: { authorization: header } });
      expect(res.statusCode, header).toBe(401);
      expect(res.json().code).toBe('AUTH_INVALID_TOKEN');
    }
  });

  it("follow the owner's current role and stop when the owner is deactivated", async () => {
    const { client, userId } = await addMember(h.app, admin, 'acme', 'tim@acme.test', 'sales', 'Tim Temp');
    const t = await createToken(client, 'tim');
    const rename = () => call(h.app, bearer(t.token), 'PATCH', '/api/v1/workspaces/acme', { body: { fiscalYearStartMonth: 4 } });
    expect((await rename()).statusCode).toBe(403);

    await call(h.app, admin, 'PATCH', `/api/v1/workspaces/acme/members/${userId}`, { body: { role: 'admin' } });
    const promoted = await rename();
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json().fiscalYearStartMonth).toBe(4);

    await call(h.app, admin, 'PATCH', `/api/v1/workspaces/acme/members/${userId}`, { body: { role: 'marketing' } });
    expect((await rename()).statusCode).toBe(403);

    await call(h.app, admin, 'PATCH', `/api/v1/workspaces/acme/members/${userId}`, { body: { active: false } });
    const res = await call(h.app, bearer(t.token), 'GET', '/api/v1/workspaces/acme');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_INVALID_TOKEN');
  });

  it('record when they were last used', async () => {
    const t = await createToken(sales.client, 'usage');
    const before = (await call(h.app, sales.client, 'GET', '/api/v1/workspaces/acme/tokens')).json().items.find((i: { id: string }) => i.id === t.id);
    expect(before.lastUsedAt).toBeNull();
    const start = Date.now();
    await call(h.app, bearer(t.token), 'GET', '/api/v1/workspaces/acme');
    const after = (await call(h.app, sales.client, 'GET', '/api/v1/workspaces/acme/tokens')).json().items.find((i: { id: string }) => i.id === t.id);
    expect(after.lastUsedAt).not.toBeNull();
    expect(Math.abs(new Date(after.lastUsedAt).getTime() - start)).toBeLessThan(5_000);
  });

  it('are stored only as a hash', async () => {
    const t = await createToken(sales.client, 'hashed');
    const { rows } = await db().execute(sql`select * from api_tokens where id = ${t.id}`);
    expect(rows).toHaveLength(1);
    const row = rows[0] as Record<string, unknown>;
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.token_hash).not.toBe(t.token);
    const secretPart = t.token.slice(t.prefix.length);
    const all = await db().execute(sql`select t::text as line from api_tokens t`);
    for (const r of all.rows as { line: string }[]) {
      expect(r.line).not.toContain(t.token);
      expect(r.line).not.toContain(secretPart);
    }
    // Nor anywhere in the audit log.
    const audit = await db().execute(sql`select a::text as line from audit_log a`);
    expect((audit.rows as { line: string }[]).some((r) => r.line.includes(secretPart))).toBe(false);
  });

  it('creation and revocation are audited', async () => {
    const t = await createToken(sales.client, 'audited');
    await call(h.app, sales.client, 'DELETE', `/api/v1/workspaces/acme/tokens/${t.id}`);
    const res = await call(h.app, admin, 'GET', '/api/v1/workspaces/acme/audit', { query: { action: 'token.' } });
    const mine = res.json().items.filter((e: { targetId: string }) => e.targetId === t.id);
    expect(mine.map((e: { action: string }) => e.action).sort()).toEqual(['token.created', 'token.revoked']);
    expect(mine[0]).toMatchObject({ actor: { userId: sales.userId }, targetLabel: 'audited' });
  });
});
