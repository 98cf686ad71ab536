/**
 * End to end through the real pieces: an event committed with its change, the
 * dispatcher, the pg-boss `deliver` jobs, the signed webhook sender, and a
 * receiver that checks every signature and answers 500 three times, then 200.
 * Only the backoff is shortened (milliseconds instead of minutes).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMember, call, createHarness, setupAdmin, type Client, type Harness } from '../../../../test/app-harness.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../../../test/webhook-receiver.ts';
import { createDeliveryRunner } from './delivery.ts';
import { createSenders, settledHook } from './start-workers.ts';
import { QUEUES } from './jobs.ts';
import { startWorkers, type Workers } from './worker.ts';

let h: Harness;
let admin: Client;
let receiver: WebhookReceiver;
let workers: Workers;

beforeAll(async () => {
  h = await createHarness({ TANDEM_WEBHOOK_ALLOW_PRIVATE: '1' });
  admin = await setupAdmin(h.app);
});
afterAll(async () => {
  await workers?.stop();
  await receiver?.close();
  await h?.close();
});

it('a receiver that answers 500 three times, then 200, gets the event: four signed tries, one event id', async () => {
  const created = await call(h.app, admin, 'POST', '/api/v1/workspaces/acme/webhooks', { body: { url: 'http://127.0.0.1:1/placeholder', eventTypes: ['member.role_changed'] } });
  expect(created.statusCode).toBe(201);
  receiver = await startWebhookReceiver(created.json().secret);
  expect((await call(h.app, admin, 'PATCH', `/api/v1/workspaces/acme/webhooks/${created.json().id}`, { body: { url: receiver.url } })).statusCode).toBe(200);
  receiver.script(500, 500, 500);

  const senders = createSenders(h.services.deps, h.services.integrations);
  workers = await startWorkers(h.services.deps, { databaseUrl: h.url, senders, onSettled: settledHook(h.services.deps, h.services.integrations), pollMs: 200 });
  // The workers' own runner waits minutes between tries; this one, on the same queue, waits 50 ms.
  const fast = createDeliveryRunner(h.services.deps, { senders, jobs: workers.jobs, retryDelay: () => 50 });
  await workers.jobs.boss.offWork(QUEUES.deliver);
  await workers.jobs.boss.work<{ workspaceId: string; deliveryId: string }>(QUEUES.deliver, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
    if (job) await fast.attempt(job.data.workspaceId, job.data.deliveryId);
  });

  const sam = await addMember(h.app, admin, 'acme', 'sam@acme.test', 'sales', 'Sam Seller');
  expect((await call(h.app, admin, 'PATCH', `/api/v1/workspaces/acme/members/${sam.userId}`, { body: { role: 'sales_lead' } })).statusCode).toBe(200);

  for (const deadline = Date.now() + 30_000; !receiver.deliveries.some((d) => d.answered === 200) && Date.now() < deadline; ) {
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(receiver.deliveries.map((d) => d.answered)).toEqual([500, 500, 500, 200]);
  expect(receiver.deliveries.every((d) => d.rejected === null)).toBe(true);
  const ids = new Set(receiver.deliveries.map((d) => d.headers['tandem-event-id']));
  expect(ids.size).toBe(1);
  expect(receiver.deliveries[3]!.json).toMatchObject({ type: 'member.role_changed', data: { userId: sam.userId, to: 'sales_lead' } });

  // The receiver has answered; the runner records the answer just after, in its own transaction.
  const delivered = async () => (await call(h.app, admin, 'GET', '/api/v1/workspaces/acme/deliveries', { query: { channel: 'webhook' } })).json().items[0];
  await expect.poll(async () => (await delivered())?.status, { timeout: 10_000, interval: 100 }).toBe('delivered');
  const delivery = await delivered();
  expect(delivery).toMatchObject({ status: 'delivered', attempts: 4, lastStatusCode: 200 });
  const detail = await call(h.app, admin, 'GET', `/api/v1/workspaces/acme/deliveries/${delivery.id}`);
  expect(detail.json().attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 500, 200]);
});
