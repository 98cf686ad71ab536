import { addBusinessHours, businessHoursBetween } from './business-hours.ts';
import type { WorkCalendar } from './calendar.ts';

export type SlaState = 'on_track' | 'due_soon' | 'breached' | 'met' | 'missed';
/** Targets in business hours. */
export interface SlaTargets {
  firstResponseHours: number;
  deliveryHours: number;
}
export interface SlaClockPart {
  state: SlaState;
  /** Business hours until due (negative: overdue by that many); null once the clock stopped. */
  businessHoursLeft: number | null;
}
export interface SlaClock {
  firstResponseDueAt: Date;
  deliveryDueAt: Date;
  firstResponse: SlaClockPart; // null once answered
  delivery: SlaClockPart; // null once delivered/closed
  state: SlaState; // the worse open clock, else delivery's final state
}

export interface SlaClockInput {
  createdAt: Date;
  firstRespondedAt: Date | null;
  deliveredAt: Date | null;
  targets: SlaTargets;
  now: Date;
  calendar: WorkCalendar;
  dueSoonFraction?: number;
}

export const DEFAULT_DUE_SOON_FRACTION = 0.25;

const OPEN_SEVERITY: Record<SlaState, number> = { on_track: 0, due_soon: 1, breached: 2, met: -1, missed: -1 };

function clockPart(
  dueAt: Date,
  doneAt: Date | null,
  targetHours: number,
  now: Date,
  cal: WorkCalendar,
  fraction: number,
): SlaClockPart {
  // Done exactly at the due instant is in time; still open at the due instant is not yet late.
  if (doneAt) return { state: doneAt.getTime() <= dueAt.getTime() ? 'met' : 'missed', businessHoursLeft: null };
  if (now.getTime() > dueAt.getTime()) return { state: 'breached', businessHoursLeft: 0 - businessHoursBetween(dueAt, now, cal) };
  const left = businessHoursBetween(now, dueAt, cal);
  return { state: left <= fraction * targetHours ? 'due_soon' : 'on_track', businessHoursLeft: left };
}

/**
 * due_soon when ≤ dueSoonFraction of the target's business hours is left (default 0.25); met/missed once done.
 * A delivery answers the requester too: delivered without a recorded first response stops that clock at delivery.
 */
export function slaClock(input: SlaClockInput): SlaClock {
  const { createdAt, targets, now, calendar } = input;
  const fraction = input.dueSoonFraction ?? DEFAULT_DUE_SOON_FRACTION;
  if (!Number.isFinite(fraction) || fraction < 0 || fraction > 1) {
    throw new RangeError(`dueSoonFraction must be between 0 and 1, got ${fraction}`);
  }
  const firstResponseDueAt = addBusinessHours(createdAt, targets.firstResponseHours, calendar);
  const deliveryDueAt = addBusinessHours(createdAt, targets.deliveryHours, calendar);
  const respondedAt = input.firstRespondedAt ?? input.deliveredAt;
  const firstResponse = clockPart(firstResponseDueAt, respondedAt, targets.firstResponseHours, now, calendar, fraction);
  const delivery = clockPart(deliveryDueAt, input.deliveredAt, targets.deliveryHours, now, calendar, fraction);
  const open = [firstResponse, delivery].filter((c) => c.businessHoursLeft !== null);
  const state =
    open.length === 0 ? delivery.state : open.reduce((a, b) => (OPEN_SEVERITY[b.state] > OPEN_SEVERITY[a.state] ? b : a)).state;
  return { firstResponseDueAt, deliveryDueAt, firstResponse, delivery, state };
}
