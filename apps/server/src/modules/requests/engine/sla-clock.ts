import type { WorkCalendar } from './calendar.ts';

export type SlaState = 'on_track' | 'due_soon' | 'breached' | 'met' | 'missed';
/** Targets in business hours. */
export interface SlaTargets {
  firstResponseHours: number;
  deliveryHours: number;
}
export interface SlaClock {
  firstResponseDueAt: Date;
  deliveryDueAt: Date;
  firstResponse: { state: SlaState; businessHoursLeft: number | null }; // null once answered
  delivery: { state: SlaState; businessHoursLeft: number | null }; // null once delivered/closed
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

/** due_soon when ≤ dueSoonFraction of the target's business hours is left (default 0.25); met/missed once done. */
export function slaClock(input: SlaClockInput): SlaClock {
  void input;
  throw new Error('TODO');
}
