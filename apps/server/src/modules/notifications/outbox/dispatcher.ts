/**
 * Turns committed events into what each receiver gets: inbox items, email
 * (or digest lines), Slack messages and webhook deliveries — all written, with
 * their delivery jobs, in the transaction that marks the event dispatched. A
 * crash before that commit leaves the event undispatched for the next pass; a
 * crash after it leaves the jobs queued. Either way: one inbox item per person,
 * and every delivery sent at least once, under the event's one id.
 */
import { EVENTS, type EventPayload, type EventType } from '@tandem/contracts';
import type { Tx } from '../../../db/database.ts';
import type { Deps } from '../../../lib/deps.ts';
import { QUEUES, type JobQueue } from '../delivery/jobs.ts';
import { inboxRepository } from '../inbox/inbox.repository.ts';
import { integrationsRepository } from '../integrations/integrations.repository.ts';
import { envelopeOf } from './envelope.ts';
import { messageFor } from './messages.ts';
import { outboxRepository as repo, type DeliveryInsert, type EventRow } from './outbox.repository.ts';
import { effectiveChoice } from './preferences.ts';

/** The people an event is about, by user id; or an address for someone not yet a member. */
function audience(type: EventType, payload: Record<string, unknown>): { userIds: string[]; emails: string[] } {
  const p = payload as never;
  switch (type) {
    case 'member.invited':
      return { userIds: [], emails: [(p as EventPayload<'member.invited'>).email] };
    case 'member.role_changed':
      return { userIds: [(p as EventPayload<'member.role_changed'>).userId], emails: [] };
    case 'member.password_reset_requested':
      return { userIds: [(p as EventPayload<'member.password_reset_requested'>).userId], emails: [] };
    case 'member.email_change_requested':
      return { userIds: [], emails: [(p as EventPayload<'member.email_change_requested'>).newEmail] };
    case 'member.email_change_notice':
      return { userIds: [], emails: [(p as EventPayload<'member.email_change_notice'>).oldEmail] };
    case 'token.created':
      return { userIds: [(p as EventPayload<'token.created'>).userId], emails: [] };
    case 'import.completed': {
      const id = (p as EventPayload<'import.completed'>).importedBy.userId;
      return { userIds: id ? [id] : [], emails: [] };
    }
    case 'deal.stage_changed': {
      const id = (p as EventPayload<'deal.stage_changed'>).ownerUserId;
      return { userIds: id ? [id] : [], emails: [] };
    }
    case 'webhook.disabled': {
      const id = (p as EventPayload<'webhook.disabled'>).createdByUserId;
      return { userIds: id ? [id] : [], emails: [] };
    }
    case 'feedback.theme_status_changed':
      return { userIds: [...new Set((p as EventPayload<'feedback.theme_status_changed'>).recipientUserIds)], emails: [] };
    case 'feedback.item_added':
      return { userIds: [...new Set((p as EventPayload<'feedback.item_added'>).recipientUserIds)], emails: [] };
    case 'feedback.untriaged_summary':
      return { userIds: [...new Set((p as EventPayload<'feedback.untriaged_summary'>).recipientUserIds)], emails: [] };
    case 'asset.version_published':
      return { userIds: [...new Set((p as EventPayload<'asset.version_published'>).recipientUserIds)], emails: [] };
    case 'asset.review_due':
      return { userIds: [(p as EventPayload<'asset.review_due'>).ownerUserId], emails: [] };
    case 'request.changed':
      return { userIds: [...new Set((p as EventPayload<'request.changed'>).recipientUserIds)], emails: [] };
    case 'request.sla_alert':
      return { userIds: [...new Set((p as EventPayload<'request.sla_alert'>).recipientUserIds)], emails: [] };
    case 'decision.input_requested':
      return { userIds: [...new Set((p as EventPayload<'decision.input_requested'>).recipientUserIds)], emails: [] };
    case 'decision.input_reminder':
      return { userIds: [...new Set((p as EventPayload<'decision.input_reminder'>).recipientUserIds)], emails: [] };
    case 'decision.decided':
      return { userIds: [...new Set((p as EventPayload<'decision.decided'>).recipientUserIds)], emails: [] };
    case 'pulse.opened':
      return { userIds: [...new Set((p as EventPayload<'pulse.opened'>).recipientUserIds)], emails: [] };
    case 'pulse.reminder':
      return { userIds: [...new Set((p as EventPayload<'pulse.reminder'>).recipientUserIds)], emails: [] };
    case 'goal.status_changed':
      return { userIds: [...new Set((p as EventPayload<'goal.status_changed'>).recipientUserIds)], emails: [] };
    case 'meeting.agenda_published':
      return { userIds: [...new Set((p as EventPayload<'meeting.agenda_published'>).recipientUserIds)], emails: [] };
    case 'meeting.action_item_assigned':
      return { userIds: [...new Set((p as EventPayload<'meeting.action_item_assigned'>).recipientUserIds)], emails: [] };
    case 'attribution.dispute_raised':
      return { userIds: [...new Set((p as EventPayload<'attribution.dispute_raised'>).recipientUserIds)], emails: [] };
    case 'attribution.dispute_resolved':
      return { userIds: [...new Set((p as EventPayload<'attribution.dispute_resolved'>).recipientUserIds)], emails: [] };
    default: {
      const never: never = type;
      throw new Error(`no audience rule for ${String(never)}`);
    }
  }
}

