import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { PulseQuestion } from '@tandem/contracts';
import { workspaces } from '../workspaces/tables.ts';

// The alignment module's tables (migration `alignment`): pulse settings, pulses, the one-way participation record,
// the anonymous answers and the weekly index snapshots. workspace_id leads every key; row-level security (migrate.ts)
// confines them. Answers carry no user id, no timestamp and no serial: nothing to join or order them back to a person.

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
const workspaceId = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });

export const PULSE_CADENCE_VALUES = ['off', 'monthly', 'quarterly'] as const;
export const PULSE_SIDE_VALUES = ['marketing', 'sales'] as const;
export const PULSE_ROLE_VALUES = ['marketing', 'sales_lead', 'sales'] as const;

/** A statement as a pulse asked it (the contracts' PulseQuestion). */
export type StoredQuestion = PulseQuestion;

/** A workspace's pulse settings; absent: the defaults (the question bank in contracts, 5, quarterly). */
export const alignmentSettings = pgTable('alignment_settings', {
  workspaceId: workspaceId().primaryKey(),
  minGroupSize: smallint('min_group_size').notNull().default(5),
  cadence: text('cadence', { enum: PULSE_CADENCE_VALUES }).notNull().default('quarterly'),
  /** null: the default bank. */
  questions: jsonb('questions').$type<StoredQuestion[]>(),
  freeTextQuestion: text('free_text_question'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** One pulse: its statements as they were asked, its window, who was asked (for the reminder) and the reminder claim. */
export const pulses = pgTable(
  'pulses',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    number: integer('number').notNull(),
    opensAt: ts('opens_at').notNull(),
    closesAt: ts('closes_at').notNull(),
    questions: jsonb('questions').$type<StoredQuestion[]>().notNull(),
    freeTextQuestion: text('free_text_question').notNull(),
    /** Active marketing and sales members when it opened (null until the invitation goes out). */
    invitedUserIds: uuid('invited_user_ids').array(),
    invitedAt: ts('invited_at'),
    remindedAt: ts('reminded_at'),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('pulses_closes_idx').on(t.workspaceId, t.closesAt)],
);

/** Who answered, one way: HMAC(instance secret, pulse id + user id). Stops a second answer; holds no time and no link to the answer. */
export const pulseParticipants = pgTable(
  'pulse_participants',
  {
    workspaceId: uuid('workspace_id').notNull(),
    pulseId: uuid('pulse_id').notNull(),
    token: text('token').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.pulseId, t.token] }),
    foreignKey({ columns: [t.workspaceId, t.pulseId], foreignColumns: [pulses.workspaceId, pulses.id] }).onDelete('cascade'),
  ],
);

/** One anonymous answer: team, role, the 1–5 agreements by question id and the optional comment. */
export const pulseResponses = pgTable(
  'pulse_responses',
  {
    workspaceId: uuid('workspace_id').notNull(),
    pulseId: uuid('pulse_id').notNull(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    side: text('side', { enum: PULSE_SIDE_VALUES }).notNull(),
    role: text('role', { enum: PULSE_ROLE_VALUES }).notNull(),
    answers: jsonb('answers').$type<Record<string, number>>().notNull(),
    comment: text('comment'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.pulseId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.pulseId], foreignColumns: [pulses.workspaceId, pulses.id] }).onDelete('cascade'),
  ],
);

/** The index as it stood each week (Monday, UTC): overall and per friction score and confidence. */
export const alignmentSnapshots = pgTable(
  'alignment_snapshots',
  {
    workspaceId: workspaceId(),
    week: date('week', { mode: 'string' }).notNull(),
    overall: smallint('overall'),
    frictions: jsonb('frictions').$type<{ key: string; score: number | null; confidence: number }[]>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.week] })],
);
