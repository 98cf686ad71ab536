/** "Tue 27 Oct 2026, 09:30 (Europe/Berlin)": an instant in the series' zone, and in the reader's when it differs. */
export function meetingTimeWords(iso: string, seriesZone: string, readerZone: string): string {
  const fmt = (tz: string, withDate: boolean) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: tz,
      ...(withDate ? { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' } : {}),
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(iso));
  const there = `${fmt(seriesZone, true)} (${seriesZone})`;
  if (seriesZone === readerZone) return there;
  return `${there}; ${fmt(readerZone, false)} your time`;
}
