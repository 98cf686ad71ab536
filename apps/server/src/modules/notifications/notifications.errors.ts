import { defineError } from '../../lib/app-error.ts';

export const NotificationsErrors = {
  deliveryNotFound: defineError('DELIVERY_NOT_FOUND', 404, 'Delivery not found', (id: string) => `No delivery ${id} in this workspace.`),
  deliveryPending: defineError('DELIVERY_PENDING', 409, 'Delivery already pending', (id: string) => `Delivery ${id} is already waiting for its next try; retry it once that try has failed.`),
  notDiscardable: defineError('DELIVERY_NOT_DISCARDABLE', 409, 'Delivery cannot be discarded', (id: string, status: string) => `Delivery ${id} is ${status}; only a pending or dead delivery can be discarded.`),
  notMember: defineError('NOTIFICATIONS_NOT_A_PERSON', 403, 'Notifications are per person', () => 'Notifications belong to a person: use a session or a personal API token, not the CLI or a system actor.'),
  typeNotPersonal: defineError('NOTIFICATIONS_TYPE_NOT_PERSONAL', 400, 'Not a personal notification', (field: string, type: string) => `${field}: "${type}" is not sent to members, so it has no preference.`),
  channelNotAvailable: defineError('NOTIFICATIONS_CHANNEL_NOT_AVAILABLE', 400, 'Channel not available', (field: string, type: string, channel: string) => `${field}: "${type}" cannot be sent by ${channel === 'in_app' ? 'in-app notification' : channel}.`),
};