export function createDispatcher(deps: Deps, jobs: Pick<JobQueue, 'send'>) {
  async function dispatchOne(tx: Tx, client: Parameters<JobQueue['send']>[3], event: EventRow & { workspaceSlug: string; workspaceName: string }) {
    const type = event.type as EventType;
    const definition = EVENTS[type];
    if (!definition) {
      deps.log.warn({ eventId: event.id, type: event.type }, 'event of an unknown type: skipped');
      await repo.markDispatched(tx, event.workspaceId, event.id);
      return;
    }
    const channels = definition.channels as readonly string[];
    const envelope = envelopeOf(event);
    const message = messageFor(envelope);
    const ws = event.workspaceId;
    const who = audience(type, event.payload);
    const rows: DeliveryInsert[] = [];

    const people = await inboxRepository.members(tx, ws, who.userIds);
    for (const person of people) {
      const saved = (await inboxRepository.preferences(tx, ws, person.userId)).find((r) => r.eventType === type);
      const choice = effectiveChoice(type, saved);
      if (choice.channels.includes('in_app')) {
        await inboxRepository.insertInboxItems(tx, [
          { workspaceId: ws, userId: person.userId, eventId: event.id, type, title: message.title, body: message.body, link: message.link, createdAt: event.createdAt },
        ]);
      }
      if (choice.channels.includes('email')) {
        rows.push({ workspaceId: ws, eventId: event.id, eventType: type, channel: choice.digest ? 'digest' : 'email', target: person.email, targetId: person.userId });
      }
    }
    if (channels.includes('email')) {
      for (const email of who.emails) rows.push({ workspaceId: ws, eventId: event.id, eventType: type, channel: 'email', target: email, targetId: null });
    }
    if (channels.includes('slack')) {
      for (const c of await integrationsRepository.slackChannelsFor(tx, ws, type)) {
        rows.push({ workspaceId: ws, eventId: event.id, eventType: type, channel: 'slack', target: c.name, targetId: c.id });
      }
    }
    if (channels.includes('webhook')) {
      for (const s of await integrationsRepository.subscribersFor(tx, ws, type)) {
        rows.push({ workspaceId: ws, eventId: event.id, eventType: type, channel: 'webhook', target: s.url, targetId: s.id });
      }
    }
    const created = await repo.insertDeliveries(tx, rows);
    for (const d of created) {
      if (d.channel === 'digest') continue;
      await jobs.send(QUEUES.deliver, { workspaceId: ws, deliveryId: d.id }, { singletonKey: `${d.id}:1` }, client);
    }
    await repo.markDispatched(tx, ws, event.id);
  }

  return {
    /** Dispatches up to `limit` waiting events; returns how many went out (0 ends a drain). Several dispatchers may run: each skips the others' events. */
    async dispatchBatch(limit = 50): Promise<number> {
      return deps.database.withSystem(async (tx, client) => {
        const batch = await repo.claimEvents(tx, limit);
        let done = 0;
        for (const event of batch) {
          // One savepoint per event: an event that cannot be dispatched (a bug, a bad payload) is
          // logged and left for the next pass, and never holds back the others.
          await tx
            .transaction((sp) => dispatchOne(sp, client, event))
            .then(() => done++)
            .catch((err: unknown) => deps.log.error({ err, eventId: event.id, type: event.type }, 'event not dispatched; retried on the next pass'));
        }
        return done;
      });
    },
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
