/**
 * `tandem restore FILE`: loads a backup into an empty database. First the whole archive is read and checked
 * (complete, every entry's size and SHA-256 as the manifest says, a schema this release knows) before anything is
 * written; then, in one transaction, the backup's schema is rebuilt from the migrations, every table loaded with
 * `COPY … FROM STDIN` (parents first, the tables' own triggers off so derived rows come from the backup as they
 * were), the sequences set; the library's files are put back; on any failure the transaction is rolled back and the
 * files written are removed. After the commit, the usual migrations bring the schema up to this release.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import tar from 'tar-stream';
import { runMigrations } from '../../db/migrate.ts';
import { applyMigrationsUpTo, knownMigrations, TANDEM_VERSION } from '../../db/schema-version.ts';
import { shortLivedClient } from '../../db/short-lived-client.ts';
import type { BlobStore } from '../blob-store/blob-store.ts';
import { listTables, quoteIdent } from './catalog.ts';
import { ARCHIVE_ROOT, MANIFEST_ENTRY, SESSION_SETTINGS, type Manifest } from './manifest.ts';

/** A restore refused before anything was written: the message says why and what to do. */
export class RestoreRefused extends Error {}

async function* entries(file: string): AsyncGenerator<{ name: string; body: Readable }> {
  const extract = tar.extract();
  // pipe() forwards no errors: a file that cannot be read, or is not gzip, must end the loop below, not the process.
  const raw = createReadStream(file);
  const source = raw.pipe(createGunzip());
  raw.on('error', (e) => extract.destroy(e));
  source.on('error', (e) => extract.destroy(e));
  source.pipe(extract);
  // tar-stream's entries are streamx streams: wrapped as Node's for pipeline and the blob store.
  for await (const entry of extract) yield { name: entry.header.name, body: Readable.from(entry) };
}

