import { z } from 'zod';
import { IsoDate, Role, Uuid } from '../common.ts';

/**
 * Sync meetings: the regular PMM–sales sync. A series recurs (weekly, every two weeks, monthly) at one wall time in
 * an IANA time zone; each coming occurrence's agenda is generated from live data since the previous one (themes,
 * requests, decisions, goals, open action items — each saying why it qualified), edited and published by the owner;
 * minutes keep notes per item, attendance and action items carried to the next agenda until done.
 */

export const MEETING_CADENCES = ['weekly', 'biweekly', 'monthly'] as const;
export const MeetingCadence = z.enum(MEETING_CADENCES);
export type MeetingCadence = z.infer<typeof MeetingCadence>;
export const MEETING_CADENCE_LABELS: Record<MeetingCadence, string> = { weekly: 'Every week', biweekly: 'Every two weeks', monthly: 'Every month' };

export const AGENDA_ITEM_KINDS = ['theme', 'request', 'decision', 'goal', 'action_item', 'free'] as const;
export const AgendaItemKind = z.enum(AGENDA_ITEM_KINDS);
export type AgendaItemKind = z.infer<typeof AgendaItemKind>;
export const AGENDA_ITEM_KIND_LABELS: Record<AgendaItemKind, string> = {
  theme: 'Feedback theme',
  request: 'Request',
  decision: 'Decision',
  goal: 'Goal',
  action_item: 'Action item',
  free: 'Topic',
};

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz.includes('/') || tz === 'UTC';
  } catch {
    return false;
  }
};

export const MeetingPerson = z.object({ userId: Uuid, name: z.string() });
export type MeetingPerson = z.infer<typeof MeetingPerson>;

export const CreateMeetingSeriesRequest = z.object({
  title: z.string().trim().min(1, 'a title is required').max(200, 'a title has at most 200 characters'),
  cadence: MeetingCadence,
  /** The first occurrence's local date in `timeZone`. */
  startsOn: IsoDate,
  /** Local wall time, kept across daylight-saving changes. */
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM (24-hour)'),
  timeZone: z.string().refine(isTimeZone, 'an IANA time zone such as Europe/Berlin'),
  durationMinutes: z.number().int().min(5, 'at least 5 minutes').max(480, 'at most 8 hours'),
  attendeeIds: z.array(Uuid).min(1, 'invite at least one attendee').max(100, 'at most 100 attendees'),
});
export type CreateMeetingSeriesRequest = z.input<typeof CreateMeetingSeriesRequest>;

export const MeetingSeriesSummary = z.object({
  id: Uuid,
  title: z.string(),
  cadence: MeetingCadence,
  startTime: z.string(),
  timeZone: z.string(),
  durationMinutes: z.number().int(),
  owner: MeetingPerson,
  attendeeCount: z.number().int(),
  next: z.object({ seq: z.number().int(), startsAt: z.iso.datetime() }).nullable(),
});
export type MeetingSeriesSummary = z.infer<typeof MeetingSeriesSummary>;
export const MeetingSeriesList = z.object({ items: z.array(MeetingSeriesSummary) });
export type MeetingSeriesList = z.infer<typeof MeetingSeriesList>;

