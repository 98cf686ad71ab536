import { AUDIT_ACTIONS } from '@tandem/contracts';

/** What each recorded action means, in words an admin reads at a glance. */
export const ACTION_LABELS: Record<string, string> = {
  'auth.login': 'Signed in',
  'auth.login_failed': 'Failed sign-in',
  'auth.logout': 'Signed out',
  'auth.password_changed': 'Changed password',
  'auth.password_reset_issued': 'Issued password reset link',
  'auth.password_reset_completed': 'Reset password',
  'workspace.created': 'Created workspace',
  'workspace.settings_updated': 'Updated workspace settings',
  'member.invited': 'Invited a person',
  'member.invitation_revoked': 'Revoked an invitation',
  'member.joined': 'Joined the workspace',
  'member.role_changed': 'Changed a role',
  'member.deactivated': 'Deactivated a member',
  'member.reactivated': 'Reactivated a member',
  'person.exported': "Exported a person's data",
  'person.erased': 'Erased a person (name and email replaced everywhere)',
  'sso.settings_updated': 'Changed single sign-on',
  'team.created': 'Created a team',
  'team.updated': 'Updated a team',
  'team.deleted': 'Deleted a team',
  'token.created': 'Created an API token',
  'token.revoked': 'Revoked an API token',
  'deals.stage_mapping_updated': 'Changed the stage mapping',
  'deals.exchange_rates_updated': 'Changed exchange rates',
  'deals.imported': 'Imported deals',
  'deals.upserted': 'Updated deals through the API',
  'deals.import_undone': 'Undid an import',
  'accounts.imported': 'Imported accounts',
  'asset.created': 'Created an asset',
  'asset.updated': 'Edited an asset',
  'asset.published': 'Published a new version',
  'asset.republished': 'Published an archived asset again',
  'asset.archived': 'Archived an asset',
  'asset.verified': 'Verified an asset is current',
  'asset.file_added': 'Added a file to an asset',
  'asset.file_removed': 'Removed a file from an asset',
  'library.settings_changed': 'Changed review periods',
  'share_link.created': 'Shared an asset by link',
  'share_link.revoked': 'Turned off a share link',
  'competitor.created': 'Added a competitor',
  'competitor.updated': 'Edited a competitor',
  'competitor.deleted': 'Deleted a competitor',
  'request.declined': 'Declined a request',
  'request.merged': 'Merged a request into another',
  'request.overridden': 'Placed a request against its score',
  'request.override_cleared': 'Put a request back in score order',
  'request.boosted': 'Set a strategic boost on a request',
  'request.settings_changed': 'Changed request SLAs, weights or calendar',
  'request.capacity_changed': 'Changed PMM weekly hours for requests',
  'decision.created': 'Opened a decision for input',
  'decision.decided': 'Recorded a decision’s outcome',
  'decision.reopened': 'Reopened a decision',
  'alignment.settings_changed': 'Changed the pulse questions, cadence or minimum group size',
  'alignment.pulse_scheduled': 'Ran a pulse survey',
  'alignment.pulse_closed': 'Closed a pulse survey',
  'goal.created': 'Created a shared goal',
  'goal.updated': 'Changed a goal’s title, period or owners',
  'goal.archived': 'Archived a goal',
  'goal.key_result_added': 'Added a key result to a goal',
  'goal.key_result_changed': 'Changed a key result',
  'goal.key_result_removed': 'Removed a key result',
  'goal.status_changed': 'A goal’s status changed (owners told)',
};

/** Actions added by later modules read "Demo seeded" until they get a label here. */
export function actionLabel(action: string): string {
  const known = ACTION_LABELS[action];
  if (known) return known;
  const verb = (action.split('.').pop() ?? action).replace(/_/g, ' ');
  return verb.charAt(0).toUpperCase() + verb.slice(1);
}

const PREFIX_LABELS: Record<string, string> = {
  'auth.': 'Sign-ins and passwords',
  'member.': 'People and invitations',
  'team.': 'Teams',
  'token.': 'API tokens',
  'workspace.': 'Workspace',
  'deals.': 'Deals and imports',
  'accounts.': 'Accounts',
  'feedback.': 'Feedback',
  'theme.': 'Themes',
  'asset.': 'Library assets',
  'share_link.': 'Share links',
  'library.': 'Library settings',
  'competitor.': 'Competitors',
  'request.': 'Requests',
  'decision.': 'Decisions',
  'alignment.': 'Alignment',
  'goal.': 'Goals',
};

/** Select data: whole areas (prefix filters) first, then single actions. */
export const ACTION_FILTER_DATA = [
  { value: 'all', label: 'All actions' },
  {
    group: 'Areas',
    items: Object.entries(PREFIX_LABELS).map(([value, label]) => ({ value, label: `${label} (all)` })),
  },
  {
    group: 'Single actions',
    items: AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) })),
  },
];
