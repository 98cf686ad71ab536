import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../workspaces/tables.ts';

export const auditLog = pgTable(
  'audit_log',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    action: text('action').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    via: text('via', { enum: ['session', 'token', 'cli', 'system'] }).notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    targetLabel: text('target_label'),
    ip: text('ip'),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('audit_log_time_idx').on(t.workspaceId, t.createdAt.desc(), t.id.desc()),
    index('audit_log_action_idx').on(t.workspaceId, t.action, t.createdAt.desc()),
  ],
);
