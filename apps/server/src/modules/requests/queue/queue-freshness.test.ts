/**
 * The built queue is kept in memory between reads (queue.ts, decision 0013) and rebuilt when a change stamp moves:
 * every kind of write the queue depends on shows in the very next read — a linked deal's amount (through the API
 * and written straight into the table, as an import does), a +1, a weight, an override, a new request — and a
 * write rolled back leaves nothing behind.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createHarness, setupAdmin, type Client, type Harness } from '../../../../test/app-harness.ts';
import { openQueue } from './queue.ts';

let h: Harness;
let admin: Client;
let ws: string;
let pmm: { client: Client; userId: string };
let rep: { client: Client; userId: string };
let lead: { client: Client; userId: string };
const deals: Record<string, string> = {};
const api = (p: string) => `/api/v1/workspaces/acme/${p}`;
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

interface Item {
  id: string;
  title: string;
  rank: number | null;
  pipelineAtStake: number;
  requesters: { userId: string }[];
  override: { kind: string; reason: string } | null;
  score: { total: number; parts: { name: string; value: number; weight: number }[] };
}

async function ok(who: Client, method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown) {
  const res = await call(h.app, who, method, api(path), body === undefined ? {} : { body });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
}
const queue = async (who: Client = rep.client) => (await ok(who, 'GET', 'requests?limit=100')) as { items: Item[]; total: number };
const itemOf = async (id: string) => (await queue()).items.find((i) => i.id === id)!;
const upsert = (items: Record<string, unknown>[]) => ok(admin, 'POST', 'deals/upsert', { source: 'crm', deals: items });

let a: string;
let b: string;

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app);
  ws = ((await call(h.app, admin, 'GET', '/api/v1/workspaces/acme')).json() as { id: string }).id;
  pmm = await addMember(h.app, admin, 'acme', 'pia@acme.test', 'marketing', 'Pia Marketing');
  rep = await addMember(h.app, admin, 'acme', 'rae@acme.test', 'sales', 'Rae Rep');
  lead = await addMember(h.app, admin, 'acme', 'lee@acme.test', 'sales_lead', 'Lee Lead');
  const res = (await upsert([
    { externalId: 'a', name: 'Deal A', account: 'Globex', stage: 'Proposal', amount: 100_000, probability: 50, closeDate: inDays(40) },
    { externalId: 'b', name: 'Deal B', account: 'Initech', stage: 'Proposal', amount: 20_000, probability: 50, closeDate: inDays(40) },
    { externalId: 'c', name: 'Deal C', account: 'Umbrella', stage: 'Proposal', amount: 400_000, probability: 50, closeDate: inDays(40) },
  ])) as { results: { externalId: string; dealId: string }[] };
  for (const r of res.results) deals[r.externalId] = r.dealId;
  const file = async (title: string, dealId: string) =>
    ((await ok(rep.client, 'POST', 'requests', { type: 'new_asset', title, description: 'For the pipeline review', dealIds: [dealId] })) as { request: { id: string } }).request.id;
  a = await file('Pricing one-pager for Globex', deals.a!);
  b = await file('Battlecard for Initech', deals.b!);
}, 120_000);
afterAll(async () => h?.close());

describe('the kept queue is rebuilt by the next read after any change it depends on', () => {
  it('reads the same queue twice without a change', async () => {
    const first = await queue();
    const second = await queue();
    // Everything but the SLA clocks' hours left, which count down from the moment of each read by design.
    const withoutCountdown = (q: unknown) => JSON.parse(JSON.stringify(q, (k, v: unknown) => (k === 'businessHoursLeft' ? undefined : v))) as unknown;
    expect(withoutCountdown(second)).toEqual(withoutCountdown(first));
    expect(first.items.map((i) => i.id)).toEqual([a, b]);
  });

  it("a linked deal's amount, through the API and written straight into the table (an import)", async () => {
    expect((await itemOf(a)).pipelineAtStake).toBe(50_000);
    await upsert([{ externalId: 'a', name: 'Deal A', account: 'Globex', stage: 'Proposal', amount: 300_000, probability: 50, closeDate: inDays(40) }]);
    expect((await itemOf(a)).pipelineAtStake).toBe(150_000);
    await h.services.deps.database.pool.query(`update deals set amount_base = 10000, amount = 10000 where id = $1`, [deals.a]);
    expect((await itemOf(a)).pipelineAtStake).toBe(5_000);
    // B (€10,000 at stake) now leads A (€5,000).
    expect((await queue()).items.map((i) => i.id)).toEqual([b, a]);
  });

  it('a +1 with a deal', async () => {
    await ok(lead.client, 'POST', `requests/${a}/plus-one`, { dealIds: [deals.c] });
    const item = await itemOf(a);
    expect(item.requesters.map((r) => r.userId)).toContain(lead.userId);
    expect(item.pipelineAtStake).toBe(205_000);
    expect((await queue()).items.map((i) => i.id)).toEqual([a, b]);
  });

  it('a weight changed in the settings', async () => {
    await ok(admin, 'PATCH', 'requests/settings', { weights: { pipeline: 0 } });
    const item = await itemOf(a);
    expect(item.score.parts.find((p) => p.name === 'pipeline')?.weight).toBe(0);
  });

  it('an override', async () => {
    await ok(pmm.client, 'POST', `requests/${b}/override`, { kind: 'pin', reason: 'Board meeting on Friday' });
    const items = (await queue()).items;
    expect(items[0]).toMatchObject({ id: b, rank: 1, override: { kind: 'pin', reason: 'Board meeting on Friday' } });
  });

  it('a new request', async () => {
    const before = (await queue()).total;
    await ok(rep.client, 'POST', 'requests', { type: 'training', title: 'Objection handling workshop', description: 'For the new reps', dealIds: [] });
    const after = await queue();
    expect(after.total).toBe(before + 1);
    expect(after.items.map((i) => i.title)).toContain('Objection handling workshop');
  });

  it('a write rolled back after the queue was built inside its transaction leaves nothing behind', async () => {
    const database = h.services.deps.database;
    await expect(
      database.withTenant(ws, async (tx) => {
        await tx.execute(sql`update requests set boost_points = 100 where id = ${a}`);
        const inside = await openQueue(tx, ws);
        expect(inside.byId.get(a)?.score.parts.find((p) => p.name === 'strategic')?.value).toBe(100);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await itemOf(a)).score.parts.find((p) => p.name === 'strategic')?.value).toBe(0);
    // And the next committed write (its stamp a new number, never the rolled-back one's) shows.
    await ok(admin, 'POST', `requests/${a}/boost`, { points: 40, reason: 'Strategic logo' });
    expect((await itemOf(a)).score.parts.find((p) => p.name === 'strategic')?.value).toBe(40);
  });
});
