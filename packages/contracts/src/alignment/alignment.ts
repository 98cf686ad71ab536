import { z } from 'zod';
import { IsoDate, IsoDateTime, Uuid } from '../common.ts';

/** An instant in a response. */
const Instant = z.iso.datetime();

/**
 * Alignment: is the gap between marketing and sales closing, friction by friction? Two sources — a short recurring
 * pulse survey both teams answer anonymously (what they say), and operational signals already in Tandem (what they
 * do) — combined per friction into a 0–100 Alignment Index with a confidence that missing data lowers.
 */

/** The eight frictions, in the order the product names them everywhere. */
export const FRICTION_KEYS = ['goals', 'communication', 'timing', 'involvement', 'customer_feedback', 'resources', 'responsibility', 'territory'] as const;
export const FrictionKey = z.enum(FRICTION_KEYS);
export type FrictionKey = z.infer<typeof FrictionKey>;
export const FRICTION_LABELS: Record<FrictionKey, string> = {
  goals: 'Misaligned goals',
  communication: 'Communication',
  timing: 'Timing and prioritization',
  involvement: 'Involvement in decisions',
  customer_feedback: 'Customer feedback',
  resources: 'Competing priorities and resources',
  responsibility: 'Responsibility for results',
  territory: 'Territory and credit',
};

/** The two teams a pulse asks; admins run pulses and read results but do not answer. */
export const PULSE_SIDES = ['marketing', 'sales'] as const;
export const PulseSide = z.enum(PULSE_SIDES);
export type PulseSide = z.infer<typeof PulseSide>;
/** The roles a respondent is kept by (with the side): nothing else about them is stored with an answer. */
export const PULSE_ROLES = ['marketing', 'sales_lead', 'sales'] as const;
export const PulseRole = z.enum(PULSE_ROLES);
export type PulseRole = z.infer<typeof PulseRole>;

export const PULSE_CADENCES = ['off', 'monthly', 'quarterly'] as const;
export const PulseCadence = z.enum(PULSE_CADENCES);
export type PulseCadence = z.infer<typeof PulseCadence>;

/** The smallest group any figure is shown for: 5 by default, never below 3. */
export const MIN_GROUP_SIZE_DEFAULT = 5;
export const MIN_GROUP_SIZE_FLOOR = 3;

export const PulseQuestion = z.object({
  id: z.string().trim().min(1).max(40).regex(/^[a-z0-9_-]+$/, 'lower-case letters, digits, - and _'),
  friction: FrictionKey,
  text: z.string().trim().min(5, 'Write the statement (5 characters or more)').max(200),
  /** The id of the statement it mirrors ("Marketing acts on what sales reports" / "Sales tells marketing what customers say"). */
  mirrorOf: z.string().nullable().default(null),
});
export type PulseQuestion = z.infer<typeof PulseQuestion>;

export const FREE_TEXT_QUESTION_DEFAULT = 'What one thing would make marketing and sales work better together? (optional)';