export const OCCURRENCE_STATES = ['draft', 'published', 'held'] as const;
export const OccurrenceRef = z.object({
  seq: z.number().int(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  state: z.enum(OCCURRENCE_STATES),
  past: z.boolean(),
});
export type OccurrenceRef = z.infer<typeof OccurrenceRef>;

export const MeetingAttendee = MeetingPerson.extend({ role: Role, team: z.enum(['marketing', 'sales', 'admin']) });
export type MeetingAttendee = z.infer<typeof MeetingAttendee>;

export const MeetingSeriesDetail = MeetingSeriesSummary.extend({
  startsOn: z.string(),
  attendees: z.array(MeetingAttendee),
  /** The last six past occurrences and the next four, oldest first. */
  occurrences: z.array(OccurrenceRef),
  canManage: z.boolean(),
});
export type MeetingSeriesDetail = z.infer<typeof MeetingSeriesDetail>;

export const AgendaItem = z.object({
  id: Uuid,
  position: z.number().int(),
  kind: AgendaItemKind,
  sourceId: Uuid.nullable(),
  title: z.string(),
  /** Why it is on the agenda, e.g. "New since the last sync; $120,000 at stake". */
  why: z.string(),
  /** Path inside the app to its source (null for a free topic). */
  link: z.string().nullable(),
  notes: z.string(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const ActionItem = z.object({
  id: Uuid,
  title: z.string(),
  owner: MeetingPerson,
  dueOn: z.string(),
  doneAt: z.iso.datetime().nullable(),
  /** The occurrence it was agreed in. */
  fromSeq: z.number().int(),
  overdue: z.boolean(),
});
export type ActionItem = z.infer<typeof ActionItem>;

export const OccurrenceDetail = z.object({
  seriesId: Uuid,
  seriesTitle: z.string(),
  timeZone: z.string(),
  seq: z.number().int(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  /** The previous occurrence's start: the agenda looks at what happened since. Null for the first. */
  since: z.iso.datetime().nullable(),
  state: z.enum(OCCURRENCE_STATES),
  published: z.object({ at: z.iso.datetime(), by: z.string().nullable() }).nullable(),
  heldAt: z.iso.datetime().nullable(),
  items: z.array(AgendaItem),
  attendance: z.array(MeetingAttendee.extend({ present: z.boolean().nullable() })),
  /** Action items agreed in this occurrence. */
  actionItems: z.array(ActionItem),
  canManage: z.boolean(),
  canTakePart: z.boolean(),
});
export type OccurrenceDetail = z.infer<typeof OccurrenceDetail>;

export const OccurrenceChangeResponse = z.object({ occurrence: OccurrenceDetail, notified: z.array(MeetingPerson) });
export type OccurrenceChangeResponse = z.infer<typeof OccurrenceChangeResponse>;

export const AddAgendaItemRequest = z.object({
  title: z.string().trim().min(1, 'say what the topic is').max(300, 'at most 300 characters'),
  why: z.string().trim().max(1000, 'at most 1,000 characters').default(''),
});
export type AddAgendaItemRequest = z.input<typeof AddAgendaItemRequest>;

export const EditAgendaItemRequest = z.object({
  title: z.string().trim().min(1, 'a title cannot be empty').max(300, 'at most 300 characters').optional(),
  notes: z.string().max(20_000, 'at most 20,000 characters').optional(),
  /** Take it off the agenda (a refresh from live data does not bring it back). */
  hidden: z.boolean().optional(),
});
export type EditAgendaItemRequest = z.input<typeof EditAgendaItemRequest>;

export const ReorderAgendaRequest = z.object({ order: z.array(Uuid).min(1, 'list the items in their new order').max(200) });
export type ReorderAgendaRequest = z.input<typeof ReorderAgendaRequest>;

export const AttendanceRequest = z.object({ presentUserIds: z.array(Uuid).max(200) });
export type AttendanceRequest = z.input<typeof AttendanceRequest>;

export const CreateActionItemRequest = z.object({
  title: z.string().trim().min(1, 'say what is to be done').max(300, 'at most 300 characters'),
  ownerUserId: Uuid,
  dueOn: IsoDate,
});
export type CreateActionItemRequest = z.input<typeof CreateActionItemRequest>;

export const UpdateActionItemRequest = z.object({ done: z.boolean() });
export type UpdateActionItemRequest = z.input<typeof UpdateActionItemRequest>;

export const ActionItemChangeResponse = z.object({ actionItem: ActionItem, notified: z.array(MeetingPerson) });
export type ActionItemChangeResponse = z.infer<typeof ActionItemChangeResponse>;

export const MeetingExportQuery = z.object({ part: z.enum(['agenda', 'minutes']).default('agenda') });

export const MeetingMembersOptions = z.object({ people: z.array(MeetingAttendee) });
export type MeetingMembersOptions = z.infer<typeof MeetingMembersOptions>;

export const MeetingMetricsQuery = z.object({ from: IsoDate, to: IsoDate });
const Ratio = z.object({ numerator: z.number().int(), denominator: z.number().int() });
export const MeetingMetrics = z.object({
  /** Action items due in the period, and those done by the end of their due day (workspace UTC). */
  actionItemsOnTime: Ratio,
  /** Occurrences scheduled in the period that have started, and those held (attendance kept). */
  meetingsHeld: Ratio,
  /** Attendance by team over held occurrences: present / expected. */
  attendanceByTeam: z.array(Ratio.extend({ team: z.enum(['marketing', 'sales', 'admin']) })),
});
export type MeetingMetrics = z.infer<typeof MeetingMetrics>;
