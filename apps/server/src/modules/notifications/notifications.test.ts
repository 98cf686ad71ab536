import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createHarness, setupAdmin, type Client, type Harness } from '../../../test/app-harness.ts';
import type { ChannelSender, DeliveryEvent, DeliveryTarget, DigestSender } from './channels/channel.ts';
import { MAX_ATTEMPTS, retryDelayMs, scheduleBounds } from './delivery/backoff.ts';
import { createDeliveryRunner, type Senders } from './delivery/delivery.ts';
import { startWorkers, type Workers } from './delivery/worker.ts';
import { createDispatcher } from './outbox/dispatcher.ts';

let h: Harness;
let admin: Client;
let rep: { client: Client; userId: string };
const api = (p: string) => `/api/v1/workspaces/acme/${p}`;

/** A sender that records what it was asked to send and answers from a script (ok by default). */
function scripted(answers: ('ok' | 'fail')[] = []) {
  const sent: { target: DeliveryTarget; event: DeliveryEvent }[] = [];
  const sender: ChannelSender & DigestSender = {
    async send(target, event) {
      sent.push({ target, event });
      const a = answers.shift() ?? 'ok';
      return a === 'ok' ? { ok: true, statusCode: 200, durationMs: 1 } : { ok: false, statusCode: 500, error: 'HTTP 500', durationMs: 1 };
    },
    async sendDigest() {
      return { ok: true, statusCode: null, durationMs: 1 };
    },
  };
  return { sent, sender };
}
const noJobs = { send: async () => null };
const pool = () => h.services.deps.database.pool;
const inboxOf = async (userId: string) => (await pool().query('select * from inbox_items where user_id = $1 order by created_at', [userId])).rows;

beforeAll(async () => {
  h = await createHarness({ TANDEM_WEBHOOK_ALLOW_PRIVATE: '1' });
  admin = await setupAdmin(h.app);
  rep = await addMember(h.app, admin, 'acme', 'sam@acme.test', 'sales', 'Sam Seller');
});
afterAll(async () => {
  await h?.close();
});