/** The default question bank: 2–3 statements per friction on a 1–5 agreement scale, the same for both teams. */
export const DEFAULT_PULSE_QUESTIONS: PulseQuestion[] = [
  { id: 'goals-shared', friction: 'goals', text: 'Marketing and sales work towards the same goals this quarter', mirrorOf: null },
  { id: 'goals-credit', friction: 'goals', text: 'I know which numbers the other team is measured on', mirrorOf: null },
  { id: 'comm-mkt', friction: 'communication', text: 'Marketing acts on what sales reports', mirrorOf: 'comm-sales' },
  { id: 'comm-sales', friction: 'communication', text: 'Sales tells marketing what customers say', mirrorOf: 'comm-mkt' },
  { id: 'comm-reach', friction: 'communication', text: 'I get an answer when I ask the other team something', mirrorOf: null },
  { id: 'timing-ready', friction: 'timing', text: 'Material is ready when sales needs it', mirrorOf: null },
  { id: 'timing-fair', friction: 'timing', text: 'Requests are prioritized fairly and visibly', mirrorOf: null },
  { id: 'inv-asked', friction: 'involvement', text: 'Sales is asked before decisions that affect it', mirrorOf: 'inv-heard' },
  { id: 'inv-heard', friction: 'involvement', text: 'Marketing explains what changed because of sales input', mirrorOf: 'inv-asked' },
  { id: 'cf-acted', friction: 'customer_feedback', text: 'Customer feedback from the field leads to changes', mirrorOf: null },
  { id: 'cf-status', friction: 'customer_feedback', text: 'I can see what happened to feedback that was logged', mirrorOf: null },
  { id: 'res-capacity', friction: 'resources', text: 'Marketing has the capacity for what sales needs', mirrorOf: null },
  { id: 'res-priorities', friction: 'resources', text: 'When priorities compete, the trade-off is explained', mirrorOf: null },
  { id: 'resp-shared', friction: 'responsibility', text: 'Both teams own the result of a lost deal', mirrorOf: null },
  { id: 'resp-why', friction: 'responsibility', text: 'We know why we win and lose deals', mirrorOf: null },
  { id: 'terr-credit', friction: 'territory', text: 'Credit for revenue is shared fairly between the teams', mirrorOf: null },
  { id: 'terr-disputes', friction: 'territory', text: 'Disagreements about credit get resolved', mirrorOf: null },
];

export const AlignmentSettings = z.object({
  minGroupSize: z.number().int(),
  cadence: PulseCadence,
  questions: z.array(PulseQuestion),
  freeTextQuestion: z.string(),
});
export type AlignmentSettings = z.infer<typeof AlignmentSettings>;

export const UpdateAlignmentSettingsRequest = z
  .object({
    minGroupSize: z.number().int().min(MIN_GROUP_SIZE_FLOOR, `never below ${MIN_GROUP_SIZE_FLOOR}`).max(50),
    cadence: PulseCadence,
    questions: z.array(PulseQuestion).min(16).max(24),
    freeTextQuestion: z.string().trim().min(5).max(200),
  })
  .partial();
export type UpdateAlignmentSettingsRequest = z.infer<typeof UpdateAlignmentSettingsRequest>;

export const PULSE_STATUSES = ['scheduled', 'open', 'closed'] as const;
export const PulseStatus = z.enum(PULSE_STATUSES);
export type PulseStatus = z.infer<typeof PulseStatus>;

export const PulseSummary = z.object({
  id: Uuid,
  number: z.number().int(),
  status: PulseStatus,
  opensAt: Instant,
  closesAt: Instant,
  invited: z.number().int(),
  /** How many answered: a count, never who. */
  answered: z.number().int(),
  /** Whether the caller has answered (from the one-way participation record). */
  answeredByMe: z.boolean(),
  /** Whether the caller is one of the people asked (marketing and sales members when it opened). */
  invitedMe: z.boolean(),
});
export type PulseSummary = z.infer<typeof PulseSummary>;

export const PulseList = z.object({ items: z.array(PulseSummary) });
export type PulseList = z.infer<typeof PulseList>;

export const PulseDetail = PulseSummary.extend({
  questions: z.array(PulseQuestion),
  freeTextQuestion: z.string(),
});
export type PulseDetail = z.infer<typeof PulseDetail>;

export const SchedulePulseRequest = z.object({
  /** When it opens; now when left out. */
  opensAt: IsoDateTime({ offset: true }).optional(),
  /** Days it stays open (1–30, 7 by default). */
  days: z.number().int().min(1).max(30).default(7),
});
export type SchedulePulseRequest = z.input<typeof SchedulePulseRequest>;

export const AnswerPulseRequest = z.object({
  /** Question id → agreement 1 (strongly disagree) … 5 (strongly agree); every question of the pulse. */
  answers: z.record(z.string(), z.number().int().min(1).max(5)),
  comment: z.string().trim().max(1000).optional(),
});
export type AnswerPulseRequest = z.infer<typeof AnswerPulseRequest>;

export const AnswerPulseResponse = z.object({ ok: z.literal(true), message: z.string() });

