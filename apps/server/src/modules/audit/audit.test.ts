import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createHarness, login, PASSWORD, setupAdmin, type Client, type Harness } from '../../../test/app-harness.ts';

interface Entry {
  id: string;
  action: string;
  actor: { userId: string | null; name: string | null; via: string };
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  createdAt: string;
}
interface Page {
  items: Entry[];
  nextCursor: string | null;
  total: number;
}

let h: Harness;
let admin: Client;
let adminId: string;
let member: { client: Client; userId: string; invitationId: string };
let teamId: string;
let tokenId: string;

async function audit(query: Record<string, string> = {}, who: Client = admin, slug = 'acme'): Promise<Page> {
  const res = await call(h.app, who, 'GET', `/api/v1/workspaces/${slug}/audit`, { query });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app);
  adminId = (await call(h.app, admin, 'GET', '/api/v1/auth/session')).json().user.id;
  member = await addMember(h.app, admin, 'acme', 'mo@acme.test', 'sales', 'Mo Member');

  // A failed and a successful sign-in of the member, from a known address.
  await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'mo@acme.test', password: 'wrong password' }, remoteAddress: '10.9.8.7' });
  await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'mo@acme.test', password: PASSWORD }, remoteAddress: '10.9.8.7' });
  await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'ghost@acme.test', password: 'whatever' } });

  await call(h.app, admin, 'PATCH', `/api/v1/workspaces/acme/members/${member.userId}`, { body: { role: 'sales_lead' } });
  teamId = (await call(h.app, admin, 'POST', '/api/v1/workspaces/acme/teams', { body: { name: 'Closers', memberUserIds: [member.userId] } })).json().id;
  await call(h.app, admin, 'PATCH', `/api/v1/workspaces/acme/teams/${teamId}`, { body: { name: 'Big Closers' } });
  await call(h.app, admin, 'DELETE', `/api/v1/workspaces/acme/teams/${teamId}`);
  tokenId = (await call(h.app, member.client, 'POST', '/api/v1/workspaces/acme/tokens', { body: { name: 'CRM sync' } })).json().id;
  await call(h.app, member.client, 'DELETE', `/api/v1/workspaces/acme/tokens/${tokenId}`);
  await call(h.app, admin, 'PATCH', '/api/v1/workspaces/acme', { body: { name: 'Acme Inc', baseCurrency: 'EUR' } });

  // Another workspace with activity of its own.
  await call(h.app, admin, 'POST', '/api/v1/workspaces', { body: { name: 'Secret', slug: 'secret' } });
  await call(h.app, admin, 'POST', '/api/v1/workspaces/secret/invitations', { body: { email: 'spy@secret.test', role: 'sales' } });
});
afterAll(async () => h?.close());

const one = (page: Page, action: string, pred: (e: Entry) => boolean = () => true) => {
  const found = page.items.filter((e) => e.action === action && pred(e));
  expect(found, action).toHaveLength(1);
  return found[0]!;
};