describe('events and the inbox', () => {
  it('a role change commits with its event; dispatching twice gives one inbox item; read state is per person', async () => {
    const dispatcher = createDispatcher(h.services.deps, noJobs);
    await dispatcher.dispatchBatch();
    const res = await call(h.app, admin, 'PATCH', api(`members/${rep.userId}`), { body: { role: 'sales_lead' } });
    expect(res.statusCode).toBe(200);
    const events = (await pool().query("select * from events where type = 'member.role_changed'")).rows;
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ userId: rep.userId, from: 'sales', to: 'sales_lead', changedBy: { name: 'Ada Admin' } });

    expect(await dispatcher.dispatchBatch()).toBeGreaterThanOrEqual(1);
    expect(await dispatcher.dispatchBatch()).toBe(0);
    // Undo the dispatch mark as a crash before commit would: dispatching again adds no second item.
    await pool().query('update events set dispatched_at = null where id = $1', [events[0].id]);
    await dispatcher.dispatchBatch();
    const items = await inboxOf(rep.userId);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ title: 'Your role is now Sales lead', link: '/w/acme/profile', read_at: null });

    const list = await call(h.app, rep.client, 'GET', api('notifications'));
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ unread: 1, total: 1, items: [{ title: 'Your role is now Sales lead', eventId: events[0].id }] });
    expect((await call(h.app, admin, 'GET', api('notifications'))).json()).toMatchObject({ total: 0 });
    const read = await call(h.app, rep.client, 'POST', api('notifications/read'), { body: { all: true } });
    expect(read.json()).toEqual({ unread: 0 });
    expect((await call(h.app, rep.client, 'GET', api('notifications/unread-count'))).json()).toEqual({ unread: 0 });
  });

  it('an event that cannot be dispatched is logged and left, and does not hold back the next one', async () => {
    const dispatcher = createDispatcher(h.services.deps, noJobs);
    await dispatcher.dispatchBatch();
    const wsId = (await pool().query("select id from workspaces where slug = 'acme'")).rows[0].id;
    // Written around emit (which would refuse it): a payload its dispatch rule cannot read.
    const poison = (await pool().query("insert into events (workspace_id, type, version, payload) values ($1, 'import.completed', 1, '{}') returning id", [wsId])).rows[0].id;
    await call(h.app, admin, 'PATCH', api(`members/${rep.userId}`), { body: { role: 'sales' } });
    expect(await dispatcher.dispatchBatch()).toBe(1);
    const left = (await pool().query('select id from events where dispatched_at is null')).rows.map((r) => r.id);
    expect(left).toEqual([poison]);
    expect((await inboxOf(rep.userId)).map((i) => i.title)).toContain('Your role is now Sales');
    await pool().query('delete from events where id = $1', [poison]);
  });

  it('a change that fails writes no event', async () => {
    const before = Number((await pool().query('select count(*) from events')).rows[0].count);
    // The last admin cannot be demoted: the change rolls back, and its event with it.
    const adminId = (await pool().query("select id from users where email = 'ada@acme.test'")).rows[0].id;
    const res = await call(h.app, admin, 'PATCH', api(`members/${adminId}`), { body: { role: 'sales' } });
    expect(res.statusCode).toBe(409);
    expect(Number((await pool().query('select count(*) from events')).rows[0].count)).toBe(before);
  });

  it('preferences choose the channels: in-app off and email on gives an email delivery and no inbox item', async () => {
    const prefs = await call(h.app, rep.client, 'GET', api('notification-preferences'));
    expect(prefs.statusCode).toBe(200);
    const role = prefs.json().items.find((i: { type: string }) => i.type === 'member.role_changed');
    expect(role).toMatchObject({ available: ['in_app', 'email'], channels: ['in_app', 'email'], required: false });
    expect(prefs.json().items.find((i: { type: string }) => i.type === 'member.password_reset_requested')).toMatchObject({ required: true });

    const bad = await call(h.app, rep.client, 'PUT', api('notification-preferences'), { body: { items: [{ type: 'member.password_reset_requested', channels: ['in_app'] }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/items\.0\.channels/);
    const put = await call(h.app, rep.client, 'PUT', api('notification-preferences'), { body: { items: [{ type: 'member.role_changed', channels: ['email'] }] } });
    expect(put.statusCode).toBe(200);

    const dispatcher = createDispatcher(h.services.deps, noJobs);
    const inboxBefore = (await inboxOf(rep.userId)).length;
    await call(h.app, admin, 'PATCH', api(`members/${rep.userId}`), { body: { role: 'marketing' } });
    await dispatcher.dispatchBatch();
    expect(await inboxOf(rep.userId)).toHaveLength(inboxBefore);
    const [event] = (await pool().query("select id from events where type = 'member.role_changed' and payload->>'to' = 'marketing'")).rows;
    const deliveries = (await pool().query('select * from deliveries where event_id = $1', [event.id])).rows;
    expect(deliveries.map((d) => [d.channel, d.target])).toEqual([['email', 'sam@acme.test']]);
  });

  it('only admins see deliveries (other workspaces are walked by the route walker)', async () => {
    expect((await call(h.app, rep.client, 'GET', api('deliveries'))).statusCode).toBe(403);
    const list = await call(h.app, admin, 'GET', api('deliveries'));
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBeGreaterThan(0);
  });
});

describe('delivery retries', () => {
  async function pendingDelivery() {
    await call(h.app, admin, 'PATCH', api(`members/${rep.userId}`), { body: { role: 'sales' } });
    await createDispatcher(h.services.deps, noJobs).dispatchBatch();
    const [d] = (await pool().query("select * from deliveries where status = 'pending' and channel = 'email' order by created_at desc limit 1")).rows;
    return d as { id: string; workspace_id: string; event_id: string };
  }

  it('a receiver that fails three times then answers gets the event, with the attempts logged', async () => {
    const email = scripted(['fail', 'fail', 'fail', 'ok']);
    const senders: Senders = { email: email.sender, slack: scripted().sender, webhook: scripted().sender };
    const queued: { startAfter: unknown }[] = [];
    let clock = Date.parse('2026-11-29T00:00:00Z');
    const runner = createDeliveryRunner(h.services.deps, {
      senders,
      jobs: { send: async (_n, _d, o) => (queued.push({ startAfter: o?.startAfter }), 'job') },
      now: () => new Date(clock),
      random: () => 0.5,
    });
    const d = await pendingDelivery();
    const outcomes = [];
    for (let i = 0; i < 4; i++) {
      outcomes.push(await runner.attempt(d.workspace_id, d.id));
      clock += 3_600_000;
    }
    expect(outcomes).toEqual(['retry', 'retry', 'retry', 'delivered']);
    expect(new Set(email.sent.map((s) => s.event.envelope.id))).toEqual(new Set([d.event_id]));
    expect(queued).toHaveLength(3);
    expect((queued[0]!.startAfter as Date).getTime() - Date.parse('2026-11-29T00:00:00Z')).toBe(retryDelayMs(1, () => 0.5));
    const detail = await call(h.app, admin, 'GET', api(`deliveries/${d.id}`));
    expect(detail.json()).toMatchObject({ status: 'delivered', attempts: 4 });
    expect(detail.json().attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 500, 200]);
    // Delivered: a second run of the same job sends nothing.
    expect(await runner.attempt(d.workspace_id, d.id)).toBe('skipped');
  });

  it('one that never answers well is retried over about 24 hours, then dead; an admin can retry or discard it', async () => {
    const { minMs, maxMs } = scheduleBounds();
    expect(minMs).toBeGreaterThan(20 * 3_600_000);
    expect(maxMs).toBeLessThan(28 * 3_600_000);

    const failing = scripted(Array(MAX_ATTEMPTS + 5).fill('fail'));
    let clock = Date.parse('2026-11-29T00:00:00Z');
    const start = clock;
    const times: number[] = [];
    const runner = createDeliveryRunner(h.services.deps, {
      senders: { email: failing.sender, slack: failing.sender, webhook: failing.sender },
      jobs: { send: async (_n, _d, o) => ((clock = (o!.startAfter as Date).getTime()), 'job') },
      now: () => (times.push(clock), new Date(clock)),
    });
    const d = await pendingDelivery();
    let outcome = 'retry';
    while (outcome === 'retry') outcome = await runner.attempt(d.workspace_id, d.id);
    expect(outcome).toBe('dead');
    expect(times).toHaveLength(MAX_ATTEMPTS);
    const span = times.at(-1)! - start;
    expect(span).toBeGreaterThan(20 * 3_600_000);
    expect(span).toBeLessThan(28 * 3_600_000);
    // Spread out: every wait longer than the one before it until the cap.
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(gaps[1]!).toBeGreaterThan(gaps[0]!);

    const list = await call(h.app, admin, 'GET', api('deliveries'), { query: { status: 'dead' } });
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(d.id);
    const discarded = await call(h.app, admin, 'POST', api(`deliveries/${d.id}/discard`), { body: {} });
    expect(discarded.json()).toMatchObject({ status: 'discarded' });
    expect((await call(h.app, admin, 'POST', api(`deliveries/${d.id}/discard`), { body: {} })).statusCode).toBe(409);
  });
});

