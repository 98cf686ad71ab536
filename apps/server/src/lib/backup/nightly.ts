/**
 * The nightly backup: by default with the embedded PostgreSQL (a managed server has its own backups; set
 * TANDEM_BACKUP_DIR to have them too), `tandem backup` into `<data>/backups` at TANDEM_BACKUP_CRON, keeping the newest
 * TANDEM_BACKUP_KEEP archives. Run by the job workers (one worker takes each run, whichever process).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import { createBackup, type BackupResult } from './backup.ts';

const NAME = /^tandem-\d{8}T\d{6}Z\.tar\.gz$/;

type NightlyConfig = Pick<Config, 'DATABASE_URL' | 'S3_BUCKET' | 'dataDir' | 'TANDEM_BACKUP_DIR' | 'TANDEM_BACKUP_KEEP' | 'TANDEM_BACKUP_CRON'>;

/** Where nightly backups go, or null when they are off. */
export function nightlyBackupDir(c: NightlyConfig): string | null {
  if (c.TANDEM_BACKUP_KEEP === 0) return null;
  if (c.TANDEM_BACKUP_DIR) return path.resolve(c.TANDEM_BACKUP_DIR);
  return c.DATABASE_URL ? null : path.join(c.dataDir, 'backups');
}

/** Takes one backup into `dir` and removes all but the newest `keep`. */
export async function runNightlyBackup(opts: { databaseUrl: string; dir: string; keep: number; filesRoot: string | null; now?: Date }): Promise<BackupResult & { removed: string[] }> {
  await fs.mkdir(opts.dir, { recursive: true, mode: 0o700 });
  const stamp = (opts.now ?? new Date()).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const result = await createBackup({ databaseUrl: opts.databaseUrl, file: path.join(opts.dir, `tandem-${stamp}.tar.gz`), filesRoot: opts.filesRoot });
  const all = (await fs.readdir(opts.dir)).filter((f) => NAME.test(f)).sort();
  const removed = all.slice(0, Math.max(0, all.length - opts.keep));
  for (const f of removed) await fs.rm(path.join(opts.dir, f), { force: true });
  return { ...result, removed };
}

/** The nightly backup as a recurring job for the workers, or none when nightly backups are off. */
export function backupRecurringJobs(config: NightlyConfig, databaseUrl: string, log: Logger) {
  const dir = nightlyBackupDir(config);
  if (!dir) return [];
  return [
    {
      queue: 'operations-nightly-backup',
      cron: config.TANDEM_BACKUP_CRON,
      run: async () => {
        const r = await runNightlyBackup({ databaseUrl, dir, keep: config.TANDEM_BACKUP_KEEP, filesRoot: config.S3_BUCKET ? null : path.join(config.dataDir, 'files') });
        log.info({ file: r.file, bytes: r.bytes, rows: r.rows, files: r.files, ms: r.durationMs, removed: r.removed.length }, 'nightly backup written');
        return r;
      },
    },
  ];
}
