/**
 * A webhook receiver for tests: verifies signatures the way docs/webhooks.md
 * tells customers to (its own code, not the sender's), records what arrives,
 * and answers as scripted (e.g. 500 three times, then 200; or never).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  headers: http.IncomingHttpHeaders;
  body: string;
  json: unknown;
  /** Null when the signature verifies, else why not. */
  rejected: string | null;
  answered: number | 'hang';
}

export type Answer = number | 'hang';

export interface WebhookReceiver {
  url: string;
  deliveries: ReceivedDelivery[];
  /** The secret to verify with (none: accept unsigned, e.g. for Slack). */
  secret: string | null;
  /** Answers for the next requests, in order; afterwards 200. */
  script(...answers: Answer[]): void;
  close(): Promise<void>;
}

const MAX_AGE_SECONDS = 300;

export function verify(secret: string, headers: http.IncomingHttpHeaders, body: string, nowSeconds = Date.now() / 1000): string | null {
  const timestamp = Number(headers['tandem-timestamp']);
  const signature = String(headers['tandem-signature'] ?? '');
  if (!Number.isInteger(timestamp)) return 'no timestamp';
  if (Math.abs(nowSeconds - timestamp) > MAX_AGE_SECONDS) return 'timestamp older than 5 minutes';
  const expected = Buffer.from(`v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : 'signature mismatch';
}

export async function startWebhookReceiver(secret: string | null = null): Promise<WebhookReceiver> {
  const queue: Answer[] = [];
  const deliveries: ReceivedDelivery[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const rejected = receiver.secret ? verify(receiver.secret, req.headers, body) : null;
      const answer: Answer = rejected ? 401 : (queue.shift() ?? 200);
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {
        // recorded as text only
      }
      deliveries.push({ headers: req.headers, body, json, rejected, answered: answer });
      if (answer === 'hang') return; // never answer; close() ends the socket
      res.writeHead(answer, { 'content-type': 'text/plain' }).end(rejected ?? (answer < 300 ? 'ok' : 'scripted failure'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const receiver: WebhookReceiver = {
    url: `http://127.0.0.1:${port}/hooks`,
    deliveries,
    secret,
    script: (...answers) => void queue.push(...answers),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return receiver;
}