describe('the daily digest', () => {
  it('a stage change from the upsert API becomes a digest line for an owner who chose the digest, sent in one email at their 08:00', async () => {
    const put = await call(h.app, admin, 'PUT', api('notification-preferences'), { body: { items: [{ type: 'deal.stage_changed', channels: ['email'], digest: true }] } });
    expect(put.json().items.find((i: { type: string }) => i.type === 'deal.stage_changed')).toMatchObject({ channels: ['email'], digest: true, digestAvailable: true });
    const upsert = (stage: string) =>
      call(h.app, admin, 'POST', api('deals/upsert'), { body: { source: 'crm', deals: [{ externalId: 'D-1', name: 'Globex renewal', stage, owner: 'ada@acme.test' }] } });
    expect((await upsert('Prospecting')).statusCode).toBe(200);
    expect((await upsert('Negotiation/Review')).statusCode).toBe(200);
    const [event] = (await pool().query("select * from events where type = 'deal.stage_changed'")).rows;
    expect(event.payload).toMatchObject({ name: 'Globex renewal', from: { stage: 'Prospecting' }, to: { stage: 'Negotiation/Review' } });

    await createDispatcher(h.services.deps, noJobs).dispatchBatch();
    const [line] = (await pool().query("select * from deliveries where event_id = $1", [event.id])).rows;
    expect(line).toMatchObject({ channel: 'digest', status: 'pending', target: 'ada@acme.test' });

    const digests: { to: string; events: DeliveryEvent[] }[] = [];
    const email: ChannelSender & DigestSender = {
      send: async () => ({ ok: true, statusCode: null, durationMs: 0 }),
      sendDigest: async (to, events) => (digests.push({ to: to.email, events }), { ok: true, statusCode: null, durationMs: 0 }),
    };
    const runner = createDeliveryRunner(h.services.deps, { senders: { email, slack: email, webhook: email }, jobs: noJobs });
    // Ada's time zone is UTC: her 08:00 is the hour it is in UTC when the digest job runs.
    const notHerHour = (new Date().getUTCHours() + 12) % 24;
    expect(await runner.sendDueDigests(notHerHour)).toBe(0);
    expect(await runner.sendDueDigests(new Date().getUTCHours())).toBe(1);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.to).toBe('ada@acme.test');
    expect(digests[0]!.events.map((e) => e.envelope.id)).toEqual([event.id]);
    expect((await pool().query('select status from deliveries where id = $1', [line.id])).rows[0].status).toBe('delivered');
  });
});

describe('the job queue', () => {
  let workers: Workers | undefined;
  afterAll(async () => {
    await workers?.stop();
  });

  it('the running workers dispatch a committed event and deliver it through a job, without being asked', async () => {
    const email = scripted();
    workers = await startWorkers(h.services.deps, {
      databaseUrl: h.url,
      senders: { email: email.sender, slack: scripted().sender, webhook: scripted().sender },
      pollMs: 200,
    });
    await call(h.app, admin, 'PATCH', api(`members/${rep.userId}`), { body: { role: 'marketing' } });
    const deadline = Date.now() + 20_000;
    while (!email.sent.some((s) => s.event.type === 'member.role_changed' && (s.event.envelope.data as { to: string }).to === 'marketing') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(email.sent.some((s) => (s.event.envelope.data as { to: string }).to === 'marketing')).toBe(true);
  });
});
