import type { WorkCalendar } from './calendar.ts';

/** Given in queue order (index 0 first). */
export interface PlanRequest {
  id: string;
  assigneeId: string | null;
  remainingHours: number;
  neededBy: string | null;
}
export interface PlanCapacity {
  userId: string;
  weeklyHours: number;
}
export interface CapacityPlanWeek {
  start: string; // Monday, local
  capacityHours: number;
  demandHours: number;
  plannedHours: number;
}
export interface CapacityPlanRequest {
  id: string;
  expectedDoneOn: string | null;
  belowLine: boolean;
  reason: string;
}
export interface CapacityPlan {
  weeks: CapacityPlanWeek[];
  requests: CapacityPlanRequest[]; // same order as input
  lineIndex: number | null; // index in the queue of the first request that will not be done by its date (null: all fit)
}
export interface CapacityPlanInput {
  requests: PlanRequest[];
  capacity: PlanCapacity[];
  calendar: WorkCalendar;
  today: string;
  weeks: number;
}

export function capacityPlan(input: CapacityPlanInput): CapacityPlan {
  void input;
  throw new Error('TODO');
}
