/**
 * Backup → restore → compare, across engines: the demo (small scale) on the test server (the embedded PostgreSQL 18
 * in the first `npm test` pass) is backed up and restored into a fresh database on TEST_DATABASE_URL's server (the
 * machine's PostgreSQL 15 in CI; the same server when it is unset), and every table's row count and a checksum of
 * its rows are equal, as are the library's files. Then what must be refused: a non-empty target, a truncated or
 * damaged archive (nothing changed); a database newer than the code. And the workspace export and the nightly rotation.
 */
import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import pino from 'pino';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo.ts';
import { runMigrations } from '../../db/migrate.ts';
import { applyMigrationsUpTo, knownMigrations } from '../../db/schema-version.ts';
import { createHarness, type Harness } from '../../../test/app-harness.ts';
import { createTestDatabase, dropTestDatabase, testPg } from '../../../test/pg-harness.ts';
import { localBlobStore } from '../blob-store/index.ts';
import { loadConfig } from '../../config.ts';
import { backupRecurringJobs, createBackup, exportWorkspace, listTables, nightlyBackupDir, quoteIdent, restoreBackup, RestoreRefused, runNightlyBackup } from './index.ts';

let h: Harness;
let tmp: string;
let archive: string;
const made: { server: string; db: string }[] = [];

/**
 * A new, empty database on the other engine (TEST_DATABASE_URL's server), or on the test server when it is unset;
 * a copy of `template` when given.
 */
