/**
 * `GET /metrics` in Prometheus text format (prom-client): off unless TANDEM_METRICS=1, and then only with
 * `Authorization: Bearer <TANDEM_METRICS_TOKEN>` (config refuses the one without the other). Per process: request
 * counts and latencies by route template (never the raw URL: bounded labels), the connection pool, Node's own
 * (memory, event-loop lag, GC). From the database at each scrape, so every process answers the same for the shared
 * work: job-queue depth and age (pg-boss), notification deliveries failed/dead/pending and the oldest pending,
 * import durations over the last 24 hours. docs/operations.md says what to alert on.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type pg from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface MetricsOptions {
  pool: pg.Pool;
  token: string;
}

/** Latency buckets in seconds: 5 ms … 10 s. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Reads the shared figures once per scrape; a missing table (no pg-boss schema yet) reads as nothing. */
async function rows<T extends pg.QueryResultRow>(pool: pg.Pool, sql: string): Promise<T[]> {
  try {
    return (await pool.query<T>(sql)).rows;
  } catch {
    return [];
  }
}

export function createMetrics(opts: Pick<MetricsOptions, 'pool'>) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'tandem_' });
  const requests = new Counter({
    name: 'tandem_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status code',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'tandem_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route template',
    labelNames: ['method', 'route'],
    buckets: BUCKETS,
    registers: [registry],
  });
  const { pool } = opts;
  new Gauge({
    name: 'tandem_db_pool_connections',
    help: "This process's database connections (the owner pool): total open, idle, and requests waiting for one",
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
  const queueDepth = new Gauge({ name: 'tandem_job_queue_depth', help: 'Jobs waiting to run (created or retry), by queue', labelNames: ['queue'], registers: [registry] });
  const queueAge = new Gauge({ name: 'tandem_job_queue_oldest_seconds', help: 'Age of the oldest job waiting to run, by queue', labelNames: ['queue'], registers: [registry] });
  const deliveries = new Gauge({
    name: 'tandem_deliveries',
    help: 'Notification deliveries (email, Slack, webhooks) by status: pending (digests waiting for their daily send left out), failed (will retry), dead (gave up)',
    labelNames: ['status'],
    registers: [registry],
  });
  const deliveryAge = new Gauge({ name: 'tandem_delivery_oldest_pending_seconds', help: 'Age of the oldest pending delivery (digests left out)', registers: [registry] });
  const imports = new Gauge({
    name: 'tandem_import_duration_seconds',
    help: 'Duration of the imports that finished in the last 24 hours (quantile 0.5, 0.95, 1)',
    labelNames: ['quantile'],
    registers: [registry],
  });
  const importsDone = new Gauge({ name: 'tandem_imports_finished_24h', help: 'Imports finished in the last 24 hours, by status', labelNames: ['status'], registers: [registry] });

  async function readShared(): Promise<void> {
    const [jobs, dels, imp, impCount] = await Promise.all([
      rows<{ name: string; n: string; age: string }>(
        pool,
        `select name, count(*)::text as n, coalesce(extract(epoch from now() - min(created_on)), 0)::text as age
           from pgboss.job where state in ('created', 'retry') group by name`,
      ),
      rows<{ status: string; n: string; age: string | null }>(
        pool,
        // A pending digest waits for its daily send on purpose (up to a day): it is neither late nor a failure.
        `select status, count(*)::text as n, extract(epoch from now() - min(created_at))::text as age
           from deliveries where status in ('failed', 'dead') or (status = 'pending' and channel <> 'digest') group by status`,
      ),
      rows<{ p50: string | null; p95: string | null; max: string | null }>(
        pool,
        `select percentile_cont(0.5) within group (order by d)::text as p50, percentile_cont(0.95) within group (order by d)::text as p95, max(d)::text as max
           from (select extract(epoch from finished_at - started_at) as d from imports
                  where finished_at > now() - interval '24 hours' and started_at is not null) x`,
      ),
      rows<{ status: string; n: string }>(pool, `select status, count(*)::text as n from imports where finished_at > now() - interval '24 hours' group by status`),
    ]);
    queueDepth.reset();
    queueAge.reset();
    for (const j of jobs) {
      queueDepth.set({ queue: j.name }, Number(j.n));
      queueAge.set({ queue: j.name }, Number(j.age));
    }
    deliveries.reset();
    for (const s of ['pending', 'failed', 'dead']) deliveries.set({ status: s }, Number(dels.find((d) => d.status === s)?.n ?? 0));
    deliveryAge.set(Number(dels.find((d) => d.status === 'pending')?.age ?? 0));
    imports.reset();
    const q = imp[0];
    if (q?.max) for (const [k, v] of [['0.5', q.p50], ['0.95', q.p95], ['1', q.max]] as const) imports.set({ quantile: k }, Number(v));
    importsDone.reset();
    for (const r of impCount) importsDone.set({ status: r.status }, Number(r.n));
  }

  return {
    registry,
    observe(method: string, route: string, status: number, seconds: number) {
      requests.inc({ method, route, status: String(status) });
      latency.observe({ method, route }, seconds);
    },
    async render(): Promise<string> {
      await readShared();
      return registry.metrics();
    },
  };
}

function sameToken(given: string | undefined, token: string): boolean {
  const m = /^Bearer (.+)$/.exec(given ?? '');
  if (!m) return false;
  const a = Buffer.from(m[1]!);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const metricsPlugin = fp(
  async (app: FastifyInstance, opts: MetricsOptions) => {
    const metrics = createMetrics(opts);
    app.addHook('onResponse', async (req, reply) => {
      // The route template (`/api/v1/workspaces/:workspace/deals`), or one label for everything unmatched.
      const route = req.routeOptions.url ?? 'unmatched';
      if (route === '/metrics') return;
      metrics.observe(req.method, route, reply.statusCode, reply.elapsedTime / 1000);
    });
    app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
      if (!sameToken(req.headers.authorization, opts.token)) {
        return reply.code(401).header('www-authenticate', 'Bearer realm="tandem-metrics"').type('text/plain').send('metrics need the bearer token (TANDEM_METRICS_TOKEN)\n');
      }
      return reply.type(metrics.registry.contentType).send(await metrics.render());
    });
  },
  { name: 'tandem-metrics' },
);
