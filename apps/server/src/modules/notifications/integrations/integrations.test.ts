import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@tandem/contracts';
import { AppError } from '../../../lib/app-error.ts';
import { addMember, call, createHarness, setupAdmin, type Client, type Harness } from '../../../../test/app-harness.ts';
import { startWebhookReceiver, verify, type WebhookReceiver } from '../../../../test/webhook-receiver.ts';
import type { DeliveryEvent, DeliveryTarget } from '../channels/channel.ts';
import { checkTargetUrl, forbiddenReason, postOnce } from '../channels/net-guard.ts';
import { createSlackSender } from '../channels/slack.ts';
import { createWebhookSender } from '../channels/webhook.ts';
import { integrationsRepository } from './integrations.repository.ts';

let strict: Harness; // TANDEM_WEBHOOK_ALLOW_PRIVATE off, as in production
let open: Harness; // on, so receivers on 127.0.0.1 can be reached
let adminS: Client;
let sales: Client;
let adminO: Client;
let wsO: string;
let receiver: WebhookReceiver;

beforeAll(async () => {
  [strict, open, receiver] = await Promise.all([createHarness(), createHarness({ TANDEM_WEBHOOK_ALLOW_PRIVATE: '1' }), startWebhookReceiver()]);
  [adminS, adminO] = await Promise.all([setupAdmin(strict.app), setupAdmin(open.app)]);
  sales = (await addMember(strict.app, adminS, 'acme', 'sal@acme.test', 'sales')).client;
  wsO = (await call(open.app, adminO, 'GET', '/api/v1/workspaces/acme')).json().id;
});
afterAll(async () => {
  await receiver?.close();
  await Promise.all([strict?.close(), open?.close()]);
});

const rejection = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
};

function importEvent(): DeliveryEvent {
  const envelope: EventEnvelope = {
    id: randomUUID(),
    type: 'import.completed',
    version: 1,
    workspace: { id: wsO, slug: 'acme' },
    occurredAt: new Date().toISOString(),
    data: {
      importId: randomUUID(),
      kind: 'deals',
      fileName: 'q3.csv',
      source: 'salesforce',
      counts: { rows: 10, created: 4, updated: 3, unchanged: 3, removed: 0, invalid: 0 },
      importedBy: { userId: null, name: 'Ada Admin' },
    },
  };
  return { envelope, type: 'import.completed', private: { inviteUrl: 'https://tandem.test/invite/SECRET-LINK' }, workspaceName: 'Acme' };
}

const targetOf = (sub: { id: string; url: string }, channel: 'webhook' | 'slack' = 'webhook'): DeliveryTarget => ({
  id: randomUUID(),
  workspaceId: wsO,
  channel,
  target: sub.url,
  targetId: sub.id,
  attempt: 1,
});

