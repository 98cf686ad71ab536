import { z } from 'zod';
import { IsoDate, Role, Uuid } from '../common.ts';

/**
 * Shared goals: a goal owned by people from both teams (at least one marketing owner and one sales or sales lead
 * owner), for a fiscal quarter or a custom period, with key results bound to a metric of the catalogue or checked
 * in by hand. Status compares where a key result stands with a straight path from its baseline at the period's
 * start to its target at the period's end (docs/decisions: the goal status rule).
 */

export const GOAL_STATUSES = ['on_track', 'at_risk', 'off_track', 'no_data'] as const;
export const GoalStatus = z.enum(GOAL_STATUSES);
export type GoalStatus = z.infer<typeof GoalStatus>;
export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  no_data: 'No data',
};

export const KEY_RESULT_KINDS = ['metric', 'manual'] as const;
export const KeyResultKind = z.enum(KEY_RESULT_KINDS);
export type KeyResultKind = z.infer<typeof KeyResultKind>;

export const KEY_RESULT_DIRECTIONS = ['increase', 'decrease'] as const;
export const KeyResultDirection = z.enum(KEY_RESULT_DIRECTIONS);
export type KeyResultDirection = z.infer<typeof KeyResultDirection>;

/** A person on a goal (an owner, a comment's or a check-in's author). */
export const GoalPerson = z.object({ userId: Uuid, name: z.string(), role: Role.nullable() });
export type GoalPerson = z.infer<typeof GoalPerson>;

/** The period a goal is for: a fiscal quarter by its label (`FY2027 Q1`, by the workspace's fiscal year) or custom dates. */
export const GoalPeriodInput = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('quarter'), label: z.string().trim().regex(/^FY\d{4} Q[1-4]$/, 'a fiscal quarter is written like FY2027 Q1') }),
    z.object({ kind: z.literal('custom'), start: IsoDate, end: IsoDate }),
  ],
  { error: 'period.kind is quarter or custom' },
);
export type GoalPeriodInput = z.input<typeof GoalPeriodInput>;

export const GoalPeriod = z.object({
  kind: z.enum(['quarter', 'custom']),
  /** `FY2027 Q1` for a quarter; `2026-11-01 – 2027-01-31` for custom dates. */
  label: z.string(),
  /** First and last day, inclusive (workspace-local dates). */
  start: z.string(),
  end: z.string(),
});
export type GoalPeriod = z.infer<typeof GoalPeriod>;

const Num = (what: string) => z.number({ error: `${what} is a number` }).finite().min(-1e13).max(1e13);
const Filters = z.record(z.string().max(40), z.union([z.string().max(200), z.array(z.string().max(200)).max(50)]));

/**
 * A key result. `metric` (a catalogue name, kebab-case, e.g. `win-rate`) with its filters for kind `metric`;
 * a manual result's values come from check-ins. `direction` defaults to the way from baseline to target.
 * Fractions (win rate) are 0–1.
 */
export const KeyResultInput = z.object({
  title: z.string().trim().min(1, 'a key result needs a title').max(200),
  kind: KeyResultKind,
  metric: z.string().trim().max(60).nullish(),
  filters: Filters.optional(),
  byAmount: z.boolean().optional(),
  baseline: Num('baseline'),
  target: Num('target'),
  direction: KeyResultDirection.optional(),
  /** fraction, currency, days, count, or free text for manual results; from the metric when left out. */
  unit: z.string().trim().min(1).max(30).optional(),
});
export type KeyResultInput = z.input<typeof KeyResultInput>;

export const UpdateKeyResultRequest = KeyResultInput.partial();
export type UpdateKeyResultRequest = z.input<typeof UpdateKeyResultRequest>;

export const CreateGoalRequest = z.object({
  title: z.string().trim().min(1, 'a goal needs a title').max(200, 'a title has at most 200 characters'),
  why: z.string().trim().max(5_000, '`why` has at most 5,000 characters').optional(),
  period: GoalPeriodInput,
  /** At least one marketing owner and one sales or sales lead owner (members of the workspace). */
  ownerIds: z.array(Uuid).min(1, 'a goal needs owners').max(20, 'at most 20 owners'),
  keyResults: z.array(KeyResultInput).max(10, 'at most 10 key results').optional(),
});
export type CreateGoalRequest = z.input<typeof CreateGoalRequest>;

/** Parts left out stay as they are. */
export const UpdateGoalRequest = z.object({
  title: CreateGoalRequest.shape.title.optional(),
  why: CreateGoalRequest.shape.why,
  period: GoalPeriodInput.optional(),
  ownerIds: CreateGoalRequest.shape.ownerIds.optional(),
});
export type UpdateGoalRequest = z.input<typeof UpdateGoalRequest>;

/** Where a key result stands now. */
export const KeyResultCurrent = z.object({
  value: z.number().nullable(),
  /** For proportions: the counts behind the value. */
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** The period so far has nothing to count (or a manual result has no check-in with a value yet). */
  noData: z.boolean(),
});

