/**
 * docs/events.md, generated from the event catalogue (`npm run docs:events`); a
 * test fails when the file and the schemas disagree, so the page cannot drift.
 */
import { z } from 'zod';
import { EVENTS, EVENT_TYPES, EventEnvelope } from '@tandem/contracts';

const CHANNEL_NAMES = { in_app: 'In-app', email: 'Email', slack: 'Slack', webhook: 'Webhook' } as const;

/** The JSON Schema, without what only repeats itself: UUID regexes, integer bounds of ±2^53, the $schema line. */
function tidy(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tidy);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$schema') continue;
    if (k === 'pattern' && (node as { format?: string }).format === 'uuid') continue;
    if ((k === 'minimum' || k === 'maximum') && Math.abs(Number(v)) === Number.MAX_SAFE_INTEGER) continue;
    out[k] = tidy(v);
  }
  return out;
}
const json = (schema: z.ZodType) => JSON.stringify(tidy(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' })), null, 2);

export function eventsMarkdown(): string {
  const out: string[] = [
    '# Events',
    '',
    '<!-- Generated from packages/contracts/src/events.ts by `npm run docs:events`. Do not edit by hand. -->',
    '',
    'A module emits an event inside the transaction of the change it describes (`emit(tx, event)` from the',
    '`notifications` module), so the change and its event commit together or not at all. The dispatcher then',
    "turns it into in-app notifications and emails for the people it concerns (as each person's preferences",
    'say), Slack messages for the channels that subscribed to its type, and signed webhook deliveries',
    '(see [webhooks.md](webhooks.md)). Every consumer sees the same envelope and the same event id, also on retries.',
    '',
    '## Envelope',
    '',
    'What a webhook receives as its body, and what the templates of the other channels are built from:',
    '',
    '```json',
    json(EventEnvelope),
    '```',
    '',
    '## Catalogue',
    '',
    '| Event | Version | Who is told | Channels | Priority |',
    '|---|---|---|---|---|',
  ];
  for (const type of EVENT_TYPES) {
    const d = EVENTS[type];
    const channels = d.channels.map((c) => CHANNEL_NAMES[c]).join(', ');
    out.push(`| [\`${type}\`](#${type.replace(/\./g, '')}) | ${d.version} | ${d.audience} | ${channels} | ${d.priority}${d.required ? ', always sent' : ''} |`);
  }
  for (const type of EVENT_TYPES) {
    const d = EVENTS[type];
    out.push(
      '',
      `### ${type}`,
      '',
      `**${d.label}.** ${d.description}`,
      '',
      `- Version: ${d.version}`,
      `- Who is told: ${d.audience}`,
      `- Channels it can use: ${d.channels.map((c) => CHANNEL_NAMES[c]).join(', ')}`,
      `- A person's default: ${d.defaults.length ? d.defaults.map((c) => CHANNEL_NAMES[c]).join(' and ') : 'nothing'}${d.required ? ' (always sent; cannot be turned off)' : ''}`,
      `- Priority: ${d.priority}${d.priority === 'low' ? ' (a person may batch its emails into the daily digest at 08:00 their time)' : ''}`,
      '',
      'Payload (`data` in the envelope):',
      '',
      '```json',
      json(d.payload),
      '```',
    );
  }
  return out.join('\n') + '\n';
}