async function subscribe(url = receiver.url) {
  const res = await call(open.app, adminO, 'POST', '/api/v1/workspaces/acme/webhooks', { body: { url, eventTypes: ['import.completed', 'deal.stage_changed'] } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; url: string; secret: string; enabled: boolean };
}

describe('net guard', () => {
  it('refuses every non-public address kind', () => {
    expect(forbiddenReason('8.8.8.8')).toBeNull();
    expect(forbiddenReason('2606:4700::1111')).toBeNull();
    expect(forbiddenReason('10.1.2.3')).toMatch(/private/);
    expect(forbiddenReason('127.0.0.1')).toMatch(/loopback/);
    expect(forbiddenReason('::1')).toMatch(/loopback/);
    expect(forbiddenReason('169.254.169.254')).toMatch(/link-local/);
    expect(forbiddenReason('fd00::1')).toMatch(/unique-local/);
    expect(forbiddenReason('0.0.0.0')).toMatch(/unspecified/);
    expect(forbiddenReason('224.0.0.1')).toMatch(/multicast/);
    expect(forbiddenReason('100.64.0.1')).toMatch(/carrier-grade/);
    expect(forbiddenReason('::ffff:192.168.1.1')).toMatch(/private/);
    expect(forbiddenReason('64:ff9b::a00:1')).toMatch(/NAT64.*10\.0\.0\.1, a private address/);
  });

  it('checks URLs: absolute, https, public', async () => {
    expect((await rejection(checkTargetUrl('not a url', { allowPrivate: false }))).code).toBe('WEBHOOK_URL_INVALID');
    expect((await rejection(checkTargetUrl('ftp://8.8.8.8/x', { allowPrivate: true }))).code).toBe('WEBHOOK_URL_INVALID');
    expect((await rejection(checkTargetUrl('http://8.8.8.8/x', { allowPrivate: false }))).detail).toMatch(/plain http/);
    expect((await rejection(checkTargetUrl('https://[::ffff:10.0.0.1]/x', { allowPrivate: false }))).code).toBe('WEBHOOK_TARGET_PRIVATE');
    expect((await checkTargetUrl('https://8.8.8.8/hook', { allowPrivate: false })).href).toBe('https://8.8.8.8/hook');
    expect((await checkTargetUrl('http://127.0.0.1:9/x', { allowPrivate: true })).port).toBe('9');
  });

  it('re-checks the address at connect time, so a name resolving to a private address is never called', async () => {
    const port = new URL(receiver.url).port;
    const before = receiver.deliveries.length;
    const r = await postOnce(new URL(`http://localhost:${port}/hooks`), '{}', {}, { allowPrivate: false });
    expect(r.error).toMatch(/loopback address; not connecting/);
    expect(receiver.deliveries.length).toBe(before);
  });

  it("the test receiver's check fails on a stale timestamp or a wrong secret", () => {
    const body = '{"a":1}';
    const now = Math.floor(Date.now() / 1000);
    const sign = (secret: string, ts: number) => `v1=${createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex')}`;
    expect(verify('s', { 'tandem-timestamp': String(now), 'tandem-signature': sign('s', now) }, body)).toBeNull();
    expect(verify('s', { 'tandem-timestamp': String(now - 301), 'tandem-signature': sign('s', now - 301) }, body)).toMatch(/older/);
    expect(verify('s', { 'tandem-timestamp': String(now), 'tandem-signature': sign('t', now) }, body)).toMatch(/mismatch/);
  });
});

describe('webhook and Slack settings (private targets not allowed)', () => {
  const post = (url: string, body: object) => call(strict.app, adminS, 'POST', `/api/v1/workspaces/acme/${url}`, { body });

  it('refuses a URL that is not a URL, or points at a private address, saying why', async () => {
    const bad = await post('webhooks', { url: 'not a url', eventTypes: ['import.completed'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'WEBHOOK_URL_INVALID', detail: expect.stringMatching(/not an absolute URL/) });

    const loop = await post('webhooks', { url: 'https://127.0.0.1/x', eventTypes: ['import.completed'] });
    expect(loop.statusCode).toBe(400);
    expect(loop.json()).toMatchObject({ code: 'WEBHOOK_TARGET_PRIVATE', detail: expect.stringMatching(/https:\/\/127\.0\.0\.1\/x" is a loopback address.*TANDEM_WEBHOOK_ALLOW_PRIVATE/) });

    const ten = await post('webhooks', { url: 'http://10.0.0.1', eventTypes: ['import.completed'] });
    expect(ten.statusCode).toBe(400);
    expect(ten.json()).toMatchObject({ code: 'WEBHOOK_TARGET_PRIVATE', detail: expect.stringMatching(/10\.0\.0\.1" is a private address/) });

    const list = await call(strict.app, adminS, 'GET', '/api/v1/workspaces/acme/webhooks');
    expect(list.json().items).toEqual([]);
  });

  it('refuses event types the channel does not carry', async () => {
    const res = await post('webhooks', { url: 'https://8.8.8.8/x', eventTypes: ['member.password_reset_requested'] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'WEBHOOK_EVENT_NOT_ALLOWED', detail: expect.stringMatching(/member.password_reset_requested/) });
    const slack = await post('slack-channels', { name: '#x', webhookUrl: 'https://hooks.slack.com/services/T/B/x', eventTypes: ['token.created'] });
    expect(slack.json().code).toBe('SLACK_EVENT_NOT_ALLOWED');
  });

  it('takes only Slack incoming-webhook URLs for Slack channels', async () => {
    const res = await post('slack-channels', { name: '#sales', webhookUrl: 'https://example.com/services/x', eventTypes: ['import.completed'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('SLACK_URL_INVALID');
  });

  it('are for admins only: a sales user gets 403 on every route', async () => {
    const id = randomUUID();
    const routes: ['GET' | 'POST' | 'PATCH' | 'DELETE', string][] = [
      ['GET', 'webhooks'],
      ['POST', 'webhooks'],
      ['PATCH', `webhooks/${id}`],
      ['DELETE', `webhooks/${id}`],
      ['POST', `webhooks/${id}/test`],
      ['GET', 'slack-channels'],
      ['POST', 'slack-channels'],
      ['PATCH', `slack-channels/${id}`],
      ['DELETE', `slack-channels/${id}`],
      ['POST', `slack-channels/${id}/test`],
    ];
    for (const [method, path] of routes) {
      const res = await call(strict.app, sales, method, `/api/v1/workspaces/acme/${path}`, { body: method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${method} ${path}`).toBe(403);
    }
  });
});

describe('webhook deliveries', () => {
  it('are signed so that the receiver verifies them, and carry only the envelope', async () => {
    const sub = await subscribe();
    expect(sub.secret).toMatch(/^whsec_[\w-]{43}$/);
    receiver.secret = sub.secret;
    const sender = createWebhookSender(open.services.deps, open.services.integrations);
    const event = importEvent();
    const result = await sender.send(targetOf(sub), event);
    expect(result).toMatchObject({ ok: true, statusCode: 200 });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);

    const got = receiver.deliveries.at(-1)!;
    expect(got.rejected).toBeNull();
    expect(got.json).toEqual(event.envelope);
    expect(got.body).not.toContain('SECRET-LINK');
    expect(got.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'Tandem-Webhooks/1',
      'tandem-event-id': event.envelope.id,
      'tandem-event-type': 'import.completed',
    });
  });

  it('reports a non-2xx answer as a failed attempt with its status code', async () => {
    const sub = await subscribe();
    receiver.secret = sub.secret;
    receiver.script(500);
    const result = await createWebhookSender(open.services.deps, open.services.integrations).send(targetOf(sub), importEvent());
    expect(result).toMatchObject({ ok: false, statusCode: 500, error: expect.stringMatching(/^HTTP 500/) });
    expect('permanent' in result && result.permanent).toBeFalsy();
  });

  it('gives up on a receiver that never answers after the timeout', async () => {
    const sub = await subscribe();
    receiver.secret = sub.secret;
    receiver.script('hang');
    const before = receiver.deliveries.length;
    // Behaviour, not time: the request reached the receiver, which never answered, and the attempt
    // ends as a retryable timeout naming the limit (the test would hang past vitest's limit otherwise).
    const result = await createWebhookSender(open.services.deps, open.services.integrations, { timeoutMs: 300 }).send(targetOf(sub), importEvent());
    expect(receiver.deliveries.slice(before)).toEqual([expect.objectContaining({ answered: 'hang', rejected: null })]);
    expect(result).toMatchObject({ ok: false, statusCode: null, error: 'timed out after 0.3 s' });
    expect('permanent' in result && result.permanent).toBeFalsy();
  });

  it('fails permanently for a deleted or disabled subscription', async () => {
    const sender = createWebhookSender(open.services.deps, open.services.integrations);
    const sub = await subscribe();
    await call(open.app, adminO, 'PATCH', `/api/v1/workspaces/acme/webhooks/${sub.id}`, { body: { enabled: false } });
    expect(await sender.send(targetOf(sub), importEvent())).toMatchObject({ ok: false, permanent: true, error: expect.stringMatching(/disabled/) });
    expect((await call(open.app, adminO, 'DELETE', `/api/v1/workspaces/acme/webhooks/${sub.id}`)).statusCode).toBe(204);
    expect(await sender.send(targetOf(sub), importEvent())).toMatchObject({ ok: false, permanent: true, error: expect.stringMatching(/deleted/) });
  });

  it('can be tested from the API with a signed ping', async () => {
    const sub = await subscribe();
    receiver.secret = sub.secret;
    const res = await call(open.app, adminO, 'POST', `/api/v1/workspaces/acme/webhooks/${sub.id}/test`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, statusCode: 200, error: null });
    const got = receiver.deliveries.at(-1)!;
    expect(got.rejected).toBeNull();
    expect(got.json).toMatchObject({ type: 'ping', workspace: { slug: 'acme' }, data: { subscriptionId: sub.id } });

    receiver.secret = 'whsec_not-the-one';
    const wrong = await call(open.app, adminO, 'POST', `/api/v1/workspaces/acme/webhooks/${sub.id}/test`);
    expect(wrong.json()).toMatchObject({ ok: false, statusCode: 401 });
  });

  it('turn off after 20 events in a row end dead; a delivered one resets the count', async () => {
    const sub = await subscribe();
    const { integrations } = open.services;
    const target = targetOf(sub);
    for (let i = 0; i < 19; i++) expect((await integrations.onSettled(target, 'dead', 'HTTP 500')).disabled).toBe(false);
    await integrations.onSettled(target, 'delivered', null);
    for (let i = 0; i < 19; i++) expect((await integrations.onSettled(target, 'dead', 'HTTP 500')).disabled).toBe(false);
    const last = await integrations.onSettled(target, 'dead', 'HTTP 503: down');
    expect(last.disabled).toBe(true);
    expect(last.subscription).toMatchObject({ id: sub.id, enabled: false, consecutiveFailures: 20 });
    // Only the event that crossed the line reports it.
    expect((await integrations.onSettled(target, 'dead', 'HTTP 500')).disabled).toBe(false);

    const listed = (await call(open.app, adminO, 'GET', '/api/v1/workspaces/acme/webhooks')).json().items.find((s: { id: string }) => s.id === sub.id);
    expect(listed).toMatchObject({ enabled: false, disabledReason: expect.stringMatching(/20 events in a row.*HTTP 503: down/) });
    const audit = await call(open.app, adminO, 'GET', '/api/v1/workspaces/acme/audit', { query: { action: 'webhook.disabled' } });
    expect(audit.json().items).toEqual([expect.objectContaining({ targetId: sub.id, details: expect.objectContaining({ failedEvents: 20 }) })]);

    const on = await call(open.app, adminO, 'PATCH', `/api/v1/workspaces/acme/webhooks/${sub.id}`, { body: { enabled: true } });
    expect(on.json()).toMatchObject({ enabled: true, disabledReason: null });
    expect((await integrations.onSettled(target, 'dead', 'x')).subscription?.consecutiveFailures).toBe(1);
  });

  it('are audited and listed for the dispatcher by event type', async () => {
    const sub = await subscribe();
    const audit = await call(open.app, adminO, 'GET', '/api/v1/workspaces/acme/audit', { query: { action: 'webhook.created' } });
    expect(audit.json().items.map((i: { targetId: string }) => i.targetId)).toContain(sub.id);
    const { deps } = open.services;
    const stage = await deps.database.withTenant(wsO, (tx) => integrationsRepository.subscribersFor(tx, wsO, 'deal.stage_changed'));
    expect(stage.map((s) => s.id)).toContain(sub.id);
    const tokens = await deps.database.withTenant(wsO, (tx) => integrationsRepository.subscribersFor(tx, wsO, 'token.created'));
    expect(tokens.map((s) => s.id)).not.toContain(sub.id);
  });
});

describe('Slack deliveries', () => {
  it('post a Block Kit message with a link into Tandem, and hide the webhook secret in the list', async () => {
    receiver.secret = null;
    const url = `${receiver.url}/services/T000/B000/abcdefghijklmnopqrstuvwx`;
    const res = await call(open.app, adminO, 'POST', '/api/v1/workspaces/acme/slack-channels', { body: { name: '#sales', webhookUrl: url, eventTypes: ['import.completed'] } });
    expect(res.statusCode, res.body).toBe(201);
    const channel = res.json();
    expect(channel.webhookUrlMasked).toMatch(/\/services\/T000\/B000\/…uvwx$/);
    expect(JSON.stringify((await call(open.app, adminO, 'GET', '/api/v1/workspaces/acme/slack-channels')).json())).not.toContain('abcdefghijkl');

    const event = importEvent();
    const result = await createSlackSender(open.services.deps, open.services.integrations).send(targetOf({ id: channel.id, url: '#sales' }, 'slack'), event);
    expect(result).toMatchObject({ ok: true, statusCode: 200 });
    const got = receiver.deliveries.at(-1)!.json as { blocks: { type: string; text?: { text: string }; elements?: { url?: string; text: unknown }[] }[] };
    expect(got.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Import of q3.csv finished' } });
    expect(got.blocks.find((b) => b.type === 'actions')?.elements?.[0]?.url).toBe(`http://tandem.test/w/acme/imports/${(event.envelope.data as { importId: string }).importId}`);
    expect(got.blocks.at(-1)).toMatchObject({ type: 'context', elements: [{ text: expect.stringContaining('Acme') }] });

    const test = await call(open.app, adminO, 'POST', `/api/v1/workspaces/acme/slack-channels/${channel.id}/test`);
    expect(test.json()).toMatchObject({ ok: true });
    expect(receiver.deliveries.at(-1)!.body).toContain('Import finished');
  });
});
