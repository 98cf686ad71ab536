/**
 * API tests on the demo workspace without seeding it in every file: the demo (for one scale and seed) is seeded once
 * per run into a database of its own, with the data folder it writes (the demo's files); each harness clones both,
 * which takes well under a second instead of the seed's tens of seconds of CPU. What `seedDemo` returned is kept with
 * that database (its comment) and handed to every file. The first file to ask seeds it under a PostgreSQL advisory
 * lock; files running meanwhile wait for it. The run's teardown drops the database and its folder (pg-harness.ts).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { DEMO_LOGINS, DEMO_SLUG, seedDemo, type SeedOptions } from '../src/demo.ts';
import { call, createHarness, login, openApp, type Harness } from './app-harness.ts';
import { testPg, withDatabase } from './pg-harness.ts';

export type DemoSeed = Awaited<ReturnType<typeof seedDemo>>;

export async function createDemoHarness(opts: SeedOptions = {}, env: Record<string, string> = {}): Promise<{ h: Harness; seeded: DemoSeed }> {
  const p = testPg();
  // One per scale, seed and settings.
  const settings = Object.keys(env).length ? `_${createHash('sha256').update(JSON.stringify(Object.entries(env).sort())).digest('hex').slice(0, 8)}` : '';
  const database = `${p.template}_demo_${Math.round((opts.scale ?? 1) * 1000)}_${opts.seed ?? 42}${settings}`;
  const dataDir = path.join(os.tmpdir(), database);
  const c = new pg.Client({ connectionString: withDatabase(p.serverUrl, 'postgres') });
  await c.connect();
  let seeded: DemoSeed;
  try {
    await c.query('select pg_advisory_lock(hashtext($1))', [database]);
    const [row] = (await c.query<{ seeded: string | null }>(`select shobj_description(oid, 'pg_database') as seeded from pg_database where datname = $1`, [database])).rows;
    if (row?.seeded) seeded = JSON.parse(row.seeded) as DemoSeed;
    else {
      // Nothing, or what a file that died while seeding left: start over.
      if (row) await c.query(`drop database ${database} with (force)`);
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.mkdirSync(dataDir);
      await c.query(`create database ${database} template ${p.template}`);
      const app = await openApp(withDatabase(p.serverUrl, database), dataDir, env);
      try {
        seeded = await seedDemo(app.services, pino({ level: 'silent' }), opts);
      } finally {
        await app.close();
      }
      await c.query(`comment on database ${database} is ${c.escapeLiteral(JSON.stringify(seeded))}`);
    }
  } finally {
    await c.end();
  }
  return { h: await createHarness(env, { from: { database, dataDir } }), seeded };
}

/** Reads the demo workspace's API as one of the demo people (by role): `read('decisions?limit=10')`, 200 expected. */
export async function demoReader(h: Harness, role: string): Promise<<T>(path: string) => Promise<T>> {
  const demo = DEMO_LOGINS.find((l) => l.role === role);
  if (!demo) throw new Error(`no demo sign-in with the role ${role}`);
  const who = await login(h.app, demo.email, demo.password);
  return async <T>(path: string) => {
    const res = await call(h.app, who, 'GET', `/api/v1/workspaces/${DEMO_SLUG}/${path}`);
    if (res.statusCode !== 200) throw new Error(`GET ${path} answered ${res.statusCode}: ${res.body}`);
    return res.json() as T;
  };
}
