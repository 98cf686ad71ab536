/**
 * `tandem backup FILE`, `tandem restore FILE` and `tandem workspace export SLUG`. Backup and restore open the
 * database without migrating it (a backup is of the schema as it is; a restore needs the target empty), starting
 * the embedded PostgreSQL for their duration when DATABASE_URL is unset and no `tandem start` runs.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { Command, Option } from 'commander';
import type { Config } from '../config.ts';

export interface BackupCommandDeps {
  config(): Config;
  fail(message: string): never;
}

/** The database URL the configuration names (DATABASE_URL, or the embedded server of the data folder) and where it is. */
export async function withDatabaseUrl<T>(c: Config, fn: (url: string, where: string) => Promise<T>): Promise<T> {
  if (c.DATABASE_URL) {
    const u = new URL(c.DATABASE_URL);
    return fn(c.DATABASE_URL, `the database ${u.pathname.slice(1) || 'postgres'} on ${u.hostname}:${u.port || 5432}`);
  }
  const { ensureDatabase, ensureEmbeddedPostgres } = await import('../db/embedded.ts');
  const embedded = await ensureEmbeddedPostgres({ dataDir: c.dataDir, role: 'borrower' });
  try {
    await ensureDatabase(embedded.url);
    return await fn(embedded.url, `the embedded PostgreSQL in ${c.dataDir}`);
  } finally {
    await embedded.stop();
  }
}

const json = () => new Option('--json', 'print machine-readable JSON');
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

function out(json: boolean | undefined, data: unknown, text: string) {
  process.stdout.write(json ? JSON.stringify(data, null, 2) + '\n' : text + '\n');
}

export function backupCommands(deps: BackupCommandDeps): Command[] {
  const backup = new Command('backup')
    .description('Write a consistent snapshot of the whole instance (every table, the schema version, the library files) to FILE (.tar.gz)')
    .argument('<file>', 'the archive to write, e.g. tandem-2026-12-07.tar.gz')
    .addOption(json())
    .action(async (file: string, o: { json?: boolean }) => {
      const c = deps.config();
      // Before the snapshot is taken: a mistyped folder is the commonest failure, and it should not cost a backup's time.
      const dir = path.dirname(path.resolve(file));
      const folder = await fs.stat(dir).catch(() => undefined);
      if (!folder?.isDirectory()) deps.fail(`there is no folder ${dir} to write ${path.basename(file)} in; create it first. Nothing was backed up.`);
      const { createBackup } = await import('../lib/backup/index.ts');
      const r = await withDatabaseUrl(c, (url) =>
        createBackup({ databaseUrl: url, file: path.resolve(file), filesRoot: c.S3_BUCKET ? null : path.join(c.dataDir, 'files') }),
      );
      out(
        o.json,
        r,
        `Backed up ${r.tables} tables (${r.rows} rows, schema ${r.schema}) and ${r.files} files to ${r.file} (${mb(r.bytes)}) in ${(r.durationMs / 1000).toFixed(1)} s.` +
          (c.S3_BUCKET ? `\nThe library's files are in the bucket ${c.S3_BUCKET}: back it up with the bucket's own versioning or replication.` : ''),
      );
    });

  const restore = new Command('restore')
    .description('Load a backup into an empty database (DATABASE_URL, or the embedded one of a new data folder), then migrate it to this release')
    .argument('<file>', 'an archive written by `tandem backup`')
    .addOption(json())
    .action(async (file: string, o: { json?: boolean }) => {
      const c = deps.config();
      const [{ restoreBackup, RestoreRefused }, { createBlobStore }] = await Promise.all([import('../lib/backup/index.ts'), import('../lib/blob-store/index.ts')]);
      try {
        const r = await withDatabaseUrl(c, (url, where) =>
          restoreBackup({ databaseUrl: url, file: path.resolve(file), blobs: createBlobStore(c), target: where }),
        );
        out(o.json, r, `Restored ${r.tables} tables (${r.rows} rows) and ${r.files} files from schema ${r.schema}, migrated to ${r.migratedTo}, in ${(r.durationMs / 1000).toFixed(1)} s.`);
      } catch (e) {
        if (e instanceof RestoreRefused) deps.fail(e.message);
        throw e;
      }
    });
  return [backup, restore];
}

/** `tandem workspace export SLUG --output FILE.zip`: that workspace's records as CSV files and JSON, in a zip. */
export function workspaceExportCommand(deps: BackupCommandDeps): Command {
  return new Command('export')
    .description("Write a workspace's records as CSV files plus JSON in a zip (for a customer who leaves)")
    .argument('<slug>', 'workspace slug')
    .option('-o, --output <file>', 'the zip to write (default: <slug>-export.zip)')
    .addOption(json())
    .action(async (slug: string, o: { output?: string; json?: boolean }) => {
      const c = deps.config();
      const { exportWorkspace } = await import('../lib/backup/index.ts');
      const file = path.resolve(o.output ?? `${slug}-export.zip`);
      const r = await withDatabaseUrl(c, (url) => exportWorkspace({ databaseUrl: url, slug, file }));
      if (!r) deps.fail(`no workspace with slug "${slug}"`);
      out(o.json, r, `Exported workspace "${slug}": ${r.tables} tables, ${r.rows} records, to ${r.file} (${mb(r.bytes)}).`);
    });
}
