/**
 * PostgreSQL dropping while an import runs: the process stays up, the import ends failed with a plain
 * message and nothing half-merged, and the app answers again once the database is back — first by
 * terminating the import's backend (cheap, deterministic), then by stopping a private server for real;
 * and the workers' own connections (the event listener, the job queue) terminated under them.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { ensureDatabase, ensureEmbeddedPostgres, type EmbeddedServer } from '../src/db/embedded.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { cliActor } from '../src/lib/context.ts';
import { startNotificationWorkers } from '../src/modules/notifications/delivery/start-workers.ts';
import type { Workers } from '../src/modules/notifications/delivery/worker.ts';
import { resolveSecret } from '../src/modules/system/index.ts';
import { createServices } from '../src/services.ts';
import { call, createHarness, setupAdmin, type Client, type Harness, type TestApp } from './app-harness.ts';

const ROWS = 80_000;
let tmp: string;
let bigCsv: string;
/** Errors nobody handled while a test ran: an unhandled 'error' event of a pg client lands here (and would end a real process). */
const uncaught: unknown[] = [];
const onUncaught = (e: unknown) => uncaught.push(e);

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-drop-'));
  await fs.chmod(tmp, 0o755);
  const lines = ['"Opportunity ID","Opportunity Name","Account Name","Amount","Close Date","Stage"'];
  for (let i = 0; i < ROWS; i++) lines.push(`"006X${String(i).padStart(11, '0')}","Deal ${i}","Account ${i % 500}","${1000 + i}","2025-03-01","Prospecting"`);
  bigCsv = path.join(tmp, 'big.csv');
  await fs.writeFile(bigCsv, lines.join('\n') + '\n');
  process.on('uncaughtException', onUncaught);
});
afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  await fs.rm(tmp, { recursive: true, force: true });
});

async function adminQuery<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text, values)).rows;
  } finally {
    await c.end();
  }
}

