/**
 * TANDEM_WEBHOOK_ALLOW_HOSTS opens one receiver on the private network (the browser tests'
 * receiver, a company's internal endpoint) and nothing else: other private addresses, IPv6 forms
 * carrying private IPv4 addresses, and Slack URLs off hooks.slack.com stay refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createHarness, setupAdmin, type Client, type Harness } from '../../../../test/app-harness.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../../../test/webhook-receiver.ts';

let h: Harness;
let admin: Client;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  h = await createHarness({ TANDEM_WEBHOOK_ALLOW_HOSTS: new URL(receiver.url).host });
  admin = await setupAdmin(h.app);
});
afterAll(async () => {
  await receiver?.close();
  await h?.close();
});

const post = (path: string, body: object) => call(h.app, admin, 'POST', `/api/v1/workspaces/acme/${path}`, { body });

describe('TANDEM_WEBHOOK_ALLOW_HOSTS', () => {
  it('lets a webhook reach the listed receiver, signed, over http', async () => {
    const created = await post('webhooks', { url: receiver.url, eventTypes: ['import.completed'] });
    expect(created.statusCode, created.body).toBe(201);
    receiver.secret = created.json().secret;
    const test = await post(`webhooks/${created.json().id}/test`, {});
    expect(test.json()).toMatchObject({ ok: true, statusCode: 200 });
    expect(receiver.deliveries.at(-1)?.rejected).toBeNull();
  });

  it.each([
    ['another port on the same address', () => receiver.url.replace(/:(\d+)\//, (_, p: string) => `:${Number(p) + 1}/`)],
    ['the link-local metadata address in IPv4-compatible IPv6', () => 'https://[::169.254.169.254]/latest'],
    ['loopback in IPv4-compatible IPv6', () => 'https://[::127.0.0.1]/'],
    ['loopback in IPv4-mapped hex', () => 'https://[::ffff:7f00:1]/'],
    ['loopback through NAT64', () => 'https://[64:ff9b::127.0.0.1]/'],
    ['loopback through 6to4', () => 'https://[2002:7f00:1::1]/'],
  ])('still refuses %s', async (_what, url) => {
    const res = await post('webhooks', { url: url(), eventTypes: ['import.completed'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('WEBHOOK_TARGET_PRIVATE');
  });

  it('keeps the Slack host check: a Slack channel cannot point at the listed receiver', async () => {
    const res = await post('slack-channels', { name: '#sales', webhookUrl: receiver.url, eventTypes: ['import.completed'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('SLACK_URL_INVALID');
  });
});