export const PulseResultsQuery = z.object({ role: PulseRole.optional() });

/** A figure for one group; null fields and `shown: false` when the group is too small or would isolate someone. */
export const GroupFigures = z.object({
  shown: z.boolean(),
  /** Why nothing is shown, in words ("too few answers: fewer than 5"). */
  reason: z.string().nullable(),
  respondents: z.number().int().nullable(),
  frictions: z.array(
    z.object({
      key: FrictionKey,
      mean: z.number().nullable(),
      /** Answers at 1…5. */
      distribution: z.array(z.number().int()).nullable(),
    }),
  ),
  /** Words several respondents used in the free-text answer, each with how many used it; null for a small group. */
  comments: z.array(z.object({ term: z.string(), respondents: z.number().int() })).nullable(),
});
export type GroupFigures = z.infer<typeof GroupFigures>;

export const PulseResults = z.object({
  pulse: PulseSummary,
  minGroupSize: z.number().int(),
  role: PulseRole.nullable(),
  /** Results are shown once a pulse has closed: a live count would let two reads a minute apart isolate the last answer. */
  available: z.boolean(),
  marketing: GroupFigures,
  sales: GroupFigures,
  frictions: z.array(
    z.object({
      key: FrictionKey,
      label: z.string(),
      marketing: z.number().nullable(),
      sales: z.number().nullable(),
      /** Marketing's mean minus sales' (1–5 scale); null unless both groups are shown. */
      gap: z.number().nullable(),
    }),
  ),
  /** Per earlier closed pulse, the two teams' means per friction (each point gated like the rest). */
  trend: z.array(
    z.object({
      pulseId: Uuid,
      number: z.number().int(),
      closesAt: Instant,
      frictions: z.array(z.object({ key: FrictionKey, marketing: z.number().nullable(), sales: z.number().nullable() })),
    }),
  ),
});
export type PulseResults = z.infer<typeof PulseResults>;

// ---- The Alignment Index -----------------------------------------------------------------------------------

export const AlignmentSignal = z.object({
  name: z.string(),
  /** The signal's 0–100 score; null: no data yet (it lowers the confidence, not the score). */
  value: z.number().nullable(),
  weight: z.number(),
  /** Where in Tandem the signal comes from. */
  link: z.string(),
});
export type AlignmentSignal = z.infer<typeof AlignmentSignal>;

export const AlignmentFriction = z.object({
  key: FrictionKey,
  /** 0–100, or null when there is not enough data. */
  score: z.number().nullable(),
  /** 0–1: the share of the friction's weight that had data. */
  confidence: z.number(),
  signals: z.array(AlignmentSignal),
  survey: z.object({ marketing: z.number().nullable(), sales: z.number().nullable(), gap: z.number().nullable() }).nullable(),
});
export type AlignmentFriction = z.infer<typeof AlignmentFriction>;

/** `GET /alignment`: the shape issue 19 fixes. */
export const AlignmentIndex = z.object({
  overall: z.number().nullable(),
  frictions: z.array(AlignmentFriction),
});
export type AlignmentIndex = z.infer<typeof AlignmentIndex>;

/** What the index page shows beyond the index: each signal in words, the trend, the playbook. */
export const AlignmentReport = z.object({
  asOf: Instant,
  index: AlignmentIndex,
  details: z.array(
    z.object({
      key: FrictionKey,
      label: z.string(),
      signals: z.array(z.object({ name: z.string(), measure: z.string(), noData: z.boolean() })),
    }),
  ),
  /** The pulse whose answers the survey part uses (the latest closed one). */
  pulse: z.object({ id: Uuid, number: z.number().int(), closesAt: Instant }).nullable(),
  trend: z.array(z.object({ week: IsoDate, overall: z.number().nullable(), frictions: z.record(z.string(), z.number().nullable()) })),
  playbook: z
    .object({
      friction: FrictionKey,
      label: z.string(),
      steps: z.array(z.object({ text: z.string(), link: z.string() })),
    })
    .nullable(),
});
export type AlignmentReport = z.infer<typeof AlignmentReport>;
