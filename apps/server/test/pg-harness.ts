/**
 * The PostgreSQL server tests run on: the embedded PostgreSQL 18 by default,
 * or the server of TEST_DATABASE_URL when TANDEM_TEST_PG=external (the
 * second run in CI, on PostgreSQL 15). Migrations run once into a template
 * database; each test file clones it, which takes about 50 ms.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { ensureDatabase, ensureEmbeddedPostgres, type EmbeddedServer } from '../src/db/embedded.ts';
import { runMigrations } from '../src/db/migrate.ts';

export interface TestPg {
  /** A URL on the test server; its database part is replaced per use. */
  serverUrl: string;
  template: string;
  label: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    tandemPg: TestPg;
  }
}

export function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/** Runs `fn` on a connection to the server's `postgres` database. */
export async function admin<T>(serverUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Starts (or connects to) the test server and migrates a template. Called once per run, in globalSetup. */
export async function startTestPg(): Promise<{ pg: TestPg; stop: () => Promise<void> }> {
  let embedded: EmbeddedServer | undefined;
  let dataDir: string | undefined;
  let serverUrl: string;
  let label: string;
  if (process.env.TANDEM_TEST_PG === 'external') {
    if (!process.env.TEST_DATABASE_URL) throw new Error('TANDEM_TEST_PG=external needs TEST_DATABASE_URL');
    serverUrl = process.env.TEST_DATABASE_URL;
    label = 'external (TEST_DATABASE_URL)';
  } else {
    // Under the system temp folder, which the postgres user can reach when tests run as root.
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-test-pg-'));
    fs.chmodSync(dataDir, 0o755);
    embedded = await ensureEmbeddedPostgres({ dataDir, role: 'owner' });
    serverUrl = embedded.url;
    await ensureDatabase(serverUrl);
    label = 'embedded PostgreSQL 18';
  }
  const template = `tandem_tpl_${randomBytes(4).toString('hex')}`;
  await admin(serverUrl, (c) => c.query(`create database ${template}`));
  await runMigrations(withDatabase(serverUrl, template));
  const version = await admin(serverUrl, async (c) => (await c.query('show server_version')).rows[0].server_version as string);
  label = `${label} ${version}`;
  return {
    pg: { serverUrl, template, label },
    async stop() {
      await admin(serverUrl, async (c) => {
        const { rows } = await c.query<{ datname: string }>(
          `select datname from pg_database where datname like $1 or datname = $2`,
          [`${template}_%`, template],
        );
        for (const r of rows) await c.query(`drop database if exists "${r.datname}" with (force)`);
      }).catch(() => undefined);
      await embedded?.stop();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      // The demo databases' data folders (demo-harness.ts).
      for (const d of fs.readdirSync(os.tmpdir())) if (d.startsWith(`${template}_`)) fs.rmSync(path.join(os.tmpdir(), d), { recursive: true, force: true });
    },
  };
}

export function testPg(): TestPg {
  return inject('tandemPg');
}

/**
 * A fresh database cloned from the migrated template (or from `from`, another database of this run that nobody is
 * connected to, e.g. the browser tests' demo template); returns its URL. Its name starts with the template's, so the
 * run's teardown drops it whatever happens.
 */
export async function createTestDatabase(from?: string): Promise<string> {
  const p = testPg();
  const name = `${p.template}_${randomBytes(5).toString('hex')}`;
  await admin(p.serverUrl, (c) => c.query(`create database ${name} template ${from ?? p.template}`));
  return withDatabase(p.serverUrl, name);
}

export async function dropTestDatabase(url: string): Promise<void> {
  const p = testPg();
  const name = new URL(url).pathname.slice(1);
  await admin(p.serverUrl, (c) => c.query(`drop database if exists "${name}" with (force)`)).catch(() => undefined);
}
