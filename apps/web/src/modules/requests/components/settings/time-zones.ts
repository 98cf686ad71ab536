/** Every IANA zone the browser knows (and the current one), as select options with today's UTC offset. */
export function timeZoneOptions(current: string): { value: string; label: string }[] {
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  for (const extra of [current, 'UTC']) if (extra && !zones.includes(extra)) zones.push(extra);
  const now = new Date();
  return zones.map((zone) => ({ value: zone, label: `${zone.replace(/_/g, ' ')} (${offsetLabel(zone, now)})` }));
}

function offsetLabel(zone: string, at: Date): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'UTC';
  } catch {
    return 'UTC';
  }
}
