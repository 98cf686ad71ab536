/**
 * "Input closes in 2 days 3 hours" / "Input closed 5 hours ago": the window in words, from the instant it closes.
 * Database-free and clock-free (the caller passes now), so it is tested without waiting.
 */
export function countdownWords(closesAt: string, now: number): string {
  const ms = new Date(closesAt).getTime() - now;
  const span = spanWords(Math.abs(ms));
  return ms > 0 ? `Input closes in ${span}` : `Input closed ${span} ago`;
}

function spanWords(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (days > 0) return hours ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
  if (hours > 0) return mins ? `${unit(hours, 'hour')} ${unit(mins, 'minute')}` : unit(hours, 'hour');
  if (minutes > 0) return unit(minutes, 'minute');
  return 'less than a minute';
}
