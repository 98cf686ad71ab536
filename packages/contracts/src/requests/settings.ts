import { z } from 'zod';
import { IsoDate, Uuid } from '../common.ts';
import { RequestPerson, RequestType, SCORE_PARTS } from './common.ts';

/**
 * Schemas of the requests' settings (per type SLA targets, score weights, the working calendar), PMM capacity,
 * the capacity view with the line, and the metrics the scorecard reads.
 */

const Hours = (what: string) =>
  z.number({ error: `${what} is a number of business hours` }).min(0.5, `${what} is at least 0.5 hours`).max(2_000, `${what} is at most 2,000 hours`);

export const RequestTypeSetting = z.object({
  type: RequestType,
  /** Business hours from filing to the first response (triage, a comment or a decline by a PMM). */
  firstResponseHours: Hours('firstResponseHours'),
  /** Business hours from filing to delivery. */
  deliveryHours: Hours('deliveryHours'),
});
export type RequestTypeSetting = z.infer<typeof RequestTypeSetting>;

const Weight = z.number({ error: 'a weight is a number' }).min(0, 'a weight is at least 0').max(10, 'a weight is at most 10');
export const ScoreWeights = z.object(Object.fromEntries(SCORE_PARTS.map((p) => [p, Weight])) as Record<(typeof SCORE_PARTS)[number], typeof Weight>);
export type ScoreWeights = z.infer<typeof ScoreWeights>;

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time is HH:MM, 00:00 to 23:59');
export const WorkCalendar = z.object({
  /** IANA time zone, e.g. Europe/Berlin. */
  timeZone: z.string().min(1).max(64),
  /** ISO weekdays worked: 1 = Monday … 7 = Sunday. */
  workingDays: z.array(z.number().int().min(1, 'weekdays are 1 (Monday) to 7 (Sunday)').max(7, 'weekdays are 1 (Monday) to 7 (Sunday)')).min(1, 'at least one working day').max(7),
  dayStart: Time,
  dayEnd: Time,
  holidays: z.array(IsoDate).max(400, 'at most 400 holidays'),
});
export type WorkCalendar = z.infer<typeof WorkCalendar>;

export const RequestSettings = z.object({
  types: z.array(RequestTypeSetting),
  weights: ScoreWeights,
  calendar: WorkCalendar,
  /** The share of a target left when a clock turns "due soon" (0.25 = the last quarter). */
  dueSoonFraction: z.number(),
  /** The workspace's base currency (pipeline at stake is counted in it). */
  currency: z.string(),
  /** Defaults the workspace has not changed. */
  defaults: z.object({ types: z.array(RequestTypeSetting), weights: ScoreWeights }),
});
export type RequestSettings = z.infer<typeof RequestSettings>;

/** Parts left out stay as they are. Changing weights reorders the queue and is audited. */
export const UpdateRequestSettingsRequest = z.object({
  types: z.array(RequestTypeSetting).max(20).optional(),
  weights: ScoreWeights.partial().optional(),
  calendar: WorkCalendar.optional(),
  dueSoonFraction: z.number({ error: 'dueSoonFraction is a number' }).min(0.05).max(0.9).optional(),
});
export type UpdateRequestSettingsRequest = z.input<typeof UpdateRequestSettingsRequest>;

export const PmmCapacity = z.object({
  user: RequestPerson,
  /** Hours a week this person gives to requests. */
  weeklyHours: z.number(),
});
export type PmmCapacity = z.infer<typeof PmmCapacity>;
export const PmmCapacityList = z.object({ items: z.array(PmmCapacity) });
export type PmmCapacityList = z.infer<typeof PmmCapacityList>;
export const UpdatePmmCapacityRequest = z.object({
  items: z
    .array(
      z.object({
        userId: Uuid,
        weeklyHours: z.number({ error: 'weeklyHours is a number of hours' }).min(0, 'weeklyHours is at least 0').max(80, 'weeklyHours is at most 80'),
      }),
    )
    .max(500),
});
export type UpdatePmmCapacityRequest = z.input<typeof UpdatePmmCapacityRequest>;

export const CapacityQuery = z.object({ weeks: z.coerce.number().int().min(1).max(26).default(8) });
export type CapacityQuery = z.input<typeof CapacityQuery>;

export const CapacityWeek = z.object({
  /** The Monday that starts the week (workspace time zone). */
  start: z.string(),
  capacityHours: z.number(),
  /** Estimates of triaged and in-progress requests needed by a date in that week. */
  demandHours: z.number(),
  /** Hours the plan spends in that week at today's order. */
  plannedHours: z.number(),
});
export const CapacityRow = z.object({
  requestId: Uuid,
  number: z.number().int(),
  title: z.string(),
  type: RequestType,
  status: z.string(),
  rank: z.number().int(),
  assignee: RequestPerson.nullable(),
  remainingHours: z.number(),
  neededBy: z.string().nullable(),
  expectedDoneOn: z.string().nullable(),
  belowLine: z.boolean(),
  reason: z.string(),
  requesters: z.array(RequestPerson),
});
export const CapacityView = z.object({
  weeks: z.array(CapacityWeek),
  /** Open requests with an estimate, in queue order. */
  rows: z.array(CapacityRow),
  /** Index in `rows` of the first request that will not be done by its date; null: everything fits. */
  lineIndex: z.number().int().nullable(),
  /** Open requests still without an estimate (not planned: triage them). */
  unestimated: z.number().int(),
  capacity: z.array(PmmCapacity),
});
export type CapacityView = z.infer<typeof CapacityView>;

export const RequestMetricsQuery = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });
export type RequestMetricsQuery = z.input<typeof RequestMetricsQuery>;
const Share = z.object({ numerator: z.number().int(), denominator: z.number().int(), value: z.number().nullable(), low: z.number().nullable(), high: z.number().nullable() });
export const RequestMetrics = z.object({
  from: z.string(),
  to: z.string(),
  /** Median business hours from filing to first response (null: none answered in the period). */
  medianFirstResponseHours: z.number().nullable(),
  firstResponseCount: z.number().int(),
  /** Delivered in the period within the delivery target, with a Wilson 95 % interval. */
  deliveredWithinSla: Share,
  /** Open requests by age since filing. */
  backlogByAge: z.array(z.object({ bucket: z.enum(['under_1_week', '1_2_weeks', '2_4_weeks', 'over_4_weeks']), count: z.number().int() })),
  byType: z.array(z.object({ type: RequestType, count: z.number().int() })),
  byTeam: z.array(z.object({ teamId: Uuid.nullable(), teamName: z.string(), count: z.number().int() })),
  /** Delivered assets later used by reps other than the requesters. */
  reuse: z.object({ deliveredAssets: z.number().int(), reusedAssets: z.number().int(), otherReps: z.number().int() }),
});
export type RequestMetrics = z.infer<typeof RequestMetrics>;
