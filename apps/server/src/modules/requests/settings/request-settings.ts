/**
 * A workspace's effective request settings: its saved row laid over the defaults, part by part (a workspace that
 * never saved anything works on the defaults). The queue, the capacity view, the metrics and the SLA watcher all read
 * settings through `readRequestSettings`, so they agree on targets, weights and the calendar.
 */
import { REQUEST_TYPES, WorkCalendar as WorkCalendarSchema, type RequestType, type RequestTypeSetting } from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';
import { DEFAULT_CALENDAR, DEFAULT_WEIGHTS, type ScoreWeights, type SlaTargets, type WorkCalendar } from '../engine/index.ts';
import { settingsRepository as repo, type RequestSettingsRow } from './settings.repository.ts';

/** Business hours to a first response and to delivery, per type, until a workspace sets its own (8-hour days). */
export const DEFAULT_TYPE_TARGETS: Record<RequestType, SlaTargets> = {
  // A prospect-specific edit or a call is on a deal's clock: answer the same day, deliver within days.
  new_asset: { firstResponseHours: 8, deliveryHours: 80 },
  customize: { firstResponseHours: 4, deliveryHours: 24 },
  competitive_intel: { firstResponseHours: 8, deliveryHours: 24 },
  deal_support: { firstResponseHours: 4, deliveryHours: 16 },
  training: { firstResponseHours: 16, deliveryHours: 80 },
  other: { firstResponseHours: 16, deliveryHours: 40 },
};
/** The last quarter of a target is "due soon". */
export const DEFAULT_DUE_SOON_FRACTION = 0.25;

export interface EffectiveRequestSettings {
  /** Every type, in the contracts' order. */
  types: RequestTypeSetting[];
  targets: Record<RequestType, SlaTargets>;
  weights: ScoreWeights;
  calendar: WorkCalendar;
  dueSoonFraction: number;
}

export const defaultTypeSettings = (): RequestTypeSetting[] => REQUEST_TYPES.map((type) => ({ type, ...DEFAULT_TYPE_TARGETS[type] }));

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The row over the defaults; a part that does not read (a hand-edited row) falls back to its default. */
export function effectiveSettings(row: Partial<Pick<RequestSettingsRow, 'types' | 'weights' | 'calendar' | 'dueSoonFraction'>> | undefined): EffectiveRequestSettings {
  const targets = Object.fromEntries(REQUEST_TYPES.map((t) => [t, { ...DEFAULT_TYPE_TARGETS[t] }])) as Record<RequestType, SlaTargets>;
  for (const s of row?.types ?? []) {
    if ((REQUEST_TYPES as readonly string[]).includes(s.type) && isNumber(s.firstResponseHours) && isNumber(s.deliveryHours)) {
      targets[s.type as RequestType] = { firstResponseHours: s.firstResponseHours, deliveryHours: s.deliveryHours };
    }
  }
  const weights = { ...DEFAULT_WEIGHTS };
  for (const k of Object.keys(weights) as (keyof ScoreWeights)[]) {
    const w = row?.weights?.[k];
    if (isNumber(w)) weights[k] = w;
  }
  const cal = WorkCalendarSchema.safeParse(row?.calendar);
  return {
    types: REQUEST_TYPES.map((type) => ({ type, ...targets[type] })),
    targets,
    weights,
    calendar: cal.success ? cal.data : { ...DEFAULT_CALENDAR, holidays: [...DEFAULT_CALENDAR.holidays] },
    dueSoonFraction: isNumber(row?.dueSoonFraction) ? row.dueSoonFraction : DEFAULT_DUE_SOON_FRACTION,
  };
}

/** The workspace's effective settings (one primary-key read). */
export async function readRequestSettings(db: DbOrTx, workspaceId: string): Promise<EffectiveRequestSettings> {
  return effectiveSettings(await repo.row(db, workspaceId));
}
