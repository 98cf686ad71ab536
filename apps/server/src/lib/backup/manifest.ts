/** The backup archive's layout and manifest (format version 1), shared by backup and restore. */

/** Every entry lives under this folder, so unpacking an archive by hand makes one folder. */
export const ARCHIVE_ROOT = 'tandem-backup';
/** Written last: an archive without it is incomplete. */
export const MANIFEST_ENTRY = `${ARCHIVE_ROOT}/manifest.json`;

/**
 * The session settings COPY's text format depends on, the same on both sides whatever the servers' defaults
 * (dates in ISO, UTC, hex bytea, exact floats).
 */
export const SESSION_SETTINGS =
  "set local datestyle = 'ISO, MDY'; set local intervalstyle = 'postgres'; set local timezone = 'UTC'; " +
  "set local bytea_output = 'hex'; set local extra_float_digits = 1; set local client_encoding = 'UTF8'";

export interface ManifestEntry {
  /** The tar entry's name. */
  name: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  format: 'tandem-backup';
  formatVersion: 1;
  createdAt: string;
  tandemVersion: string;
  /** `PostgreSQL 18.4`: the server it was taken from. */
  server: string;
  /** The migration the database had applied: a restore rebuilds this schema, then migrates forward. */
  schema: { tag: string; idx: number; when: number };
  /** In load order (parents before the tables whose foreign keys point to them), COPY text format. */
  tables: (ManifestEntry & { table: string; columns: string[]; rows: number })[];
  sequences: { name: string; lastValue: string | null }[];
  /** The library's files (`<data>/files`); not included when they live in an S3 bucket (back the bucket up). */
  files: { included: boolean; entries: ManifestEntry[] };
}
