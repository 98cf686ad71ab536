import type { Logger } from 'pino';
import type { EventPayload, EventType } from '@tandem/contracts';
import type { Config } from '../config.ts';
import type { Database, DbOrTx } from '../db/database.ts';
import type { Actor } from './context.ts';
import type { BlobStore } from './blob-store/blob-store.ts';
import type { FileStore } from './file-store.ts';

/** One audit-log entry, as a module describes its change. */
export interface AuditRecord {
  action: string;
  targetType?: string;
  targetId?: string;
  targetLabel?: string;
  details?: Record<string, unknown>;
}

/** Adds audit entries inside the caller's transaction (the audit module provides it). */
export type RecordAudit = (tx: DbOrTx, workspaceIds: string | string[], actor: Actor, entry: AuditRecord) => Promise<void>;

export interface EmitInput<T extends EventType> {
  workspaceId: string;
  type: T;
  payload: EventPayload<T>;
  /** Secrets for the person's email only (an invitation or reset link); never sent to Slack or webhooks. */
  private?: Record<string, string>;
  actorUserId?: string | null;
  /** Held this many seconds before anyone is told (an undo window); 0 or unset: dispatched at once. */
  holdSeconds?: number;
}

/** Announces a change inside the caller's transaction: the outbox (the notifications module provides it). */
export type Emit = <T extends EventType>(tx: DbOrTx, input: EmitInput<T>) => Promise<{ id: string }>;
/** Takes back an event still held and undispatched (an undone change); false once anyone may have been told. */
export type Withdraw = (tx: DbOrTx, workspaceId: string, eventId: string) => Promise<boolean>;

/**
 * What services need from the outside world; built once at boot (server, worker or CLI).
 * `audit` and `emit` are the two writes every module makes into tables it does not own;
 * they are passed in, so no module imports the audit or notifications module to make them.
 */
export interface Deps {
  config: Config;
  database: Database;
  /** The instance secret: keys token hashes. */
  secret: string;
  log: Logger;
  audit: RecordAudit;
  emit: Emit;
  withdraw: Withdraw;
  /** Uploaded files by key (the data folder's store), shared by every process. */
  files: FileStore;
  /** The library's asset files and thumbnails by key: `<data folder>/files/` or an S3 bucket (S3_*). */
  blobs: BlobStore;
}
