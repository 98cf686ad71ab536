/**
 * What an admin does to integrations after setting them up: change or remove a Slack channel
 * (PATCH/DELETE …/slack-channels/:channelId), and send a dead delivery again (POST …/deliveries/:id/retry).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createHarness, setupAdmin, type Client, type Harness } from '../../../../test/app-harness.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../../../test/webhook-receiver.ts';
import { createDeliveryRunner } from '../delivery/delivery.ts';
import { createSenders } from '../delivery/start-workers.ts';
import { outboxRepository } from '../outbox/outbox.repository.ts';

let h: Harness; // TANDEM_WEBHOOK_ALLOW_PRIVATE on, so the receiver on 127.0.0.1 can be reached
let admin: Client;
let receiver: WebhookReceiver;
let ws: string;
const api = (p: string) => `/api/v1/workspaces/acme/${p}`;
const audit = async (action: string) =>
  (await call(h.app, admin, 'GET', api('audit'), { query: { action } })).json().items as { targetId: string; targetLabel: string; details: Record<string, unknown> }[];

async function slackChannel(name: string) {
  const res = await call(h.app, admin, 'POST', api('slack-channels'), {
    body: { name, webhookUrl: `${receiver.url}/services/T000/B000/abcdefghijklmnopqrstuvwx`, eventTypes: ['import.completed'] },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string };
}

beforeAll(async () => {
  [h, receiver] = await Promise.all([createHarness({ TANDEM_WEBHOOK_ALLOW_PRIVATE: '1' }), startWebhookReceiver()]);
  admin = await setupAdmin(h.app);
  ws = (await call(h.app, admin, 'GET', '/api/v1/workspaces/acme')).json().id;
});
afterAll(async () => {
  await receiver?.close();
  await h?.close();
});

describe('changing a Slack channel', () => {
  it('renames it and changes its events; the audit log says what changed, and a new URL only that it changed', async () => {
    const ch = await slackChannel('#sales');
    const res = await call(h.app, admin, 'PATCH', api(`slack-channels/${ch.id}`), { body: { name: '#sales-wins', eventTypes: ['import.completed', 'deal.stage_changed'] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: ch.id, name: '#sales-wins', eventTypes: ['import.completed', 'deal.stage_changed'] });
    const listed = (await call(h.app, admin, 'GET', api('slack-channels'))).json().items.find((c: { id: string }) => c.id === ch.id);
    expect(listed).toMatchObject({ name: '#sales-wins', eventTypes: ['import.completed', 'deal.stage_changed'] });
    expect(await audit('slack.channel_updated')).toEqual([
      expect.objectContaining({ targetId: ch.id, details: { name: { from: '#sales', to: '#sales-wins' }, eventTypes: ['import.completed', 'deal.stage_changed'] } }),
    ]);

    const secret = 'zyxwvutsrqponmlkjihgfedc';
    const moved = await call(h.app, admin, 'PATCH', api(`slack-channels/${ch.id}`), { body: { webhookUrl: `${receiver.url}/services/T111/B111/${secret}` } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().webhookUrlMasked).not.toContain(secret);
    const entries = await audit('slack.channel_updated');
    expect(entries[0]).toMatchObject({ targetId: ch.id, details: { webhookUrlChanged: true } });
    expect(JSON.stringify(entries)).not.toContain(secret);
  });

  it('refuses an event Slack does not carry, a URL that is not one, and an unknown channel', async () => {
    const ch = await slackChannel('#refusals');
    const event = await call(h.app, admin, 'PATCH', api(`slack-channels/${ch.id}`), { body: { eventTypes: ['token.created'] } });
    expect(event.statusCode).toBe(400);
    expect(event.json()).toMatchObject({ code: 'SLACK_EVENT_NOT_ALLOWED', detail: expect.stringContaining('token.created') });
    const url = await call(h.app, admin, 'PATCH', api(`slack-channels/${ch.id}`), { body: { webhookUrl: 'not a url' } });
    expect(url.statusCode).toBe(400);
    expect(url.json().code).toBe('WEBHOOK_URL_INVALID');
    // Nothing of a refused change was kept.
    expect((await call(h.app, admin, 'GET', api('slack-channels'))).json().items.find((c: { id: string }) => c.id === ch.id)).toMatchObject({
      name: '#refusals',
      eventTypes: ['import.completed'],
    });
    const unknown = await call(h.app, admin, 'PATCH', api('slack-channels/00000000-0000-4000-8000-000000000000'), { body: { name: '#x' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('SLACK_CHANNEL_NOT_FOUND');
  });
});

describe('removing a Slack channel', () => {
  it('takes it off the list, is audited, and a second delete is a 404', async () => {
    const ch = await slackChannel('#to-remove');
    const res = await call(h.app, admin, 'DELETE', api(`slack-channels/${ch.id}`));
    expect(res.statusCode, res.body).toBe(204);
    expect((await call(h.app, admin, 'GET', api('slack-channels'))).json().items.map((c: { id: string }) => c.id)).not.toContain(ch.id);
    expect(await audit('slack.channel_deleted')).toEqual([expect.objectContaining({ targetId: ch.id, targetLabel: '#to-remove' })]);
    const again = await call(h.app, admin, 'DELETE', api(`slack-channels/${ch.id}`));
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({ code: 'SLACK_CHANNEL_NOT_FOUND', detail: expect.stringContaining(ch.id) });
    expect((await call(h.app, admin, 'POST', api(`slack-channels/${ch.id}/test`))).statusCode).toBe(404);
  });
});

describe('retrying a delivery', () => {
  /** A webhook delivery to the receiver that gave up after one failed try. */
  async function deadDelivery() {
    const sub = await call(h.app, admin, 'POST', api('webhooks'), { body: { url: `${receiver.url}/hooks`, eventTypes: ['import.completed'] } });
    expect(sub.statusCode, sub.body).toBe(201);
    const { db } = h.services.deps.database;
    const event = await outboxRepository.insertEvent(db, {
      workspaceId: ws,
      type: 'import.completed',
      version: 1,
      payload: { importId: '00000000-0000-4000-8000-000000000001', kind: 'deals', fileName: 'q3.csv', source: 'salesforce', counts: { rows: 1, created: 1, updated: 0, unchanged: 0, removed: 0, invalid: 0 }, importedBy: { userId: null, name: 'Ada Admin' } },
    });
    const [d] = await outboxRepository.insertDeliveries(db, [
      { workspaceId: ws, eventId: event.id, eventType: 'import.completed', channel: 'webhook', target: `${receiver.url}/hooks`, targetId: sub.json().id },
    ]);
    await outboxRepository.insertAttempt(db, { workspaceId: ws, deliveryId: d!.id, attempt: 1, at: new Date(), statusCode: 503, error: 'HTTP 503: down' });
    await outboxRepository.updateDelivery(db, ws, d!.id, { status: 'dead', attempts: 1, lastError: 'HTTP 503: down', lastStatusCode: 503, nextAttemptAt: null });
    receiver.secret = sub.json().secret;
    return d!.id;
  }

  it('puts a dead delivery back in the queue, audited, and the next try delivers it', async () => {
    const id = await deadDelivery();
    const res = await call(h.app, admin, 'POST', api(`deliveries/${id}/retry`), { body: {} });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id, status: 'pending', attempts: 1, nextAttemptAt: expect.any(String) });
    expect(await audit('delivery.retried')).toEqual([expect.objectContaining({ targetId: id, details: { previousStatus: 'dead' } })]);

    // The next try (the deliver job) sends it, signed; the delivery page shows both tries.
    const before = receiver.deliveries.length;
    const runner = createDeliveryRunner(h.services.deps, { senders: createSenders(h.services.deps, h.services.integrations) });
    expect(await runner.attempt(ws, id)).toBe('delivered');
    expect(receiver.deliveries.slice(before)).toEqual([expect.objectContaining({ rejected: null, answered: 200 })]);
    const detail = (await call(h.app, admin, 'GET', api(`deliveries/${id}`))).json();
    expect(detail).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(detail.attemptLog.map((a: { statusCode: number | null }) => a.statusCode).sort()).toEqual([200, 503]);
  });

  it('refuses a delivery already waiting for its try, and an unknown one', async () => {
    const id = await deadDelivery();
    // As an API client may send it: no body at all (curl -X POST), then JSON with an empty body.
    const bare = await call(h.app, admin, 'POST', api(`deliveries/${id}/retry`));
    expect(bare.statusCode, bare.body).toBe(200);
    const twice = await call(h.app, admin, 'POST', api(`deliveries/${id}/retry`), { headers: { 'content-type': 'application/json' }, body: '' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'DELIVERY_PENDING', detail: expect.stringContaining(id) });
    const unknown = await call(h.app, admin, 'POST', api('deliveries/00000000-0000-4000-8000-000000000000/retry'), { body: {} });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('DELIVERY_NOT_FOUND');
  });
});
