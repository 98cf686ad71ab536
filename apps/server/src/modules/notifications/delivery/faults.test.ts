/**
 * The faults issue 4 asks to survive: a worker killed mid-delivery (kill -9 of a
 * real `tandem worker` process), and two workers sharing one queue.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createHarness, setupAdmin, type Client, type Harness } from '../../../../test/app-harness.ts';
import { startJobQueue, type JobQueue } from './jobs.ts';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../bin/tandem.js');

let h: Harness;
let admin: Client;
let dataDir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  h = await createHarness({ TANDEM_WEBHOOK_ALLOW_PRIVATE: '1' });
  admin = await setupAdmin(h.app);
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-faults-'));
});
afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  await h?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

function worker(): ChildProcess {
  const child = spawn(process.execPath, [BIN, 'worker'], {
    env: {
      ...process.env,
      DATABASE_URL: h.url,
      TANDEM_DATA_DIR: dataDir,
      TANDEM_WEBHOOK_ALLOW_PRIVATE: '1',
      TANDEM_JOB_TIMEOUT_SECONDS: '2',
      TANDEM_PUBLIC_URL: 'http://tandem.test',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  return child;
}

async function until<T>(what: string, fn: () => Promise<T | undefined> | T | undefined, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a worker killed mid-delivery', () => {
  it('after restart: the inbox has the notification exactly once, the webhook gets it again with the same event id', async () => {
    // A receiver that never answers the first request (the worker is killed while it waits), then answers 200.
    const received: { eventId: string; answered: boolean }[] = [];
    const receiver = http.createServer((req, res) => {
      req.resume();
      const entry = { eventId: String(req.headers['tandem-event-id']), answered: received.length > 0 };
      received.push(entry);
      if (entry.answered) res.end('ok');
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const port = (receiver.address() as { port: number }).port;
    try {
      const sub = await call(h.app, admin, 'POST', '/api/v1/workspaces/acme/webhooks', {
        body: { url: `http://127.0.0.1:${port}/hook`, eventTypes: ['member.role_changed'] },
      });
      expect(sub.statusCode).toBe(201);
      const sam = await addMember(h.app, admin, 'acme', 'sam@acme.test', 'sales', 'Sam Seller');

      // The change commits while no worker runs: nothing is delivered yet.
      expect((await call(h.app, admin, 'PATCH', `/api/v1/workspaces/acme/members/${sam.userId}`, { body: { role: 'sales_lead' } })).statusCode).toBe(200);
      const event = (await h.services.deps.database.pool.query("select id from events where type = 'member.role_changed'")).rows[0] as { id: string };

      const first = worker();
      await until('the first delivery attempt', () => received.length >= 1);
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));

      worker();
      await until('the redelivery', () => received.some((r) => r.answered), 90_000);
      expect(new Set(received.map((r) => r.eventId))).toEqual(new Set([event.id]));
      const inbox = await h.services.deps.database.pool.query('select count(*)::int as n from inbox_items where user_id = $1 and event_id = $2', [sam.userId, event.id]);
      expect(inbox.rows[0].n).toBe(1);
      const delivery = await until('the delivery to be recorded', async () => {
        const r = await h.services.deps.database.pool.query("select * from deliveries where channel = 'webhook' and event_id = $1 and status = 'delivered'", [event.id]);
        return r.rows[0];
      });
      expect(delivery.target).toBe(`http://127.0.0.1:${port}/hook`);
    } finally {
      receiver.closeAllConnections();
      await new Promise((r) => receiver.close(r));
    }
  }, 150_000);
});

describe('two workers on one PostgreSQL', () => {
  const queues: JobQueue[] = [];
  afterAll(async () => {
    for (const q of queues) await q.stop();
  });

  it('process 1,000 jobs: none lost, none run twice at the same time', async () => {
    const log = pino({ level: 'silent' });
    const runs = new Map<string, number>();
    const running = new Set<string>();
    let overlaps = 0;
    const handler = (who: string) => async (jobs: { id: string; data: { n: number } }[]) => {
      for (const job of jobs) {
        if (running.has(job.id)) overlaps++;
        running.add(job.id);
        await new Promise((r) => setTimeout(r, Math.random() * 3));
        runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
        running.delete(job.id);
        byWorker[who] = (byWorker[who] ?? 0) + 1;
      }
    };
    const byWorker: Record<string, number> = {};
    for (const who of ['one', 'two']) {
      const q = await startJobQueue(h.url, log, { timeoutSeconds: 60 });
      queues.push(q);
      if (!(await q.boss.getQueue('fault-test'))) await q.boss.createQueue('fault-test');
      for (let i = 0; i < 2; i++) await q.boss.work<{ n: number }>('fault-test', { batchSize: 25, pollingIntervalSeconds: 1 }, handler(who));
    }
    await queues[0]!.boss.insert(Array.from({ length: 1000 }, (_, n) => ({ name: 'fault-test', data: { n } })));
    await until('1,000 jobs done', () => [...runs.values()].reduce((a, b) => a + b, 0) >= 1000, 120_000);
    await new Promise((r) => setTimeout(r, 1500)); // any job run twice would show up now
    expect(runs.size).toBe(1000);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect(overlaps).toBe(0);
    // Both workers took part.
    expect(byWorker.one).toBeGreaterThan(0);
    expect(byWorker.two).toBeGreaterThan(0);
  }, 150_000);
});
