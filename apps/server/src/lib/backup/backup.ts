/**
 * `tandem backup FILE`: one consistent snapshot of the whole instance as a gzip-compressed tar archive (tar-stream):
 * every table of the `public` schema through `COPY … TO STDOUT` inside one repeatable-read, read-only transaction
 * (so every table is seen at the same instant), the schema version, the sequences, the library's files from the data
 * folder, and last a manifest with each entry's size, row count and SHA-256. The file appears only once complete.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { to as copyTo } from 'pg-copy-streams';
import tar from 'tar-stream';
import { knownMigrations, readSchemaVersion, TANDEM_VERSION } from '../../db/schema-version.ts';
import { shortLivedClient } from '../../db/short-lived-client.ts';
import { listSequences, listTables, quoteIdent } from './catalog.ts';
import { ARCHIVE_ROOT, MANIFEST_ENTRY, SESSION_SETTINGS, type Manifest, type ManifestEntry } from './manifest.ts';

export interface BackupOptions {
  databaseUrl: string;
  /** The local folder of the library's files (`<data>/files`), or null when they live in an S3 bucket. */
  filesRoot: string | null;
  file: string;
}

export interface BackupResult {
  file: string;
  bytes: number;
  tables: number;
  rows: number;
  files: number;
  schema: string;
  durationMs: number;
}

/** Streams `source` into `target` while counting and hashing it. */
async function hashed(source: Readable, target: Writable): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  await pipeline(
    source,
    async function* (chunks: AsyncIterable<Buffer>) {
      for await (const c of chunks) {
        hash.update(c);
        bytes += c.length;
        yield c;
      }
    },
    target,
  );
  return { bytes, sha256: hash.digest('hex') };
}

async function* walk(root: string, dir = ''): AsyncGenerator<string> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(path.join(root, dir), { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) yield* walk(root, rel);
    else if (e.isFile() && !e.name.endsWith('.partial')) yield rel;
  }
}

export async function createBackup(opts: BackupOptions): Promise<BackupResult> {
  const started = Date.now();
  const spool = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-backup-'));
  const partial = `${opts.file}.${process.pid}.partial`;
  const client = shortLivedClient({ connectionString: opts.databaseUrl, application_name: 'tandem-backup' });
  await client.connect();
  try {
    await client.query(`begin isolation level repeatable read read only; ${SESSION_SETTINGS}`);
    const schema = await readSchemaVersion(client);
    const known = knownMigrations().find((m) => m.tag === schema.tag);
    if (!known) throw new Error(`this database has no Tandem schema this release knows (${schema.tag ?? 'not migrated'}): nothing to back up`);
    const server = (await client.query<{ v: string }>('select version() as v')).rows[0]!.v.split(' on ')[0]!;
    const tables = await listTables(client);
    const sequences = await listSequences(client);

    // Each table is spooled to a temporary file first: a tar entry states its size before its bytes.
    const spooled: { entry: ManifestEntry & { table: string; columns: string[]; rows: number }; path: string }[] = [];
    for (const [i, t] of tables.entries()) {
      const file = path.join(spool, `${i}.tsv`);
      const cols = t.columns.map(quoteIdent).join(', ');
      const copy = client.query(copyTo(`copy ${quoteIdent(t.name)} (${cols}) to stdout`));
      const { bytes, sha256 } = await hashed(copy, createWriteStream(file));
      spooled.push({ entry: { name: `${ARCHIVE_ROOT}/tables/${t.name}.tsv`, bytes, sha256, table: t.name, columns: t.columns, rows: copy.rowCount }, path: file });
    }
    await client.query('commit');

    const pack = tar.pack();
    const gzip = createGzip({ level: 6 });
    const written = pipeline(pack, gzip, createWriteStream(partial, { mode: 0o600 }));
    // Awaited below, once every entry is in; a write error meanwhile (disk full) must not go unhandled until then.
    written.catch(() => undefined);
    const add = async (name: string, size: number, body: Readable) => {
      // The next entry may start only once tar-stream has taken this one whole (its callback).
      let sink!: Writable;
      const taken = new Promise<void>((resolve, reject) => {
        sink = pack.entry({ name, size, mode: 0o600, mtime: new Date(started) }, (err) => (err ? reject(err) : resolve())) as unknown as Writable;
      });
      const [result] = await Promise.all([hashed(body, sink), taken]);
      return result;
    };
    for (const s of spooled) await add(s.entry.name, s.entry.bytes, createReadStream(s.path));

    const files: ManifestEntry[] = [];
    if (opts.filesRoot) {
      for await (const key of walk(opts.filesRoot)) {
        const full = path.join(opts.filesRoot, ...key.split('/'));
        const stat = await fs.stat(full).catch(() => undefined); // deleted since the snapshot: not part of it
        if (!stat) continue;
        const name = `${ARCHIVE_ROOT}/files/${key}`;
        files.push({ name, ...(await add(name, stat.size, createReadStream(full))) });
      }
    }

    const manifest: Manifest = {
      format: 'tandem-backup',
      formatVersion: 1,
      createdAt: new Date(started).toISOString(),
      tandemVersion: TANDEM_VERSION,
      server,
      schema: { tag: known.tag, idx: known.idx, when: known.when },
      tables: spooled.map((s) => s.entry),
      sequences,
      files: { included: opts.filesRoot !== null, entries: files },
    };
    const body = Buffer.from(JSON.stringify(manifest, null, 2) + '\n');
    pack.entry({ name: MANIFEST_ENTRY, size: body.length, mode: 0o600, mtime: new Date(started) }, body);
    pack.finalize();
    await written;
    await fs.rename(partial, opts.file);
    const { size } = await fs.stat(opts.file);
    return {
      file: opts.file,
      bytes: size,
      tables: tables.length,
      rows: spooled.reduce((n, s) => n + s.entry.rows, 0),
      files: files.length,
      schema: known.tag,
      durationMs: Date.now() - started,
    };
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    await fs.rm(partial, { force: true });
    throw e;
  } finally {
    await client.end().catch(() => undefined);
    await fs.rm(spool, { recursive: true, force: true });
  }
}
