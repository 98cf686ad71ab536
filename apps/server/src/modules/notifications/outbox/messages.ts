/**
 * What each event says to a person, in one place: the inbox item, the email
 * subject and its first paragraph, and the Slack message all use it, so the
 * channels never tell one story three ways.
 */
import { ROLE_LABELS, THEME_STATUS_LABELS, type EventEnvelope, type EventPayload, type EventType } from '@tandem/contracts';

export interface Message {
  title: string;
  body: string;
  /** Path inside the app, from the web root (e.g. /w/acme/imports/…); null when there is nothing to open. */
  link: string | null;
}

const n = (x: number) => x.toLocaleString('en-US');
const by = (actor: { name: string | null }) => (actor.name ? ` by ${actor.name}` : '');
const CATEGORY = { open: 'open', won: 'won', lost: 'lost' } as const;

type Builders = { [T in EventType]: (p: EventPayload<T>, slug: string) => Message };

const BUILDERS: Builders = {
  'member.invited': (p, slug) => ({
    title: `Invitation to join as ${ROLE_LABELS[p.role]}`,
    body: `${p.invitedBy.name ?? 'An admin'} invited ${p.email} to the workspace as ${ROLE_LABELS[p.role]}. The invitation expires ${p.expiresAt.slice(0, 10)}.`,
    link: `/w/${slug}/people`,
  }),
  'member.role_changed': (p, slug) => ({
    title: `Your role is now ${ROLE_LABELS[p.to]}`,
    body: `Your role changed from ${ROLE_LABELS[p.from]} to ${ROLE_LABELS[p.to]}${by(p.changedBy)}.`,
    link: `/w/${slug}/profile`,
  }),
  'member.password_reset_requested': () => ({
    title: 'Reset your password',
    body: 'A password reset was requested for your account. If it was not you, ignore this message: your password stays as it is.',
    link: null,
  }),
  'member.email_change_requested': (p) => ({
    title: 'Confirm your new email',
    body: `Someone asked to use ${p.newEmail} to sign in to Tandem. If it was you, confirm with the button; the change happens only then. If not, ignore this message.`,
    link: null,
  }),
  'member.email_change_notice': (p) => ({
    title: 'Your sign-in email is about to change',
    body: `Someone signed in as you asked to change your sign-in email from ${p.oldEmail} to ${p.newEmail}. It changes once the new address confirms. If this was not you, change your password now and tell your admin.`,
    link: null,
  }),
  'token.created': (p, slug) => ({
    title: `API token "${p.name}" created`,
    body: `An API token named "${p.name}" was created for your account${p.expiresAt ? `, valid until ${p.expiresAt.slice(0, 10)}` : ' without an expiry date'}. If you did not expect it, revoke it.`,
    link: `/w/${slug}/tokens`,
  }),
  'import.completed': (p, slug) => {
    const c = p.counts;
    const parts = [`${n(c.created)} created`, `${n(c.updated)} updated`, `${n(c.unchanged)} unchanged`];
    if (c.removed) parts.push(`${n(c.removed)} removed`);
    if (c.invalid) parts.push(`${n(c.invalid)} rejected`);
    return {
      title: `Import of ${p.fileName} finished`,
      body: `${n(c.rows)} ${p.kind} rows: ${parts.join(', ')}.`,
      link: `/w/${slug}/imports/${p.importId}`,
    };
  },
  'deal.stage_changed': (p, slug) => ({
    title: `${p.name}: ${p.to.stage}`,
    body: p.from
      ? `Moved from ${p.from.stage} to ${p.to.stage}${p.to.category !== 'open' ? ` (${CATEGORY[p.to.category]})` : ''}${by(p.changedBy)}.`
      : `Now at ${p.to.stage}${by(p.changedBy)}.`,
    link: `/w/${slug}/deals/${p.dealId}`,
  }),
  'webhook.disabled': (p, slug) => ({
    title: 'A webhook was turned off',
    body: `Deliveries to ${p.url} failed for ${p.failedEvents} events in a row, so the subscription was disabled.${p.lastError ? ` Last error: ${p.lastError}` : ''} Fix the receiver, then turn it back on.`,
    link: `/w/${slug}/settings/notifications`,
  }),
  'feedback.theme_status_changed': (p, slug) => {
    const links = p.links.filter((l) => l.url).map((l) => `${l.title}: ${l.url}`);
    return {
      title: `${p.name}: ${THEME_STATUS_LABELS[p.to]}`,
      body: [
        `"${p.name}", a theme you reported into or follow, is now ${THEME_STATUS_LABELS[p.to].toLowerCase()}${by(p.changedBy)}.`,
        p.message ?? '',
        links.length ? `See: ${links.join(' · ')}` : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
      link: `/w/${slug}/feedback/themes/${p.themeId}`,
    };
  },
  'feedback.item_added': (p, slug) => {
    const text = p.sample.text.length > 200 ? `${p.sample.text.slice(0, 199)}…` : p.sample.text;
    const what = p.added === 1 ? 'New feedback' : `${n(p.added)} new items`;
    return {
      title: `${p.name}: ${p.added === 1 ? 'new feedback' : `${n(p.added)} new items`}`,
      body: [
        `${what} in "${p.name}", a theme you own or follow, ${p.how === 'logged' ? 'logged' : 'moved there'}${by(p.addedBy)}. It now holds ${n(p.items)} ${p.items === 1 ? 'item' : 'items'}.`,
        `"${text}"`,
      ].join('\n\n'),
      link: `/w/${slug}/feedback/themes/${p.themeId}`,
    };
  },
  'feedback.untriaged_summary': (p, slug) => ({
    title: `${n(p.untriaged)} ${p.untriaged === 1 ? 'item waits' : 'items wait'} for triage`,
    body: `${n(p.untriaged)} feedback ${p.untriaged === 1 ? 'item is' : 'items are'} in no theme yet; ${n(p.lastDay)} arrived in the last day.${
      p.oldestAt ? ` The oldest has waited since ${p.oldestAt.slice(0, 10)}.` : ''
    } File them into themes so the people who reported them hear back.`,
    link: `/w/${slug}/feedback?theme=none`,
  }),
  'asset.version_published': (p, slug) => ({
    title: `${p.title}: version ${n(p.version)}`,
    body: [`"${p.title}", an asset you follow, has a new version (${n(p.version)})${by(p.publishedBy)}.`, p.changeNote ? `What changed: ${p.changeNote}` : '']
      .filter(Boolean)
      .join('\n\n'),
    link: `/w/${slug}/library/${p.assetId}`,
  }),
  'asset.review_due': (p, slug) => {
    const first = p.assets[0];
    const one = p.total === 1 && first;
    const list = p.assets.map((a) => `• ${a.title} — due ${a.reviewBy} (${n(a.daysOverdue)} ${a.daysOverdue === 1 ? 'day' : 'days'} ago)`);
    if (p.total > p.assets.length) list.push(`… and ${n(p.total - p.assets.length)} more`);
    return {
      title: one ? `Review overdue: ${first.title}` : `${n(p.total)} of your assets are overdue for review`,
      body: [
        one ? `"${first.title}", which you own, was due for review on ${first.reviewBy}.` : `${n(p.total)} assets you own are past their review date:`,
        one ? '' : list.join('\n'),
        'Check that each is still right, then verify it (or publish a new version) so reps can trust it.',
      ]
        .filter(Boolean)
        .join('\n\n'),
      link: one ? `/w/${slug}/library/${first.assetId}` : `/w/${slug}/library?freshness=overdue`,
    };
  },
  'request.changed': (p, slug) => ({
    title: `#${p.number} ${p.title}: ${p.text}`.slice(0, 200),
    body: [`${p.text} (request #${p.number}, "${p.title}"; now ${p.status.replace('_', ' ')}).`, p.note ? `"${p.note}"` : ''].filter(Boolean).join('\n\n'),
    link: `/w/${slug}/requests/${p.requestId}`,
  }),
  'request.sla_alert': (p, slug) => {
    const clock = p.clock === 'first_response' ? 'first response' : 'delivery';
    return {
      title: `#${p.number} ${p.title}: ${clock} ${p.state === 'breached' ? 'is past its SLA' : 'is due soon'}`.slice(0, 200),
      body: `Request #${p.number}, "${p.title}": the ${clock} ${p.state === 'breached' ? 'was due' : 'is due'} ${p.dueAt.slice(0, 16).replace('T', ' ')} UTC (business hours of the workspace calendar).`,
      link: `/w/${slug}/requests/${p.requestId}`,
    };
  },
  'pulse.opened': (p, slug) => ({
    title: `Pulse ${p.number}: how are marketing and sales working together?`,
    body: `A few statements on a 1–5 scale, under two minutes, anonymous (only your team and role are kept). Open until ${p.closesAt.slice(0, 16).replace('T', ' ')} UTC.`,
    link: `/w/${slug}/alignment/pulses/${p.pulseId}`,
  }),
  'pulse.reminder': (p, slug) => ({
    title: `Pulse ${p.number} closes soon`,
    body: `You have not answered pulse ${p.number} yet: under two minutes, anonymous. It closes ${p.closesAt.slice(0, 16).replace('T', ' ')} UTC.`,
    link: `/w/${slug}/alignment/pulses/${p.pulseId}`,
  }),
  'goal.status_changed': (p, slug) => ({
    title: p.text.slice(0, 200),
    body: `${p.text}. The goal runs from ${p.periodStart} to ${p.periodEnd}; its status is the worst of its key results against a straight path from baseline to target.`,
    link: `/w/${slug}/goals/${p.goalId}`,
  }),
  'decision.input_requested': (p, slug) => ({
    title: `${p.reopened ? 'Reopened for input' : 'Your input is asked'}: ${p.title}`.slice(0, 200),
    body: [
      `${p.by.name ?? 'Someone'} ${p.reopened ? 'reopened' : 'opened'} "${p.title}" for input and asked you. Support, raise a concern or object, with a comment.`,
      `Input closes ${closesWords(p.inputClosesAt)}; the decision is due by ${p.decideBy}.`,
    ].join('\n\n'),
    link: `/w/${slug}/decisions/${p.decisionId}`,
  }),
  'decision.input_reminder': (p, slug) => ({
    title: `Input closes tomorrow: ${p.title}`.slice(0, 200),
    body: `You were asked for input on "${p.title}" and have not answered. Input closes ${closesWords(p.inputClosesAt)}.`,
    link: `/w/${slug}/decisions/${p.decisionId}`,
  }),
  'decision.decided': (p, slug) => ({
    title: `Decided: ${p.title} — ${p.chosenOption}`.slice(0, 200),
    body: [
      `${p.by.name ?? 'Someone'} decided "${p.title}": ${p.chosenOption}.`,
      `Why: ${p.rationale}`,
      p.whatChanged ? `What changed because of the input: ${p.whatChanged}` : '',
    ]
      .filter(Boolean)
      .join('\n\n'),
    link: `/w/${slug}/decisions/${p.decisionId}`,
  }),
  'meeting.agenda_published': (p, slug) => ({
    title: `Agenda: ${p.title}, ${closesWords(p.startsAt)}`.slice(0, 200),
    body: [
      `${p.by.name ?? 'The owner'} published the agenda of "${p.title}" on ${closesWords(p.startsAt)} (${p.timeZone} is the series' time zone).`,
      p.items.length ? p.items.map((t, i) => `${i + 1}. ${t}`).join('\n') : 'No items yet.',
      `Add it to your calendar: ${p.icsPath}`,
    ].join('\n\n'),
    link: `/w/${slug}/meetings/${p.seriesId}/${p.seq}`,
  }),
  'meeting.action_item_assigned': (p, slug) => ({
    title: `Action item for you: ${p.title}`.slice(0, 200),
    body: `${p.by.name ?? 'Someone'} noted an action item for you in "${p.meetingTitle}": ${p.title} — due ${p.dueOn}. It stays on the sync's agenda until it is done.`,
    link: `/w/${slug}/meetings/${p.seriesId}/${p.seq}`,
  }),
  'attribution.dispute_raised': (p, slug) => ({
    title: `Credit disputed: ${p.dealName}`.slice(0, 200),
    body: `${p.by.name ?? 'Someone'} disputed ${p.target === 'split' ? 'the split between teams' : 'a touchpoint'} on "${p.dealName}": ${p.reason}`,
    link: `/w/${slug}/attribution/deals/${p.dealId}`,
  }),
  'attribution.dispute_resolved': (p, slug) => ({
    title: `Dispute ${p.outcome}: ${p.dealName}`.slice(0, 200),
    body: `${p.by.name ?? 'An admin'} ${p.outcome} the credit dispute on "${p.dealName}": ${p.resolution}`,
    link: `/w/${slug}/attribution/deals/${p.dealId}`,
  }),
};

/** "2026-03-29 00:30 UTC": an instant as every reader can place it (the page shows it in their own zone). */
function closesWords(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

export function messageFor(envelope: EventEnvelope): Message {
  const build = BUILDERS[envelope.type] as (p: unknown, slug: string) => Message;
  return build(envelope.data, envelope.workspace.slug);
}
