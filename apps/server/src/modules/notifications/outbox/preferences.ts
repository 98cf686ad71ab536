/**
 * What a person gets for an event type: their saved choice, else the type's
 * defaults; only channels the type can use; required types always reach them.
 */
import { EVENTS, PERSONAL_CHANNELS, type EventType, type PersonalChannelName } from '@tandem/contracts';

export interface Choice {
  channels: PersonalChannelName[];
  digest: boolean;
}

export const availableChannels = (type: EventType): PersonalChannelName[] =>
  PERSONAL_CHANNELS.filter((c) => (EVENTS[type].channels as readonly string[]).includes(c));

export const digestAvailable = (type: EventType) => EVENTS[type].priority === 'low' && availableChannels(type).includes('email');

export function effectiveChoice(type: EventType, saved?: { channels: string[]; digest: boolean }): Choice {
  const definition = EVENTS[type];
  const available = availableChannels(type);
  if (definition.required || !saved) {
    const digest = !definition.required && Boolean(saved ? saved.digest : 'digestByDefault' in definition && definition.digestByDefault) && digestAvailable(type);
    return { channels: definition.defaults.filter((c) => available.includes(c)), digest };
  }
  return {
    channels: available.filter((c) => saved.channels.includes(c)),
    digest: saved.digest && digestAvailable(type),
  };
}
