import { sql } from 'drizzle-orm';
import { bigint, pgSequence, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../modules/workspaces/tables.ts';

/**
 * Change stamps: per workspace and scope ('requests', 'deals'; 'theme-deals', moved only by writes to deals that
 * feedback is about, migration 0022), a number that moves whenever a table of that scope changes. Statement-level
 * triggers (migration 0011_change_stamps) write it from `change_stamp_seq`, a sequence, so a value is never handed out
 * twice — not even after a rolled-back transaction — and "same stamp" means "nothing in that scope changed". Readers keep
 * what they built from the scope (the requests queue) keyed by the stamp.
 */
export const changeStampSeq = pgSequence('change_stamp_seq');

export const changeStamps = pgTable(
  'change_stamps',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    scope: text('scope').notNull(),
    stamp: bigint('stamp', { mode: 'number' })
      .notNull()
      .default(sql`nextval('change_stamp_seq')`),
    changedAt: timestamp('changed_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.scope] })],
);