describe('audit log', () => {
  it('records sign-ins and failed sign-ins with actor, target and address', async () => {
    const page = await audit({ action: 'auth.' });
    const failed = one(page, 'auth.login_failed', (e) => e.targetId === member.userId);
    expect(failed).toMatchObject({ actor: { userId: member.userId, name: 'Mo Member', via: 'session' }, targetType: 'user', targetLabel: 'mo@acme.test', ip: '10.9.8.7' });
    const ok = one(page, 'auth.login', (e) => e.targetId === member.userId);
    expect(ok).toMatchObject({ actor: { userId: member.userId }, ip: '10.9.8.7' });
    // Failures for unknown emails belong to no workspace.
    expect(page.items.some((e) => e.targetLabel === 'ghost@acme.test')).toBe(false);
  });

  it('records invitations and joins', async () => {
    const page = await audit({ action: 'member.' });
    expect(one(page, 'member.invited', (e) => e.targetLabel === 'mo@acme.test')).toMatchObject({
      actor: { userId: adminId, name: 'Ada Admin' },
      targetType: 'invitation',
      targetId: member.invitationId,
      details: { role: 'sales' },
    });
    expect(one(page, 'member.joined', (e) => e.targetId === member.userId)).toMatchObject({
      actor: { userId: member.userId },
      details: { role: 'sales', invitationId: member.invitationId },
    });
  });

  it('records role changes', async () => {
    const e = one(await audit({ action: 'member.role_changed' }), 'member.role_changed');
    expect(e).toMatchObject({ actor: { userId: adminId }, targetId: member.userId, targetLabel: 'mo@acme.test', details: { from: 'sales', to: 'sales_lead' } });
  });

  it('records team changes', async () => {
    const page = await audit({ action: 'team.' });
    expect(page.items.map((e) => e.action)).toEqual(['team.deleted', 'team.updated', 'team.created']);
    expect(page.items.every((e) => e.targetId === teamId && e.actor.userId === adminId)).toBe(true);
    expect(one(page, 'team.updated').details).toMatchObject({ name: { from: 'Closers', to: 'Big Closers' } });
    expect(one(page, 'team.deleted').targetLabel).toBe('Big Closers');
  });

  it('records token creation and revocation', async () => {
    const page = await audit({ action: 'token.' });
    expect(page.items.map((e) => e.action)).toEqual(['token.revoked', 'token.created']);
    for (const e of page.items) expect(e).toMatchObject({ actor: { userId: member.userId }, targetType: 'api_token', targetId: tokenId, targetLabel: 'CRM sync' });
  });

  it('records settings changes with before and after', async () => {
    const e = one(await audit({ action: 'workspace.settings_updated' }), 'workspace.settings_updated');
    expect(e).toMatchObject({ actor: { userId: adminId }, targetLabel: 'Acme Inc' });
    expect(e.details).toEqual({ name: { from: 'Acme', to: 'Acme Inc' }, baseCurrency: { from: 'USD', to: 'EUR' }, rebased: { exchangeRates: 0, recomputedDeals: 0 } });
  });

  it('filters by exact action and by prefix', async () => {
    const exact = await audit({ action: 'member.invited' });
    expect(exact.items.length).toBeGreaterThan(0);
    expect(exact.items.every((e) => e.action === 'member.invited')).toBe(true);
    expect(exact.total).toBe(exact.items.length);
    const prefix = await audit({ action: 'member.' });
    expect(new Set(prefix.items.map((e) => e.action))).toEqual(new Set(['member.invited', 'member.joined', 'member.role_changed']));
    // A prefix without the dot is an exact match, not a prefix.
    expect((await audit({ action: 'member' })).total).toBe(0);
    expect((await audit({ action: 'member.%' })).total).toBe(0);
  });

  it('filters by actor', async () => {
    const mine = await audit({ actorUserId: member.userId });
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((e) => e.actor.userId === member.userId)).toBe(true);
    expect(new Set(mine.items.map((e) => e.action))).toEqual(
      new Set(['member.joined', 'auth.login_failed', 'auth.login', 'token.created', 'token.revoked']),
    );
  });

  it('filters by time range, both ends inclusive', async () => {
    const all = await audit({ limit: '200' });
    const pivot = all.items.find((e) => e.action === 'team.updated')!;
    const t = new Date(pivot.createdAt).getTime();
    const from = await audit({ from: pivot.createdAt, limit: '200' });
    const to = await audit({ to: pivot.createdAt, limit: '200' });
    expect(from.items.map((e) => e.id)).toContain(pivot.id);
    expect(to.items.map((e) => e.id)).toContain(pivot.id);
    expect(from.items.every((e) => new Date(e.createdAt).getTime() >= t)).toBe(true);
    expect(to.items.every((e) => new Date(e.createdAt).getTime() <= t)).toBe(true);
    expect(from.items.some((e) => e.action === 'workspace.settings_updated')).toBe(true);
    expect(from.items.some((e) => e.action === 'member.invited')).toBe(false);
    expect(to.items.some((e) => e.action === 'member.invited')).toBe(true);
    expect(to.items.some((e) => e.action === 'workspace.settings_updated')).toBe(false);
    // Time zone offsets are understood.
    const shifted = new Date(t).toISOString().replace('Z', '+00:00');
    expect((await audit({ from: shifted, limit: '200' })).total).toBe(from.total);
    expect((await audit({ from: new Date(Date.now() + 60_000).toISOString() })).total).toBe(0);
  });

  it('pages newest first through every entry exactly once', async () => {
    const all = await audit({ limit: '200' });
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThan(10);
    const times = all.items.map((e) => new Date(e.createdAt).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const p: Page = await audit({ limit: '3', ...(cursor ? { cursor } : {}) });
      expect(p.total).toBe(all.total);
      seen.push(...p.items.map((e) => e.id));
      cursor = p.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    expect(seen).toEqual(all.items.map((e) => e.id));
    // Filters and paging combine.
    const first = await audit({ action: 'team.', limit: '2' });
    const second = await audit({ action: 'team.', limit: '2', cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((e) => e.action)).toEqual(['team.deleted', 'team.updated', 'team.created']);
    expect(second.nextCursor).toBeNull();
  });

  it('keeps each workspace to its own entries', async () => {
    const acme = await audit({ limit: '200' });
    expect(acme.items.some((e) => e.targetLabel === 'spy@secret.test')).toBe(false);
    const secret = await audit({ limit: '200' }, admin, 'secret');
    expect(secret.items.map((e) => e.action).sort()).toEqual(['member.invited', 'workspace.created']);
  });

  it('is for admins only', async () => {
    const res = await call(h.app, member.client, 'GET', '/api/v1/workspaces/acme/audit');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('AUTH_FORBIDDEN');
    const again = await login(h.app, 'mo@acme.test', PASSWORD);
    expect((await call(h.app, again, 'GET', '/api/v1/workspaces/acme/audit')).statusCode).toBe(403);
  });

  it('refuses bad filters with a 400 naming the field', async () => {
    for (const [key, value] of [
      ['actorUserId', 'not-a-uuid'],
      ['from', 'yesterday'],
      ['to', '2024-13-45T00:00:00Z'],
      ['limit', '0'],
      ['limit', '201'],
    ]) {
      const res = await call(h.app, admin, 'GET', '/api/v1/workspaces/acme/audit', { query: { [key!]: value! } });
      expect(res.statusCode, `${key}=${value}`).toBe(400);
      expect(res.json().errors[0].path.endsWith(`.${key}`)).toBe(true);
    }
  });
});