async function emptyDatabase(template?: string, on: 'other engine' | 'test server' = 'other engine'): Promise<string> {
  const server = on === 'test server' ? testPg().serverUrl : (process.env.TEST_DATABASE_URL ?? testPg().serverUrl);
  // On the test server, named after its template so that the run's teardown drops it whatever happens.
  const db = `${on === 'test server' ? `${testPg().template}_up` : 'tandem_restore'}_${randomBytes(5).toString('hex')}`;
  await withClient(server, async (c) => {
    for (let attempt = 0; ; attempt++) {
      // A template's last session may still be closing: "being accessed by other users" for a moment.
      const r = await c.query(`create database ${db}${template ? ` template ${new URL(template).pathname.slice(1)}` : ''}`).catch((e: Error) => e);
      if (!(r instanceof Error)) return;
      if (attempt > 20 || !/being accessed/.test(r.message)) throw r;
      await new Promise((ok) => setTimeout(ok, 250));
    }
  });
  if (on === 'other engine') made.push({ server, db });
  const u = new URL(server);
  u.pathname = `/${db}`;
  return u.toString();
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');

/** Runs the real `tandem` binary (a new user's path: README → `npx tandem backup` / `restore`); its --json answer. */
function tandemCli(args: string[], env: Record<string, string>): Promise<Record<string, unknown>> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', TANDEM_PUBLIC_URL: 'http://backup.test', ...env };
  delete childEnv.TANDEM_SECRET;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(ROOT, 'apps/server/bin/tandem.js'), ...args, '--json'], { cwd: ROOT, env: childEnv, timeout: 120_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`tandem ${args[0]} failed: ${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as Record<string, unknown>),
    );
  });
}

async function dropDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const db = u.pathname.slice(1);
  u.pathname = '/postgres';
  await withClient(u.toString(), (c) => c.query(`drop database if exists ${quoteIdent(db)} with (force)`));
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Every table's row count and an md5 of its stored columns' rows, in a stable order. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  return withClient(url, async (c) => {
    await c.query("set timezone = 'UTC'; set extra_float_digits = 1");
    const out: Record<string, string> = {};
    for (const t of await listTables(c)) {
      const row = `row(${t.columns.map((x) => `t.${quoteIdent(x)}`).join(', ')})::text`;
      const { rows } = await c.query<{ n: string; sum: string }>(
        `select count(*)::text as n, md5(coalesce(string_agg(${row}, E'\\n' order by ${row}), '')) as sum from ${quoteIdent(t.name)} t`,
      );
      out[t.name] = `${rows[0]!.n} rows, ${rows[0]!.sum}`;
    }
    return out;
  });
}

async function files(root: string): Promise<string[]> {
  const list = (await fs.readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  return Promise.all(list.map(async (e) => `${path.relative(root, path.join(e.parentPath, e.name))} ${(await fs.stat(path.join(e.parentPath, e.name))).size}`)).then((l) => l.sort());
}

const tableCount = (url: string) =>
  withClient(url, async (c) => Number((await c.query(`select count(*) from pg_tables where schemaname in ('public', 'drizzle')`)).rows[0].count));

beforeAll(async () => {
  h = await createHarness();
  await seedDemo(h.services, pino({ level: 'silent' }), { scale: 0.1 });
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-backup-test-'));
  archive = path.join(tmp, 'backup.tar.gz');
  // Through the CLI, as the README says (the in-process createBackup is what it runs; the nightly test calls that).
  const backedUp = await tandemCli(['backup', archive], { DATABASE_URL: h.url, TANDEM_DATA_DIR: h.services.deps.config.dataDir });
  expect(backedUp).toMatchObject({ file: archive, files: expect.any(Number) });
  expect(backedUp.files).toBeGreaterThan(0);
}, 600_000);

afterAll(async () => {
  for (const m of made) await withClient(m.server, (c) => c.query(`drop database if exists ${m.db} with (force)`)).catch(() => undefined);
  await h?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
}, 600_000);

describe('backup and restore', () => {
  it('restores the demo into an empty database on the other engine: every table, row and file equal', { timeout: 120_000 }, async () => {
    const target = await emptyDatabase();
    // The CLI round trip: `tandem restore` into an empty database and a new data folder.
    const restoredData = path.join(tmp, 'restored-data');
    const blobsDir = path.join(restoredData, 'files');
    const r = (await tandemCli(['restore', archive], { DATABASE_URL: target, TANDEM_DATA_DIR: restoredData })) as { rows: number; migratedTo: string };
    expect(r.rows).toBeGreaterThan(1000);
    expect(r.migratedTo).toBe(knownMigrations().at(-1)!.tag);
    const [before, after] = await Promise.all([fingerprint(h.url), fingerprint(target)]);
    expect(Object.keys(after).length).toBeGreaterThan(40);
    expect(after).toEqual(before);
    const sourceFiles = await files(path.join(h.services.deps.config.dataDir, 'files'));
    expect(sourceFiles.length).toBeGreaterThan(0);
    expect(await files(blobsDir)).toEqual(sourceFiles);

    const again = await emptyDatabase();
    const refused = await restoreBackup({ databaseUrl: target, file: archive, blobs: null, target: 'the restored database' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RestoreRefused);
    expect((refused as Error).message).toMatch(/the restored database is not empty \(\d+ tables/);
    expect(await fingerprint(target)).toEqual(before);
    expect(await tableCount(again)).toBe(0);
  });

  it('refuses a truncated or damaged archive with a clear message and writes nothing', async () => {
    const whole = await fs.readFile(archive);
    const truncated = path.join(tmp, 'truncated.tar.gz');
    await fs.writeFile(truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const damaged = path.join(tmp, 'damaged.tar.gz');
    const flipped = Buffer.from(whole);
    flipped[Math.floor(flipped.length / 2)]! ^= 0xff;
    await fs.writeFile(damaged, flipped);
    const target = await emptyDatabase();
    const blobsDir = path.join(tmp, 'not-restored');
    for (const [file, why] of [
      [truncated, /truncated/],
      [damaged, /not a complete Tandem backup/],
    ] as const) {
      const e = await restoreBackup({ databaseUrl: target, file, blobs: localBlobStore(blobsDir), target: 'target' }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(RestoreRefused);
      expect((e as Error).message).toMatch(why);
      expect((e as Error).message).toMatch(/nothing was restored/);
    }
    // A backup a newer release made (a schema this one does not know): refused, naming the release to install.
    const newer = path.join(tmp, 'newer.tar.gz');
    const manifest = JSON.stringify({
      format: 'tandem-backup', formatVersion: 1, createdAt: new Date().toISOString(), tandemVersion: '9.4.0', server: 'PostgreSQL 18.4',
      schema: { tag: '0099_future', idx: 99, when: knownMigrations().at(-1)!.when + 1000 }, tables: [], sequences: [], files: { included: false, entries: [] },
    });
    const pack = tar.pack();
    pack.entry({ name: 'tandem-backup/manifest.json' }, manifest);
    pack.finalize();
    await pipeline(pack, createGzip(), createWriteStream(newer));
    const refusedNewer = await restoreBackup({ databaseUrl: target, file: newer, blobs: localBlobStore(blobsDir), target: 'target' }).catch((x: unknown) => x);
    expect(refusedNewer).toBeInstanceOf(RestoreRefused);
    expect((refusedNewer as Error).message).toMatch(/made by Tandem 9\.4\.0 with schema 0099_future.*install Tandem 9\.4\.0 or newer/);
    // A path with no file, or a folder: refused the same way (the read error must not escape as a crash).
    for (const [file, why] of [
      [path.join(tmp, 'no-such-backup.tar.gz'), /there is no file .*no-such-backup\.tar\.gz; nothing was restored/],
      [tmp, /cannot be read \(a folder\); nothing was restored/],
    ] as const) {
      const e = await restoreBackup({ databaseUrl: target, file, blobs: localBlobStore(blobsDir), target: 'target' }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(RestoreRefused);
      expect((e as Error).message).toMatch(why);
    }
    expect(await tableCount(target)).toBe(0);
    await expect(fs.readdir(blobsDir)).rejects.toThrow(/ENOENT/);
  });

  it('start refuses a database whose schema is newer than the code, naming the release to install', async () => {
    const url = await createTestDatabase();
    try {
      await withClient(url, async (c) => {
        await c.query(`insert into drizzle.__drizzle_migrations (hash, created_at) values ('future', $1)`, [knownMigrations().at(-1)!.when + 1000]);
        await c.query(`comment on table drizzle.__drizzle_migrations is 'tandem 9.4.0 schema 0099_future'`);
      });
      await expect(runMigrations(url)).rejects.toThrow(/schema \(0099_future\) is newer than this Tandem .* Install Tandem 9\.4\.0 or newer/);
    } finally {
      await dropTestDatabase(url);
    }
  });
});

async function unzip(file: string): Promise<Map<string, string>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(file, { lazyEntries: true }, (e, z) => (e ? reject(e) : resolve(z))));
  const out = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, async (e, s) => {
        if (e) return reject(e);
        const chunks: Buffer[] = [];
        for await (const c of s) chunks.push(c as Buffer);
        out.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
        zip.readEntry();
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return out;
}

describe('workspace export', () => {
  it("writes the workspace's records as CSV and JSON in a zip, without credentials", async () => {
    const file = path.join(tmp, 'northwind.zip');
    const r = await exportWorkspace({ databaseUrl: h.url, slug: 'northwind', file });
    expect(r?.rows).toBeGreaterThan(100);
    const entries = await unzip(file);
    const deals = JSON.parse(entries.get('json/deals.json')!) as { name: string }[];
    const count = await withClient(h.url, async (c) => Number((await c.query(`select count(*) from deals d join workspaces w on w.id = d.workspace_id where w.slug = 'northwind'`)).rows[0].count));
    expect(deals).toHaveLength(count);
    const csvLines = entries.get('csv/deals.csv')!.replace(/^\uFEFF/, '').trim().split('\n');
    expect(csvLines[0]).toMatch(/"workspace_id"/);
    expect(entries.get('csv/people.csv')).toContain('dana@northwind.example');
    for (const [name, body] of entries) {
      if (name.startsWith('csv/')) expect(body.split('\n')[0], name).not.toMatch(/password|token_hash|secret|webhook_url/);
    }
    // A Slack channel's incoming-webhook URL is a credential: the channel is exported, its URL is not.
    expect(entries.get('csv/slack_channels.csv')).toMatch(/"name"/);
    expect(await exportWorkspace({ databaseUrl: h.url, slug: 'no-such-workspace', file: path.join(tmp, 'none.zip') })).toBeNull();
  });
});

describe('nightly backups', () => {
  it('keeps the newest N archives', async () => {
    const dir = path.join(tmp, 'nightly');
    for (const day of [1, 2, 3]) {
      await runNightlyBackup({ databaseUrl: h.url, dir, keep: 2, filesRoot: null, now: new Date(Date.UTC(2026, 11, day, 2, 30)) });
    }
    expect((await fs.readdir(dir)).sort()).toEqual(['tandem-20261202T023000Z.tar.gz', 'tandem-20261203T023000Z.tar.gz']);
  });

  it('are on by default with the embedded PostgreSQL (7 kept, 02:30 UTC, <data>/backups), off with DATABASE_URL unless a folder is set', () => {
    const log = pino({ level: 'silent' });
    const embedded = loadConfig({ TANDEM_DATA_DIR: tmp });
    expect(nightlyBackupDir(embedded)).toBe(path.join(tmp, 'backups'));
    expect(backupRecurringJobs(embedded, 'postgres://embedded', log)).toMatchObject([{ queue: 'operations-nightly-backup', cron: '30 2 * * *' }]);
    expect(embedded.TANDEM_BACKUP_KEEP).toBe(7);
    const managed = loadConfig({ DATABASE_URL: 'postgres://db.example.com/tandem' });
    expect(backupRecurringJobs(managed, managed.DATABASE_URL!, log)).toEqual([]);
    expect(nightlyBackupDir(loadConfig({ DATABASE_URL: 'postgres://db.example.com/tandem', TANDEM_BACKUP_DIR: '/srv/backups' }))).toBe('/srv/backups');
    expect(nightlyBackupDir(loadConfig({ TANDEM_BACKUP_KEEP: '0' }))).toBeNull();
  });
});

/**
 * Loads into a database at an earlier schema what that schema can hold of the demo: each table it has, with the
 * columns it has (stored, shared with the latest schema), triggers off as a restore does — through
 * `session_replication_role` where the test role may set it (one setting instead of two ALTER TABLEs per table per
 * round), else by disabling each table's user triggers. `source` is an open client on the demo and its tables'
 * columns, read once for every round. Answers the row counts.
 */
async function loadAtEarlierSchema(source: { client: pg.Client; columns: Map<string, string[]> }, target: string): Promise<Record<string, number>> {
  const dst = new pg.Client({ connectionString: target });
  await dst.connect();
  try {
    await dst.query('begin');
    const counts: Record<string, number> = {};
    const tables = await listTables(dst);
    const replica = await dst.query(`set local session_replication_role = replica`).then(
      () => true,
      async () => (await dst.query('rollback'), await dst.query('begin'), false),
    );
    if (!replica) for (const t of tables) await dst.query(`alter table ${quoteIdent(t.name)} disable trigger user`);
    for (const t of tables) {
      const cols = t.columns.filter((c) => source.columns.get(t.name)?.includes(c)).map(quoteIdent).join(', ');
      if (!cols) continue;
      const out = source.client.query(copyTo(`copy (select ${cols} from ${quoteIdent(t.name)}) to stdout`));
      const into = dst.query(copyFrom(`copy ${quoteIdent(t.name)} (${cols}) from stdin`));
      await pipeline(out, into);
      counts[t.name] = into.rowCount;
    }
    if (!replica) for (const t of tables) await dst.query(`alter table ${quoteIdent(t.name)} enable trigger user`);
    await dst.query('commit');
    return counts;
  } finally {
    await dst.end();
  }
}

/** Every table's columns and row count (one statement for all the counts). */
async function tablesAndCounts(url: string) {
  return withClient(url, async (c) => {
    const tables = await listTables(c);
    const { rows } = await c.query<Record<string, string>>(
      `select ${tables.map((t, i) => `(select count(*) from ${quoteIdent(t.name)}) as c${i}`).join(', ')}`,
    );
    const counts = Object.fromEntries(tables.map((t, i) => [t.name, Number(rows[0]![`c${i}`])]));
    return { columns: Object.fromEntries(tables.map((t) => [t.name, t.columns])), counts };
  });
}

describe('upgrades', () => {
  it('restores a backup made at every earlier schema, with data in it, and migrates it to the latest', { timeout: 900_000 }, async () => {
    const migrations = knownMigrations();
    const latest = await withClient(h.url, async (c) => Object.fromEntries((await listTables(c)).map((t) => [t.name, t.columns])));
    const failures: string[] = [];
    // On this pass's own server (the embedded 18 in the first pass, TEST_DATABASE_URL's in the second), so each
    // engine is checked once. The schema alone, one migration further each round (so the chain is applied once, not
    // once per round); each round loads a copy of it with the demo (the fixture of that schema), backs it up, restores
    // the backup into an empty database as an upgrading admin would with the new release (the backup's schema rebuilt,
    // the rows loaded, then migrated to the latest), checks that and drops both.
    const schemaOnly = await emptyDatabase(undefined, 'test server');
    const source = { client: new pg.Client({ connectionString: h.url }), columns: new Map(Object.entries(latest)) };
    await source.client.connect();
    try {
      for (const m of migrations.slice(0, -1)) {
        await withClient(schemaOnly, async (c) => {
          await c.query('begin');
          await applyMigrationsUpTo(c, m.idx, m.idx);
          await c.query('commit');
        });
        const url = await emptyDatabase(schemaOnly, 'test server');
        const restored = await emptyDatabase(undefined, 'test server');
        const file = path.join(tmp, `at-${m.tag}.tar.gz`);
        try {
          const loaded = await loadAtEarlierSchema(source, url);
          expect(Object.values(loaded).reduce((a, b) => a + b, 0), `rows loaded at ${m.tag}`).toBeGreaterThan(10);
          const made = await createBackup({ databaseUrl: url, file, filesRoot: null });
          expect(made.schema, 'the backup records its schema').toBe(m.tag);
          try {
            const r = await restoreBackup({ databaseUrl: restored, file, blobs: null, target: `the database restored from ${m.tag}` });
            expect(r).toMatchObject({ schema: m.tag, migratedTo: migrations.at(-1)!.tag });
          } catch (e) {
            failures.push(`from ${m.tag}: ${(e as Error).message}`);
            continue;
          }
          const after = await tablesAndCounts(restored);
          // The same schema as a fresh install (column order aside), and no row lost on the way.
          const sorted = (x: Record<string, string[]>) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, [...v].sort()]));
          expect(sorted(after.columns), `schema after migrating from ${m.tag}`).toEqual(sorted(latest));
          for (const [table, n] of Object.entries(loaded)) {
            if (table in after.counts && after.counts[table]! < n) failures.push(`from ${m.tag}: ${table} had ${n} rows, ${after.counts[table]} after`);
          }
        } finally {
          await Promise.all([dropDatabase(url), dropDatabase(restored), fs.rm(file, { force: true })]);
        }
      }
    } finally {
      await source.client.end();
      await dropDatabase(schemaOnly);
    }
    expect(failures).toEqual([]);
  });
});
