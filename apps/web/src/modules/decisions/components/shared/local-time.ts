/**
 * A `datetime-local` field's value ("2026-03-10T17:00", the browser's wall clock) as an instant with its offset, so
 * the server gets the moment the person meant; '' stays '' (the schema then names the field).
 */
export function localInputToIso(value: string): string {
  if (!value) return '';
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? value : at.toISOString();
}

/** A new input window's first values: input closes in three days at 17:00, the decision is due two days later. */
export function windowDefaults(now = Date.now()): { inputClosesAt: string; decideBy: string } {
  const closes = new Date(now + 3 * 86_400_000);
  closes.setHours(17, 0, 0, 0);
  return { inputClosesAt: isoToLocalInput(closes), decideBy: isoToLocalInput(new Date(closes.getTime() + 2 * 86_400_000)).slice(0, 10) };
}

/** The `datetime-local` value of an instant in the browser's zone (for defaults: "in three days at 17:00"). */
export function isoToLocalInput(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}