/** The backend holding an import's advisory lock in that database, once it has one. */
async function importBackend(url: string): Promise<number> {
  for (;;) {
    const rows = await adminQuery<{ pid: number }>(
      url,
      `select l.pid from pg_locks l join pg_stat_activity a on a.pid = l.pid
        where l.locktype = 'advisory' and a.datname = current_database() limit 1`,
    );
    if (rows[0]) return rows[0].pid;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function importRows(url: string, workspaceId: string) {
  return adminQuery<{ status: string; error: string | null }>(url, 'select status, error from imports where workspace_id = $1', [workspaceId]);
}
async function dealCount(url: string, workspaceId: string) {
  return Number((await adminQuery<{ n: string }>(url, 'select count(*) as n from deals where workspace_id = $1', [workspaceId]))[0]!.n);
}

describe('an import whose database connection is terminated', () => {
  let h: Harness;
  let admin: Client;
  let wsId: string;
  beforeAll(async () => {
    h = await createHarness();
    admin = await setupAdmin(h.app);
    wsId = (await call(h.app, admin, 'GET', '/api/v1/workspaces/acme')).json().id;
  });
  afterAll(async () => h?.close());

  it('fails that import cleanly, keeps the process up and answers the next request', async () => {
    uncaught.length = 0;
    const running = h.services.imports.runFile({ workspaceId: wsId, actor: cliActor('test') }, bigCsv, { kind: 'deals', format: 'salesforce' });
    const outcome = running.then(
      () => 'completed',
      (e: Error) => e,
    );
    const pid = await importBackend(h.url);
    await adminQuery(h.url, 'select pg_terminate_backend($1)', [pid]);
    expect(await outcome).toBeInstanceOf(Error);
    // Give a late 'error' event on the dead client its chance to surface.
    await new Promise((r) => setTimeout(r, 200));
    expect(uncaught).toEqual([]);

    const rows = await importRows(h.url, wsId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe('failed');
    expect(rows[0]!.error).toMatch(/database connection was lost.*nothing was imported/i);
    expect(await dealCount(h.url, wsId)).toBe(0);
    // Staging is a temporary table of the dead session: nothing of it is left.
    expect(await adminQuery(h.url, "select 1 from pg_class where relname like '%staging%' and relpersistence = 't'")).toEqual([]);

    const next = await call(h.app, admin, 'GET', '/api/v1/workspaces/acme/deals');
    expect(next.statusCode).toBe(200);
  });
});

describe('an import while its PostgreSQL server stops', () => {
  let server: EmbeddedServer | undefined;
  let dataDir: string;
  afterAll(async () => {
    await server?.stop().catch(() => undefined);
  });

  it('fails that import once the server is back, with the process up throughout, and the app answers again', async () => {
    uncaught.length = 0;
    dataDir = path.join(tmp, 'pgdata');
    await fs.mkdir(dataDir);
    await fs.chmod(dataDir, 0o755);
    server = await ensureEmbeddedPostgres({ dataDir, role: 'owner' });
    const u = new URL(server.url);
    u.pathname = '/tandem';
    const url = u.toString();
    await ensureDatabase(url);
    await runMigrations(url);

    const appData = path.join(tmp, 'appdata');
    await fs.mkdir(appData);
    const config = loadConfig({ TANDEM_DEMO: '0', LOG_LEVEL: 'silent', TANDEM_PUBLIC_URL: 'http://tandem.test', TANDEM_DATA_DIR: appData });
    const database = openDatabase(url, { max: 5 });
    const log = pino({ level: 'silent' });
    const secret = await resolveSecret(database.db, config.TANDEM_SECRET);
    const services = createServices({ config, database, secret, log });
    const app: TestApp = await buildApp({ services, logger: log, webDist: false });
    await app.ready();
    try {
      const admin = await setupAdmin(app);
      const wsId = (await call(app, admin, 'GET', '/api/v1/workspaces/acme')).json().id as string;

      const outcome = services.imports.runFile({ workspaceId: wsId, actor: cliActor('test') }, bigCsv, { kind: 'deals', format: 'salesforce' }).then(
        () => 'completed',
        (e: Error) => e,
      );
      await importBackend(url);
      await server.stop();
      expect(await outcome).toBeInstanceOf(Error);
      const down = await call(app, admin, 'GET', '/api/v1/workspaces/acme/deals');
      expect(down.statusCode).toBeGreaterThanOrEqual(500);
      expect(uncaught).toEqual([]);

      server = await ensureEmbeddedPostgres({ dataDir, role: 'owner' });
      expect(server.url.split('@')[1]!.split('/')[0]).toBe(u.host);
      const next = await call(app, admin, 'GET', '/api/v1/workspaces/acme/deals');
      expect(next.statusCode).toBe(200);
      expect(next.json().total).toBe(0);
      // The failure is recorded once the database answers again (it retries in the background).
      let rows = await importRows(url, wsId);
      for (let i = 0; i < 100 && rows[0]?.status === 'running'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        rows = await importRows(url, wsId);
      }
      expect(rows).toHaveLength(1);
      expect(rows[0]!.status).toBe('failed');
      expect(rows[0]!.error).toMatch(/database connection was lost.*nothing was imported/i);
      expect(uncaught).toEqual([]);
    } finally {
      await app.close();
      await database.close().catch(() => undefined);
    }
    // Starting a private PostgreSQL (initdb) twice takes a while on a busy machine.
  }, 180_000);
});

describe('the workers when their connections are terminated', () => {
  let h: Harness;
  let workers: Workers | undefined;
  beforeAll(async () => {
    h = await createHarness();
    workers = await startNotificationWorkers(h.services.deps, h.services.integrations, h.url, { pollMs: 60_000 });
  });
  afterAll(async () => {
    await workers?.stop();
    await h?.close();
  });

  it('keep the process up, and the event listener listens again', async () => {
    uncaught.length = 0;
    const listeners = () =>
      adminQuery<{ pid: number }>(h.url, "select pid from pg_stat_activity where datname = current_database() and application_name = 'tandem-events' and query ilike 'listen%'");
    const [before] = await listeners();
    expect(before).toBeDefined();
    await adminQuery(h.url, "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name in ('tandem-events', 'tandem-jobs')");
    let after = await listeners();
    for (let i = 0; i < 100 && !after.some((r) => r.pid !== before!.pid); i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await listeners();
    }
    expect(after.map((r) => r.pid)).not.toContain(before!.pid);
    expect(after).toHaveLength(1);
    expect(uncaught).toEqual([]);
  });
});
