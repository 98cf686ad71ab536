import { bigint, boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../workspaces/tables.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
const workspaceId = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });

export const IMPORT_STATUS_VALUES = ['pending', 'running', 'completed', 'failed', 'undone'] as const;

/** One import: a file (or an upsert batch) taken in as one transaction, with its outcome. */
export const imports = pgTable(
  'imports',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind', { enum: ['deals', 'accounts'] }).notNull(),
    status: text('status', { enum: IMPORT_STATUS_VALUES }).notNull(),
    format: text('format'),
    /** How it was run, which decides who may undo it: a file (deals.import) or the upsert API (deals.write). */
    origin: text('origin', { enum: ['file', 'upsert'] }).notNull().default('file'),
    source: text('source'),
    fileName: text('file_name').notNull(),
    fileSize: bigint('file_size', { mode: 'number' }).notNull().default(0),
    /** What was asked: mapping, date format, full, dry run, strict. */
    options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
    full: boolean('full').notNull().default(false),
    dryRun: boolean('dry_run').notNull().default(false),
    createdByUserId: uuid('created_by_user_id'),
    createdByName: text('created_by_name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
    undoneAt: ts('undone_at'),
    /** Bumped with every progress report; a running import whose heartbeat stops was interrupted. */
    heartbeatAt: ts('heartbeat_at'),
    counts: jsonb('counts').$type<Record<string, number>>(),
    progress: jsonb('progress').$type<{ phase: string; rows: number; totalRows: number | null }>(),
    /** errors (first 1,000), warnings (first 1,000), unknownStages, errorsTruncated. */
    result: jsonb('result').$type<Record<string, unknown>>(),
    error: text('error'),
    /** The file-store key (`uploads/<id>.upload`) of a pending upload, until it is run or discarded (server imports only). */
    uploadKey: text('upload_key'),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('imports_created_idx').on(t.workspaceId, t.createdAt, t.id)],
);

/** The state of each deal or account before an import changed it, so undo can put it back exactly. */
export const importChanges = pgTable(
  'import_changes',
  {
    workspaceId: uuid('workspace_id').notNull(),
    importId: uuid('import_id').notNull(),
    entity: text('entity', { enum: ['deal', 'account'] }).notNull(),
    entityId: uuid('entity_id').notNull(),
    action: text('action', { enum: ['updated', 'removed'] }).notNull(),
    previous: jsonb('previous').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.importId, t.entity, t.entityId] }),
    foreignKey({ columns: [t.workspaceId, t.importId], foreignColumns: [imports.workspaceId, imports.id] }).onDelete('cascade'),
  ],
);

/** Rows an import skipped, with the cells as the file had them, for the rejected-rows CSV. */
export const importRejects = pgTable(
  'import_rejects',
  {
    workspaceId: uuid('workspace_id').notNull(),
    importId: uuid('import_id').notNull(),
    line: integer('line').notNull(),
    cells: jsonb('cells').$type<Record<string, string>>().notNull(),
    errors: jsonb('errors').$type<{ line: number; column: string; value: string; message: string }[]>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.importId, t.line] }),
    foreignKey({ columns: [t.workspaceId, t.importId], foreignColumns: [imports.workspaceId, imports.id] }).onDelete('cascade'),
  ],
);

/** The column mapping last used per (kind, source), offered again on the next upload. */
export const importMappings = pgTable(
  'import_mappings',
  {
    workspaceId: workspaceId(),
    kind: text('kind').notNull(),
    source: text('source').notNull(),
    format: text('format').notNull(),
    mapping: jsonb('mapping').$type<Record<string, unknown>>(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.kind, t.source] })],
);
