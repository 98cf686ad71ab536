/** Today's calendar day (YYYY-MM-DD) in a time zone (the reader's profile zone); the browser's when the zone is unknown. */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  const fmt = (tz: string | undefined) => new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  try {
    return fmt(timeZone);
  } catch {
    return fmt(undefined);
  }
}
