// Backups, restore and workspace exports: whole-instance archives (tar.gz, manifest, checksums) and a workspace's
// records as CSV and JSON in a zip. Below the modules: tables are found in the catalogue, never imported.
export { createBackup, type BackupOptions, type BackupResult } from './backup.ts';
export { restoreBackup, verifyBackup, RestoreRefused, type RestoreOptions, type RestoreResult } from './restore.ts';
export { exportWorkspace, SECRET_COLUMN, type ExportResult } from './workspace-export.ts';
export { backupRecurringJobs, nightlyBackupDir, runNightlyBackup } from './nightly.ts';
export { listTables, listSequences, quoteIdent } from './catalog.ts';
export type { Manifest } from './manifest.ts';
