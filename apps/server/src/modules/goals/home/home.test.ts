import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyDealThemes } from '@tandem/contracts';
import { cliActor } from '../../../lib/context.ts';
import { addMember, call, createHarness, login, PASSWORD, setupAdmin, type Client, type Harness } from '../../../../test/app-harness.ts';
import { insertDeal } from '../metrics/test-fixtures.ts';

/**
 * A rep's deals' themes, worked out by hand:
 * - Rae owns open O1 (Enterprise, 800), O2 (SMB, 5,000), O3 (Enterprise, no amount), lost L1 (Enterprise) and a
 *   removed open deal; Roy owns open R1 (Enterprise, 9,000).
 * - Pricing: Roy's item and Rae's item on O2 → Rae: 1 deal, 5,000, 2 items (1 hers).
 * - SSO: Pia's item naming only the Enterprise account → Rae: O1 and O3 (2 deals, 800, 1 without amount); Roy: R1.
 * - Docs: Rae's item on her lost L1 → hers, no open deal.
 * - Onboarding: Roy's item on R1 → not Rae's. Gone: an item on Rae's removed deal → not hers.
 * - Rae's item without a theme → 1 untriaged.
 */
let h: Harness;
let admin: Client;
let rae: Client;
let roy: Client;
let pia: Client;
let other: Client;
const themes: Record<string, string> = {};

async function mine(who: Client, query: Record<string, string> = {}) {
  const res = await call(h.app, who, 'GET', '/api/v1/workspaces/acme/home/my-deal-themes', { query });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as MyDealThemes;
}

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app);
  const ws = ((await call(h.app, admin, 'GET', '/api/v1/workspaces/acme')).json() as { id: string }).id;
  const pool = h.services.deps.database.pool;
  const p = await addMember(h.app, admin, 'acme', 'pia@acme.test', 'marketing', 'Pia Marketing');
  const r = await addMember(h.app, admin, 'acme', 'rae@acme.test', 'sales', 'Rae Rep');
  const y = await addMember(h.app, admin, 'acme', 'roy@acme.test', 'sales', 'Roy Rep');
  [pia, rae, roy] = [p.client, r.client, y.client];
  const b = await h.services.workspaces.create(cliActor(), { name: 'Bravo', slug: 'bravo' }, null);
  await h.services.workspaces.addMember(
    { workspaceId: b.id, slug: 'bravo', role: 'admin', actor: cliActor() },
    { email: 'admin@bravo.test', name: 'Bea Bravo', role: 'admin', password: PASSWORD },
  );
  other = await login(h.app, 'admin@bravo.test', PASSWORD);
  const account = async (name: string, segment: string) =>
    (await pool.query(`insert into accounts (workspace_id, name, segment) values ($1, $2, $3) returning id`, [ws, name, segment])).rows[0].id as string;
  const ent = await account('Acme Corp', 'Enterprise');
  const smb = await account('Beta LLC', 'SMB');
  const deal = (name: string, stage: 'open' | 'lost', acct: string, amount: number | null, owner: string) =>
    insertDeal(pool, ws, { name, stage, account: acct, amount, close: '2026-06-30', created: '2026-03-01T09:00:00', owner });
  const O1 = await deal('O1', 'open', ent, 800, r.userId);
  const O2 = await deal('O2', 'open', smb, 5000, r.userId);
  await deal('O3', 'open', ent, null, r.userId);
  const L1 = await deal('L1', 'lost', ent, 2000, r.userId);
  const gone = await deal('Gone', 'open', smb, 7000, r.userId);
  await pool.query(`update deals set removed_at = now() where workspace_id = $1 and id = $2`, [ws, gone]);
  const R1 = await deal('R1', 'open', ent, 9000, y.userId);
  void O1;
  for (const name of ['Pricing', 'SSO', 'Docs', 'Onboarding', 'Gone theme']) {
    themes[name] = (await pool.query(`insert into themes (workspace_id, name, status) values ($1, $2, 'new') returning id`, [ws, name])).rows[0].id as string;
  }
  await pool.query(`update themes set status = 'planned', response = 'On the roadmap for Q3', responded_at = '2026-03-02T10:00:00Z' where id = $1`, [themes.SSO]);
  const item = (by: string, theme: string | null, dealId: string | null, accountId: string | null = null) =>
    pool.query(
      `insert into feedback_items (workspace_id, kind, text, deal_id, account_id, source, submitted_by_user_id, theme_id) values ($1, 'objection', 'said', $2, $3, 'call', $4, $5)`,
      [ws, dealId, accountId, by, theme],
    );
  await item(y.userId, themes.Pricing!, O2);
  await item(r.userId, themes.Pricing!, O2);
  await item(p.userId, themes.SSO!, null, ent);
  await item(r.userId, themes.Docs!, L1);
  await item(y.userId, themes.Onboarding!, R1);
  await item(y.userId, themes['Gone theme']!, gone);
  await item(r.userId, null, O2);
}, 120_000);
afterAll(async () => h?.close());

describe("a person's deals' themes (home)", () => {
  it("ranks the themes of feedback on the rep's open deals and of the rep's own feedback by the rep's open pipeline behind each", async () => {
    const d = await mine(rae);
    expect(d).toMatchObject({ total: 3, openDeals: 3, myUntriagedItems: 1 });
    expect(d.items.map((t) => [t.name, t.openDeals, Number(t.openPipeline), t.openDealsWithoutAmount, t.items, t.myItems])).toEqual([
      ['Pricing', 1, 5000, 0, 2, 1],
      ['SSO', 2, 800, 1, 1, 0],
      ['Docs', 0, 0, 0, 1, 1],
    ]);
    expect(d.items[1]).toMatchObject({ id: themes.SSO, status: 'planned', response: { message: 'On the roadmap for Q3', at: '2026-03-02T10:00:00.000Z' } });
    expect(d.items[0]!.response).toBeNull();
  });

  it("is each caller's own: another rep sees the themes of their deals and of what they logged", async () => {
    const d = await mine(roy);
    expect(d.items.map((t) => [t.name, Number(t.openPipeline), t.items, t.myItems])).toEqual([
      ['Onboarding', 9000, 1, 1],
      ['SSO', 9000, 1, 0],
      ['Gone theme', 0, 1, 1],
      ['Pricing', 0, 1, 1],
    ]);
    // A PMM owns no deals: the themes of what she logged, nothing at stake.
    expect((await mine(pia)).items.map((t) => [t.name, t.openDeals])).toEqual([['SSO', 0]]);
    expect(await mine(admin)).toEqual({ items: [], total: 0, openDeals: 0, myUntriagedItems: 0 });
  });

  it('answers the first `limit` themes and the total', async () => {
    const d = await mine(rae, { limit: '1' });
    expect(d.items.map((t) => t.name)).toEqual(['Pricing']);
    expect(d.total).toBe(3);
  });

  it('refuses a bad limit naming the field, and another workspace as not found', async () => {
    const bad = await call(h.app, rae, 'GET', '/api/v1/workspaces/acme/home/my-deal-themes', { query: { limit: '0' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.json().errors[0]).toMatchObject({ path: 'query.limit', message: 'limit is at least 1' });
    expect((await call(h.app, other, 'GET', '/api/v1/workspaces/acme/home/my-deal-themes')).statusCode).toBe(404);
    expect((await call(h.app, null, 'GET', '/api/v1/workspaces/acme/home/my-deal-themes')).statusCode).toBe(401);
  });
});