async function digest(body: AsyncIterable<Buffer>): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const c of body) {
    hash.update(c);
    bytes += c.length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

function damaged(file: string, why: string): RestoreRefused {
  return new RestoreRefused(`${file} is not a complete Tandem backup (${why}); nothing was restored. Use another backup.`);
}

/** Reads the whole archive once and checks it against its manifest; answers the manifest. */
export async function verifyBackup(file: string): Promise<Manifest> {
  const seen = new Map<string, { bytes: number; sha256: string }>();
  let manifest: Manifest | undefined;
  try {
    for await (const e of entries(file)) {
      if (e.name === MANIFEST_ENTRY) {
        const chunks: Buffer[] = [];
        for await (const c of e.body) chunks.push(c as Buffer);
        manifest = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Manifest;
      } else {
        seen.set(e.name, await digest(e.body));
      }
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new RestoreRefused(`there is no file ${file}; nothing was restored.`);
    if (code === 'EISDIR' || code === 'EACCES') throw new RestoreRefused(`${file} cannot be read (${code === 'EISDIR' ? 'a folder' : 'permission denied'}); nothing was restored.`);
    const msg = (e as Error).message;
    throw damaged(file, /unexpected end|truncat/i.test(msg) ? 'it ends early: truncated' : `unreadable: ${msg}`);
  }
  if (!manifest || manifest.format !== 'tandem-backup') throw damaged(file, 'no manifest: truncated, or not made by `tandem backup`');
  if (manifest.formatVersion !== 1) throw new RestoreRefused(`${file} is a backup format (${manifest.formatVersion}) this Tandem ${TANDEM_VERSION} does not read; install Tandem ${manifest.tandemVersion} or newer.`);
  for (const m of [...manifest.tables, ...manifest.files.entries]) {
    const got = seen.get(m.name);
    if (!got) throw damaged(file, `${m.name} is missing`);
    if (got.bytes !== m.bytes || got.sha256 !== m.sha256) throw damaged(file, `${m.name} does not match its checksum`);
  }
  const known = knownMigrations().find((k) => k.tag === manifest.schema.tag && k.when === manifest.schema.when);
  if (!known) {
    throw new RestoreRefused(
      `${file} was made by Tandem ${manifest.tandemVersion} with schema ${manifest.schema.tag}, which this Tandem ${TANDEM_VERSION} does not know: install Tandem ${manifest.tandemVersion} or newer to restore it.`,
    );
  }
  return manifest;
}

/** Tables in the schemas Tandem uses; an empty target has none. */
async function existingTables(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ t: string }>(
    `select n.nspname || '.' || c.relname as t from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname in ('public', 'drizzle', 'pgboss') order by 1`,
  );
  return rows.map((r) => r.t);
}

export interface RestoreOptions {
  databaseUrl: string;
  file: string;
  /** Where the library's files go back (the target's store), or null to leave them out. */
  blobs: BlobStore | null;
  /** Where the database is, for messages ("the embedded PostgreSQL in ./data", a URL without its password). */
  target: string;
}

export interface RestoreResult {
  tables: number;
  rows: number;
  files: number;
  schema: string;
  migratedTo: string;
  durationMs: number;
}

export async function restoreBackup(opts: RestoreOptions): Promise<RestoreResult> {
  const started = Date.now();
  const manifest = await verifyBackup(opts.file);
  const client = shortLivedClient({ connectionString: opts.databaseUrl, application_name: 'tandem-restore' });
  await client.connect();
  const written: string[] = [];
  try {
    const present = await existingTables(client);
    if (present.length) {
      throw new RestoreRefused(
        `${opts.target} is not empty (${present.length} tables, e.g. ${present.slice(0, 3).join(', ')}); nothing was restored. ` +
          'Restore into a new, empty database (or a new data folder).',
      );
    }
    await client.query(`begin; ${SESSION_SETTINGS}`);
    await applyMigrationsUpTo(client, manifest.schema.idx);
    const tables = new Map((await listTables(client)).map((t) => [t.name, t]));
    for (const t of manifest.tables) {
      const target = tables.get(t.table);
      const missing = t.columns.filter((c) => !target?.columns.includes(c));
      if (!target || missing.length) throw damaged(opts.file, `table ${t.table} ${target ? `has columns ${missing.join(', ')} that` : ''} schema ${manifest.schema.tag} does not have`);
    }
    const names = [...tables.keys()].map(quoteIdent);
    // Triggers that derive rows (search index, change stamps) stay off: those rows are in the backup as they were.
    for (const n of names) await client.query(`alter table ${n} disable trigger user`);
    if (names.length) await client.query(`truncate ${names.join(', ')}`);
    const byEntry = new Map(manifest.tables.map((t) => [t.name, t]));
    const files = new Map(manifest.files.entries.map((f) => [f.name, f]));
    for await (const e of entries(opts.file)) {
      const table = byEntry.get(e.name);
      const file = files.get(e.name);
      if (table) {
        const copy = client.query(copyFrom(`copy ${quoteIdent(table.table)} (${table.columns.map(quoteIdent).join(', ')}) from stdin`));
        await pipeline(e.body, copy);
      } else if (file && opts.blobs) {
        const key = e.name.slice(`${ARCHIVE_ROOT}/files/`.length);
        written.push(key);
        await opts.blobs.put(key, e.body, file.bytes);
      } else {
        e.body.resume();
      }
    }
    for (const s of manifest.sequences) {
      if (s.lastValue !== null) await client.query(`select setval($1::regclass, $2::bigint, true)`, [quoteIdent(s.name), s.lastValue]);
    }
    for (const n of names) await client.query(`alter table ${n} enable trigger user`);
    await client.query('commit');
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    for (const key of written) await opts.blobs?.delete(key).catch(() => undefined);
    if (e instanceof RestoreRefused) throw e;
    throw new Error(`restore failed, nothing was kept: ${(e as Error).message}`, { cause: e });
  } finally {
    await client.end().catch(() => undefined);
  }
  await runMigrations(opts.databaseUrl);
  return {
    tables: manifest.tables.length,
    rows: manifest.tables.reduce((n, t) => n + t.rows, 0),
    files: opts.blobs ? manifest.files.entries.length : 0,
    schema: manifest.schema.tag,
    migratedTo: knownMigrations().at(-1)!.tag,
    durationMs: Date.now() - started,
  };
}
