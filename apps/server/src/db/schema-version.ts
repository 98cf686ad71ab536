/**
 * The schema version: which of the migrations in `apps/server/drizzle/` a database has applied. A backup records it,
 * a restore rebuilds exactly that schema before loading the rows (then migrates forward), and every start refuses a
 * database whose schema is newer than the code (migrations are forward-only: an older Tandem cannot read it).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/** The Tandem release this code is (apps/server/package.json), written beside the schema it migrates to. */
export const TANDEM_VERSION: string = (
  JSON.parse(fs.readFileSync(path.resolve(MIGRATIONS_FOLDER, '../package.json'), 'utf8')) as { version: string }
).version;

export interface Migration {
  /** Position in the journal, 0 for the first. */
  idx: number;
  /** `0010_goals`: the migration's file name. */
  tag: string;
  /** drizzle's `created_at` for it (the journal's `when`). */
  when: number;
  hash: string;
  statements: string[];
}

/** Every migration this code knows, in order. */
export function knownMigrations(folder = MIGRATIONS_FOLDER): Migration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { idx: number; when: number; tag: string }[];
  };
  return journal.entries.map((e) => {
    const sql = fs.readFileSync(path.join(folder, `${e.tag}.sql`), 'utf8');
    // As drizzle's migrator reads them: the hash of the whole file, statements split at the breakpoints.
    return { idx: e.idx, tag: e.tag, when: e.when, hash: createHash('sha256').update(sql).digest('hex'), statements: sql.split('--> statement-breakpoint') };
  });
}

export interface SchemaVersion {
  /** The newest applied migration (its tag), or null for a database no Tandem has migrated. */
  tag: string | null;
  /** How many migrations are applied. */
  applied: number;
  /** The newest applied migration's `created_at` (the journal's `when`). */
  when: number | null;
  /** The Tandem release that last migrated this database, when it said so (since schema checks exist). */
  writtenBy: string | null;
}

const MARK_TABLE = 'drizzle.__drizzle_migrations';

/** The database's schema version, read from drizzle's migrations table (and the release that wrote it). */
export async function readSchemaVersion(client: pg.ClientBase): Promise<SchemaVersion> {
  const exists = await client.query<{ t: string | null }>(`select to_regclass('${MARK_TABLE}')::text as t`);
  if (!exists.rows[0]?.t) return { tag: null, applied: 0, when: null, writtenBy: null };
  const { rows } = await client.query<{ n: string; last: string | null; note: string | null }>(
    `select count(*)::text as n, max(created_at)::text as last, obj_description('${MARK_TABLE}'::regclass, 'pg_class') as note
       from ${MARK_TABLE}`,
  );
  const when = rows[0]?.last ? Number(rows[0].last) : null;
  const known = knownMigrations().find((m) => m.when === when);
  const note = rows[0]?.note ?? '';
  const writtenBy = /^tandem ([^ ]+) schema ([^ ]+)$/.exec(note);
  return {
    tag: known?.tag ?? writtenBy?.[2] ?? (when === null ? null : `unknown migration of ${new Date(when).toISOString()}`),
    applied: Number(rows[0]?.n ?? 0),
    when,
    writtenBy: writtenBy?.[1] ?? null,
  };
}

export class SchemaTooNewError extends Error {}

/**
 * Refuses a database migrated by a newer Tandem than this one: its newest migration is unknown here. The message
 * names the release to install when the database says which one migrated it.
 */
export async function assertSchemaNotNewer(client: pg.ClientBase): Promise<void> {
  const v = await readSchemaVersion(client);
  const latest = knownMigrations().at(-1)!;
  if (v.when === null || v.when <= latest.when) return;
  const install = v.writtenBy ? `Install Tandem ${v.writtenBy} or newer` : 'Install the Tandem release that migrated it, or newer';
  throw new SchemaTooNewError(
    `This database's schema (${v.tag}) is newer than this Tandem ${TANDEM_VERSION} knows (up to ${latest.tag}): ` +
      `it was migrated by a newer release, and migrations only go forward. ${install}; do not downgrade.`,
  );
}

/** Notes on the migrations table which release migrated the database to which schema (read by assertSchemaNotNewer). */
export async function markSchemaVersion(client: pg.ClientBase): Promise<void> {
  const v = await readSchemaVersion(client);
  if (!v.tag) return;
  await client.query(`comment on table ${MARK_TABLE} is 'tandem ${TANDEM_VERSION.replace(/[^\w.+-]/g, '')} schema ${v.tag.replace(/[^\w.-]/g, '')}'`);
}

/**
 * Applies migrations from..upTo (inclusive; from 0 by default) on `client`, inside the caller's transaction, recording
 * each as drizzle's migrator does, so that a later `runMigrations` continues from there. For an empty database
 * (restore, upgrade tests).
 */
export async function applyMigrationsUpTo(client: pg.ClientBase, upTo: number, from = 0): Promise<void> {
  await client.query('create schema if not exists drizzle');
  await client.query(`create table if not exists ${MARK_TABLE} (id serial primary key, hash text not null, created_at bigint)`);
  for (const m of knownMigrations().filter((x) => x.idx >= from && x.idx <= upTo)) {
    for (const stmt of m.statements) if (stmt.trim()) await client.query(stmt);
    await client.query(`insert into ${MARK_TABLE} (hash, created_at) values ($1, $2)`, [m.hash, m.when]);
  }
}
