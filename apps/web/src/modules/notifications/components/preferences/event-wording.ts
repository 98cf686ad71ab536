import type { PreferenceItem } from '@tandem/contracts';

/**
 * The event catalogue describes events for integrators ("never part of the
 * payload"); a person choosing their notifications reads what reaches *them*.
 */
const FOR_A_PERSON: Record<string, string> = {
  'member.invited': 'An invitation to join a workspace, sent to the invited address.',
  'member.role_changed': 'An admin changed your role in this workspace.',
  'member.password_reset_requested': 'A link to set a new password, sent when a reset is requested for your account.',
  'token.created': 'An API token was created for your account. A security notice: if you did not expect it, revoke it.',
  'import.completed': 'An import you ran has finished, with how many deals were created, updated and rejected.',
  'deal.stage_changed': 'A deal you own moved to another stage.',
  'webhook.disabled': 'A webhook you set up was turned off because its calls kept failing.',
  'feedback.theme_status_changed': 'Marketing answered feedback you logged: its theme was acknowledged, planned, addressed or declined, usually with a response.',
  'feedback.item_added': 'New feedback joined a theme you own or follow: logged by a rep or moved there.',
  'feedback.untriaged_summary': 'Once a day: how much feedback waits for triage (in no theme yet), and how much arrived in the last day.',
  'asset.version_published': 'An asset you follow in the library has a new version, with what changed.',
  'request.changed':
    'A request you filed, joined or are assigned to changed (triaged, started, delivered, accepted, reopened, declined, merged, commented on), and, for PMMs, each new request waiting for triage.',
  'request.sla_alert': 'A request assigned to you, or asked by someone in a team you lead, is due soon or past its service level.',
  'pulse.opened': 'A pulse survey on how marketing and sales work together opened (anonymous, under two minutes).',
  'pulse.reminder': 'Two days before a pulse closes, if you have not answered it yet.',
  'goal.status_changed': 'A shared goal you own moved to on track, at risk or off track (its key results against the path to target).',
  'decision.input_requested': 'You were asked for input on a decision (support, concern or object), with when input closes.',
  'decision.input_reminder': 'A day before a decision you were asked about closes for input, if you have not answered yet.',
  'decision.decided': 'A decision you gave input on was made: the option chosen, why, and what changed because of the input.',
  'asset.review_due': 'Once a day: the assets you own that are past their review date, to check and verify.',
};

export function personalDescription(item: PreferenceItem): string {
  return FOR_A_PERSON[item.type] ?? item.description;
}
