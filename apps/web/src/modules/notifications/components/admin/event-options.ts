import { EVENTS, EVENT_TYPES, type Channel, type EventType } from '@tandem/contracts';

/**
 * What an admin wiring Slack or a webhook reads: the catalogue labels speak to the person told ("Your role
 * changed"); for a workspace's channels the same events are named from the outside.
 */
const WORKSPACE_LABELS: Partial<Record<EventType, string>> = {
  'member.role_changed': "A member's role changed",
  'feedback.theme_status_changed': 'Theme status changed (marketing answered)',
  'feedback.item_added': 'Feedback joined a theme',
};

/** The event types a channel can carry, as MultiSelect options ("Import finished"). */
export function eventOptions(channel: Channel): { value: EventType; label: string }[] {
  return EVENT_TYPES.filter((t) => (EVENTS[t].channels as readonly Channel[]).includes(channel)).map((t) => ({
    value: t,
    label: eventLabel(t),
  }));
}

export function eventLabel(type: string): string {
  return type in EVENTS ? (WORKSPACE_LABELS[type as EventType] ?? EVENTS[type as EventType].label) : type;
}
