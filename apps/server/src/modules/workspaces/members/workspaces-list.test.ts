/** GET /api/v1/workspaces: the workspace switcher's list — the workspaces one belongs to, with one's role in each. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createHarness, PASSWORD, setupAdmin, type Client, type Harness } from '../../../../test/app-harness.ts';

let h: Harness;
let admin: Client;

const mine = async (who: Client) => {
  const res = await call(h.app, who, 'GET', '/api/v1/workspaces');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { workspaceId: string; slug: string; name: string; role: string }[]; total?: number };
};
const bySlug = (list: { items: { slug: string; role: string }[] }) => Object.fromEntries(list.items.map((m) => [m.slug, m.role]));

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app, { password: PASSWORD });
});
afterAll(async () => h?.close());

describe('the workspaces I belong to', () => {
  it('lists each of mine with its name and my role there, and none of the others', async () => {
    const acme = await mine(admin);
    expect(acme.items).toEqual([{ workspaceId: expect.any(String), slug: 'acme', name: 'Acme', role: 'admin' }]);

    const beta = await call(h.app, admin, 'POST', '/api/v1/workspaces', { body: { name: 'Beta', slug: 'beta' } });
    expect(beta.statusCode, beta.body).toBe(201);
    const gamma = await call(h.app, admin, 'POST', '/api/v1/workspaces', { body: { name: 'Gamma', slug: 'gamma' } });
    expect(gamma.statusCode, gamma.body).toBe(201);
    expect(bySlug(await mine(admin))).toEqual({ acme: 'admin', beta: 'admin', gamma: 'admin' });

    // A rep invited to Acme and, as a lead, to Beta sees those two with those roles; not Gamma.
    const rep = await addMember(h.app, admin, 'acme', 'rae@acme.test', 'sales', 'Rae Rep');
    expect(bySlug(await mine(rep.client))).toEqual({ acme: 'sales' });
    const inv = await call(h.app, admin, 'POST', '/api/v1/workspaces/beta/invitations', { body: { email: 'rae@acme.test', role: 'sales_lead' } });
    const token = (inv.json() as { url: string }).url.split('/invite/')[1]!;
    expect((await call(h.app, null, 'POST', `/api/v1/invitations/${token}/accept`, { body: { password: PASSWORD } })).statusCode).toBe(200);
    expect(bySlug(await mine(rep.client))).toEqual({ acme: 'sales', beta: 'sales_lead' });

    // A renamed workspace shows its new name; a changed role shows at once.
    expect((await call(h.app, admin, 'PATCH', '/api/v1/workspaces/beta', { body: { name: 'Beta Sales' } })).statusCode).toBe(200);
    expect((await call(h.app, admin, 'PATCH', `/api/v1/workspaces/acme/members/${rep.userId}`, { body: { role: 'marketing' } })).statusCode).toBe(200);
    const after = await mine(rep.client);
    expect(bySlug(after)).toEqual({ acme: 'marketing', beta: 'sales_lead' });
    expect(after.items.find((m) => m.slug === 'beta')?.name).toBe('Beta Sales');
  });

  it('leaves out a workspace where I was deactivated, and answers 401 signed out', async () => {
    const dee = await addMember(h.app, admin, 'acme', 'dee@acme.test', 'sales', 'Dee Dunn');
    expect(bySlug(await mine(dee.client))).toEqual({ acme: 'sales' });
    expect((await call(h.app, admin, 'PATCH', `/api/v1/workspaces/acme/members/${dee.userId}`, { body: { active: false } })).statusCode).toBe(200);
    expect((await mine(dee.client)).items).toEqual([]);

    const out = await call(h.app, null, 'GET', '/api/v1/workspaces');
    expect(out.statusCode).toBe(401);
    expect(out.json().code).toBe('AUTH_REQUIRED');
  });
});