export const KeyResult = z.object({
  id: Uuid,
  goalId: Uuid,
  position: z.number().int(),
  title: z.string(),
  kind: KeyResultKind,
  metric: z.string().nullable(),
  filters: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  byAmount: z.boolean(),
  baseline: z.number(),
  target: z.number(),
  direction: KeyResultDirection,
  unit: z.string(),
  current: KeyResultCurrent,
  /** Where the straight path from baseline to target says the value should be today. */
  expected: z.number(),
  /** The share of the way from baseline to target covered (may be below 0 or above 1). Null without data. */
  progress: z.number().nullable(),
  status: GoalStatus,
  statusChangedAt: z.string().nullable(),
  evaluatedAt: z.string().nullable(),
});
export type KeyResult = z.infer<typeof KeyResult>;

export const Goal = z.object({
  id: Uuid,
  title: z.string(),
  why: z.string(),
  period: GoalPeriod,
  /** The worst status of its key results (no data when none has data). */
  status: GoalStatus,
  owners: z.array(GoalPerson),
  keyResults: z.array(KeyResult),
  createdBy: GoalPerson.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Goal = z.infer<typeof Goal>;

export const GoalDetail = Goal.extend({
  /** What the caller may do here (owners check in whatever their role). */
  can: z.object({ edit: z.boolean(), checkIn: z.boolean(), comment: z.boolean() }),
  commentCount: z.number().int(),
});
export type GoalDetail = z.infer<typeof GoalDetail>;

export const GoalListQuery = z.object({
  /** A fiscal quarter label (`FY2027 Q1`): goals whose period overlaps it. */
  period: z.string().trim().regex(/^FY\d{4} Q[1-4]$/, 'a fiscal quarter is written like FY2027 Q1').optional(),
  status: GoalStatus.optional(),
  ownerId: Uuid.optional(),
  /** Only the caller's goals. */
  mine: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  /** The `nextCursor` of the page before (keyset: newest period first). */
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int('limit is a whole number').min(1, 'limit is at least 1').max(100, 'limit is at most 100').default(50),
});
export type GoalListQuery = z.input<typeof GoalListQuery>;

export const GoalList = z.object({ items: z.array(Goal), nextCursor: z.string().nullable(), total: z.number().int() });
export type GoalList = z.infer<typeof GoalList>;

/** A change to a goal: the goal as it now reads and who was told (owners hear of status changes). */
export const GoalChangeResponse = z.object({ goal: GoalDetail, notified: z.array(GoalPerson) });
export type GoalChangeResponse = z.infer<typeof GoalChangeResponse>;

export const CreateCheckinRequest = z.object({
  /** The value now (required for manual key results; optional for metric ones, which are computed). */
  value: Num('value').nullish(),
  note: z.string().trim().max(5_000, 'a note has at most 5,000 characters').optional(),
});
export type CreateCheckinRequest = z.input<typeof CreateCheckinRequest>;

export const Checkin = z.object({
  id: Uuid,
  keyResultId: Uuid,
  author: GoalPerson.nullable(),
  value: z.number().nullable(),
  note: z.string(),
  createdAt: z.string(),
});
export type Checkin = z.infer<typeof Checkin>;
export const CheckinList = z.object({ items: z.array(Checkin) });
/** A check-in as made: the check-in, the goal's status after it, and who was told of a status change (owners). */
export const CreateCheckinResponse = Checkin.extend({ goalStatus: GoalStatus, notified: z.array(GoalPerson) });
export type CreateCheckinResponse = z.infer<typeof CreateCheckinResponse>;
export type CheckinList = z.infer<typeof CheckinList>;

export const GoalComment = z.object({ id: Uuid, author: GoalPerson.nullable(), body: z.string(), createdAt: z.string() });
export type GoalComment = z.infer<typeof GoalComment>;
export const GoalCommentList = z.object({ items: z.array(GoalComment) });
export type GoalCommentList = z.infer<typeof GoalCommentList>;
export const CreateGoalCommentRequest = z.object({
  body: z.string().trim().min(1, 'a comment is empty').max(10_000, 'a comment has at most 10,000 characters'),
});
export type CreateGoalCommentRequest = z.input<typeof CreateGoalCommentRequest>;
export const CreateGoalCommentResponse = z.object({ comment: GoalComment });
export type CreateGoalCommentResponse = z.infer<typeof CreateGoalCommentResponse>;

/** A key result's history for a chart: one point per workspace-local day (daily snapshots), the path, check-ins. */
export const KeyResultHistory = z.object({
  keyResult: KeyResult,
  period: GoalPeriod,
  /** The straight path: baseline on the first day, target on the last. */
  path: z.array(z.object({ day: z.string(), value: z.number() })),
  points: z.array(z.object({ day: z.string(), value: z.number().nullable(), status: GoalStatus })),
  checkins: z.array(Checkin),
});
export type KeyResultHistory = z.infer<typeof KeyResultHistory>;
