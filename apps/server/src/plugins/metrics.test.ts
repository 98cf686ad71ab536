import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { call, createHarness, setupAdmin, type Harness } from '../../test/app-harness.ts';
import { loadConfig } from '../config.ts';

const TOKEN = 'metrics-token-for-tests-0123';
let on: Harness;
let off: Harness;

beforeAll(async () => {
  [on, off] = await Promise.all([createHarness({ TANDEM_METRICS: '1', TANDEM_METRICS_TOKEN: TOKEN }), createHarness()]);
});
afterAll(async () => {
  await Promise.all([on?.close(), off?.close()]);
});

describe('GET /metrics', () => {
  it('is not there unless TANDEM_METRICS=1, and cannot be turned on without a token', async () => {
    expect((await call(off.app, null, 'GET', '/metrics')).statusCode).toBe(404);
    expect(() => loadConfig({ TANDEM_METRICS: '1' })).toThrow(/TANDEM_METRICS_TOKEN/);
    expect(() => loadConfig({ TANDEM_METRICS: '1', TANDEM_METRICS_TOKEN: 'short' })).toThrow(/at least 16/);
  });

  it('refuses a scrape without the bearer token or with another one', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong-token-wrong-token' }, { authorization: TOKEN }] as Record<string, string>[]) {
      const res = await call(on.app, null, 'GET', '/metrics', { headers });
      expect(res.statusCode).toBe(401);
      expect(res.body).not.toContain('tandem_http');
    }
  });

  it('answers Prometheus text: requests by route template and status, latencies, pool, deliveries, jobs, imports', async () => {
    await call(on.app, null, 'GET', '/healthz');
    await call(on.app, null, 'GET', '/api/v1/workspaces/nowhere/deals');
    const res = await call(on.app, null, 'GET', '/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const body = res.body;
    expect(body).toMatch(/tandem_http_requests_total\{method="GET",route="\/healthz",status="200"\} 1/);
    // The template, never the raw URL: one series however many workspaces.
    expect(body).toMatch(/route="\/api\/v1\/workspaces\/:workspace\/deals",status="401"/);
    expect(body).not.toContain('nowhere');
    expect(body).toMatch(/tandem_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/healthz"\}/);
    expect(body).toMatch(/tandem_db_pool_connections\{state="total"\} \d+/);
    expect(body).toMatch(/tandem_deliveries\{status="failed"\} 0/);
    expect(body).toMatch(/tandem_delivery_oldest_pending_seconds 0/);
    expect(body).toContain('# TYPE tandem_job_queue_depth gauge');
    expect(body).toContain('# TYPE tandem_import_duration_seconds gauge');
    expect(body).toContain('tandem_process_resident_memory_bytes');
  });

  it('counts late and failed deliveries, not the digests waiting for their daily send', async () => {
    await setupAdmin(on.app);
    const { db } = on.services.deps.database;
    const ws = String((await db.execute(sql`select id from workspaces where slug = 'acme'`)).rows[0]!.id);
    const ev = String((await db.execute(sql`insert into events (workspace_id, type, version, payload) values (${ws}, 'test.event', 1, '{}') returning id`)).rows[0]!.id);
    const add = (channel: string, status: string, target: string, ago: string) =>
      db.execute(sql`insert into deliveries (workspace_id, event_id, event_type, channel, target, status, created_at)
                     values (${ws}, ${ev}, 'test.event', ${channel}, ${target}, ${status}, now() - ${ago}::interval)`);
    await add('digest', 'pending', 'rep@acme.test', '5 hours');
    await add('email', 'pending', 'lead@acme.test', '2 minutes');
    await add('webhook', 'dead', 'https://hooks.example.com/x', '1 day');
    const body = (await call(on.app, null, 'GET', '/metrics', { headers: { authorization: `Bearer ${TOKEN}` } })).body;
    expect(body).toMatch(/tandem_deliveries\{status="pending"\} 1\n/);
    expect(body).toMatch(/tandem_deliveries\{status="dead"\} 1\n/);
    const age = Number(/tandem_delivery_oldest_pending_seconds ([\d.]+)/.exec(body)![1]);
    expect(age).toBeGreaterThanOrEqual(119);
    expect(age).toBeLessThan(600);
  });
});
