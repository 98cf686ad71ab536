import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { memberships, workspaces } from '../workspaces/tables.ts';

// The meetings module's tables (migration `meetings`): the regular PMM–sales sync — a series on a recurrence rule in
// one IANA time zone, each occurrence's agenda (generated from live data, edited, published), notes per item,
// attendance and action items carried to the next agenda until done. workspace_id leads every key and foreign key.

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

export const MEETING_CADENCE_VALUES = ['weekly', 'biweekly', 'monthly'] as const;
export const AGENDA_ITEM_KIND_VALUES = ['theme', 'request', 'decision', 'goal', 'action_item', 'free'] as const;

/** A recurring sync: the rule is cadence + the first occurrence's local date and wall time in `time_zone`. */
export const meetingSeries = pgTable(
  'meeting_series',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    cadence: text('cadence', { enum: MEETING_CADENCE_VALUES }).notNull(),
    /** The first occurrence's local date and wall time ("09:30") in `timeZone`; every occurrence keeps that wall time. */
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    startTime: text('start_time').notNull(),
    timeZone: text('time_zone').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    ownerUserId: uuid('owner_user_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.ownerUserId], foreignColumns: [memberships.workspaceId, memberships.userId] }),
  ],
);

export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    workspaceId: uuid('workspace_id').notNull(),
    seriesId: uuid('series_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.seriesId, t.userId] }),
    foreignKey({ columns: [t.workspaceId, t.seriesId], foreignColumns: [meetingSeries.workspaceId, meetingSeries.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [memberships.workspaceId, memberships.userId] }).onDelete('cascade'),
  ],
);

/** An occurrence stored once its agenda is first read (by its number in the rule, 1-based); held once minutes are kept. */
export const meetingOccurrences = pgTable(
  'meeting_occurrences',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    seriesId: uuid('series_id').notNull(),
    seq: integer('seq').notNull(),
    startsAt: ts('starts_at').notNull(),
    publishedAt: ts('published_at'),
    publishedByUserId: uuid('published_by_user_id'),
    heldAt: ts('held_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('meeting_occurrences_seq_idx').on(t.workspaceId, t.seriesId, t.seq),
    foreignKey({ columns: [t.workspaceId, t.seriesId], foreignColumns: [meetingSeries.workspaceId, meetingSeries.id] }).onDelete('cascade'),
    index('meeting_occurrences_starts_idx').on(t.workspaceId, t.startsAt),
  ],
);

/** One agenda line: from a source (theme, request, decision, goal, action item) with why it qualified, or free. */
export const meetingAgendaItems = pgTable(
  'meeting_agenda_items',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    occurrenceId: uuid('occurrence_id').notNull(),
    position: integer('position').notNull(),
    kind: text('kind', { enum: AGENDA_ITEM_KIND_VALUES }).notNull(),
    sourceId: uuid('source_id'),
    title: text('title').notNull(),
    why: text('why').notNull().default(''),
    notes: text('notes').notNull().default(''),
    /** The owner took it off the agenda; kept so a refresh from live data does not bring it back. */
    hidden: boolean('hidden').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.occurrenceId], foreignColumns: [meetingOccurrences.workspaceId, meetingOccurrences.id] }).onDelete('cascade'),
    uniqueIndex('meeting_agenda_items_source_idx')
      .on(t.workspaceId, t.occurrenceId, t.kind, t.sourceId)
      .where(sql`source_id is not null`),
  ],
);

export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    workspaceId: uuid('workspace_id').notNull(),
    occurrenceId: uuid('occurrence_id').notNull(),
    userId: uuid('user_id').notNull(),
    present: boolean('present').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.occurrenceId, t.userId] }),
    foreignKey({ columns: [t.workspaceId, t.occurrenceId], foreignColumns: [meetingOccurrences.workspaceId, meetingOccurrences.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [memberships.workspaceId, memberships.userId] }).onDelete('cascade'),
  ],
);

/** Agreed in a meeting: who does what by when; on every later agenda of the series until done. */
export const meetingActionItems = pgTable(
  'meeting_action_items',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    seriesId: uuid('series_id').notNull(),
    occurrenceId: uuid('occurrence_id').notNull(),
    /** The occurrence's number: later agendas (higher seq) carry it while open. */
    seq: integer('seq').notNull(),
    title: text('title').notNull(),
    ownerUserId: uuid('owner_user_id').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    doneAt: ts('done_at'),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.occurrenceId], foreignColumns: [meetingOccurrences.workspaceId, meetingOccurrences.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.ownerUserId], foreignColumns: [memberships.workspaceId, memberships.userId] }),
    index('meeting_action_items_open_idx').on(t.workspaceId, t.seriesId, t.seq),
  ],
);
