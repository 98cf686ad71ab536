/**
 * The email bodies: one plain layout (heading, paragraph, one button, a muted
 * footer) as inline-styled HTML and as plain text. Pure functions, no engine:
 * everything interpolated goes through escapeHtml.
 */
import { EVENTS, type EventEnvelope, type EventType } from '@tandem/contracts';
import { messageFor } from '../outbox/messages.ts';

export interface EmailContent {
  subject: string;
  html: string;
  text: string;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const BUTTON_LABEL: { [T in EventType]: string } = {
  'member.invited': 'Accept the invitation',
  'member.role_changed': 'Open your profile',
  'member.password_reset_requested': 'Reset your password',
  'member.email_change_requested': 'Confirm your new email',
  'member.email_change_notice': 'Open Tandem',
  'token.created': 'Review your API tokens',
  'import.completed': 'Open the import',
  'deal.stage_changed': 'Open the deal',
  'webhook.disabled': 'Open notification settings',
  'feedback.theme_status_changed': 'Open the theme',
  'feedback.item_added': 'Open the theme',
  'feedback.untriaged_summary': 'Open feedback to triage',
  'asset.version_published': 'Open the asset',
  'asset.review_due': 'Review your assets',
  'request.changed': 'Open the request',
  'request.sla_alert': 'Open the request',
  'decision.input_requested': 'Give your input',
  'decision.input_reminder': 'Give your input',
  'decision.decided': 'Read the outcome',
  'goal.status_changed': 'Open the goal',
  'pulse.opened': 'Answer the pulse',
  'pulse.reminder': 'Answer the pulse',
  'meeting.agenda_published': 'Open the agenda',
  'meeting.action_item_assigned': 'Open the meeting',
  'attribution.dispute_raised': 'Open the dispute',
  'attribution.dispute_resolved': 'Open the deal credit',
};

const FONT = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif";
const MUTED = 'color:#6b7280;font-size:12px;line-height:18px';

function button(label: string, url: string): string {
  return (
    `<p style="margin:24px 0"><a href="${escapeHtml(url)}" style="display:inline-block;background:#2563eb;color:#ffffff;` +
    `text-decoration:none;padding:10px 18px;border-radius:6px;font-weight:600">${escapeHtml(label)}</a></p>`
  );
}

function page(inner: string, footerHtml: string): string {
  return [
    '<!doctype html>',
    '<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>',
    `<body style="margin:0;padding:24px;background:#f3f4f6;${FONT}">`,
    '<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:32px;color:#111827;font-size:15px;line-height:22px">',
    inner,
    `<hr style="border:none;border-top:1px solid #e5e7eb;margin:32px 0 16px">`,
    `<p style="${MUTED};margin:0">${footerHtml}</p>`,
    '</div></body></html>',
  ].join('\n');
}

export interface EventEmailInput {
  envelope: EventEnvelope;
  /** Secrets for this person only: `url` is the invitation or reset link. */
  private: Record<string, string> | null;
  unsubscribeUrl: string | null;
  workspaceName: string;
  /** Absolute web root, e.g. https://tandem.example.com, that in-app links hang from. */
  publicUrl: string;
}

/** The main link: the private link for invitations and resets, else the event's page in Tandem. */
function mainLink(input: EventEmailInput, link: string | null): string | null {
  const type = input.envelope.type;
  if (type === 'member.invited' || type === 'member.password_reset_requested' || type === 'member.email_change_requested') return input.private?.url ?? null;
  return link ? `${input.publicUrl}${link}` : null;
}

export function eventEmail(input: EventEmailInput): EmailContent {
  const { envelope, workspaceName } = input;
  const type = envelope.type;
  const msg = messageFor(envelope);
  const url = mainLink(input, msg.link);
  const label = EVENTS[type].label;
  const why = `Sent by Tandem for the ${workspaceName} workspace.`;

  const footerHtml = input.unsubscribeUrl
    ? `${escapeHtml(why)} <a href="${escapeHtml(input.unsubscribeUrl)}" style="color:#6b7280">Unsubscribe from “${escapeHtml(label)}” emails</a>.`
    : `${escapeHtml(why)} This message concerns your account, so it cannot be turned off.`;
  const html = page(
    [
      `<h1 style="font-size:20px;line-height:28px;margin:0 0 16px">${escapeHtml(msg.title)}</h1>`,
      `<p style="margin:0;white-space:pre-line">${escapeHtml(msg.body)}</p>`,
      url ? button(BUTTON_LABEL[type], url) : '',
      url ? `<p style="${MUTED}">If the button does not work, open this link: <a href="${escapeHtml(url)}" style="color:#6b7280">${escapeHtml(url)}</a></p>` : '',
    ].join('\n'),
    footerHtml,
  );

  const text = [
    msg.title,
    '',
    msg.body,
    ...(url ? ['', `${BUTTON_LABEL[type]}: ${url}`] : []),
    '',
    '-- ',
    why,
    input.unsubscribeUrl ? `Unsubscribe from "${label}" emails: ${input.unsubscribeUrl}` : 'This message concerns your account, so it cannot be turned off.',
    '',
  ].join('\n');

  return { subject: msg.title, html, text };
}

export interface DigestItem {
  type: EventType;
  title: string;
  body: string;
  /** Absolute URL, or null. */
  url: string | null;
}

export interface DigestInput {
  name: string;
  workspaceName: string;
  items: DigestItem[];
  /** One link per event type in the digest: stop these emails. */
  unsubscribeUrls: Partial<Record<EventType, string>>;
}

export function digestSubject(n: number): string {
  return `Your Tandem digest — ${n} ${n === 1 ? 'update' : 'updates'}`;
}

/** One email for many low-priority events, grouped by type in catalogue order. */
export function digestEmail(input: DigestInput): EmailContent {
  const groups = new Map<EventType, DigestItem[]>();
  for (const item of input.items) groups.set(item.type, [...(groups.get(item.type) ?? []), item]);
  const subject = digestSubject(input.items.length);
  const why = `Sent by Tandem for the ${input.workspaceName} workspace, once a day, for the updates you chose to get as a digest.`;

  const htmlParts = [
    `<h1 style="font-size:20px;line-height:28px;margin:0 0 8px">${escapeHtml(subject)}</h1>`,
    `<p style="margin:0 0 8px">Hello ${escapeHtml(input.name)}, here is what happened in ${escapeHtml(input.workspaceName)}.</p>`,
  ];
  const textParts = [subject, '', `Hello ${input.name}, here is what happened in ${input.workspaceName}.`];
  for (const [type, items] of groups) {
    const label = EVENTS[type].label;
    const unsub = input.unsubscribeUrls[type];
    htmlParts.push(`<h2 style="font-size:16px;line-height:24px;margin:24px 0 8px">${escapeHtml(label)} (${items.length})</h2>`, '<ul style="padding-left:20px;margin:0">');
    textParts.push('', `## ${label} (${items.length})`);
    for (const it of items) {
      const title = it.url ? `<a href="${escapeHtml(it.url)}" style="color:#2563eb">${escapeHtml(it.title)}</a>` : escapeHtml(it.title);
      htmlParts.push(`<li style="margin:0 0 8px"><strong>${title}</strong><br>${escapeHtml(it.body)}</li>`);
      textParts.push(`- ${it.title}`, `  ${it.body}`, ...(it.url ? [`  ${it.url}`] : []));
    }
    htmlParts.push('</ul>');
    if (unsub) {
      htmlParts.push(`<p style="${MUTED}"><a href="${escapeHtml(unsub)}" style="color:#6b7280">Stop emails about “${escapeHtml(label)}”</a></p>`);
      textParts.push(`  Stop emails about "${label}": ${unsub}`);
    }
  }
  textParts.push('', '-- ', why, '');
  return { subject, html: page(htmlParts.join('\n'), escapeHtml(why)), text: textParts.join('\n') };
}
