import { EVENTS, EVENT_TYPES, type Channel, type EventType } from '@tandem/contracts';

/** The event types a channel can carry, as MultiSelect options ("Import finished"). */
export function eventOptions(channel: Channel): { value: EventType; label: string }[] {
  return EVENT_TYPES.filter((t) => (EVENTS[t].channels as readonly Channel[]).includes(channel)).map((t) => ({
    value: t,
    label: EVENTS[t].label,
  }));
}

export function eventLabel(type: string): string {
  return type in EVENTS ? EVENTS[type as EventType].label : type;
}
