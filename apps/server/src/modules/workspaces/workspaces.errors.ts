import { AccessErrors } from '../../http/access.errors.ts';
import { AppError, defineError } from '../../lib/app-error.ts';

/** A field that only the service can judge (it depends on stored state). */
function invalidField(path: string, message: string) {
  return new AppError('VALIDATION_FAILED', 400, 'The request is not valid', `${path}: ${message}`, { errors: [{ path, message }] });
}

/** Every error of the workspaces domain (tenants, people, sign-in, tokens), grouped by feature. */
export const WorkspaceErrors = {
  // Who is calling and whether they may: the request pipeline's errors, which services raise too.
  ...AccessErrors,

  // Sign-in, setup and your own account
  invalidCredentials: defineError('AUTH_INVALID_CREDENTIALS', 401, 'Wrong email or password', () => 'The email or password is not right.'),
  rateLimited: (retryAfterSeconds: number, what: 'account' | 'address') =>
    new AppError(
      'AUTH_RATE_LIMITED',
      429,
      'Too many sign-in attempts',
      `Too many failed sign-ins for this ${what}. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
      { retryAfterSeconds },
    ),
  ssoOnly: defineError('AUTH_SSO_ONLY', 403, 'Sign in with single sign-on', (workspace: { name: string; slug: string }) =>
    `${workspace.name} uses single sign-on only: continue with single sign-on below (the workspace's address is ${workspace.slug}), or use the sign-in link your admin gave you. Password sign-in is kept for its admins.`,
  ),
  setupDone: defineError('SETUP_ALREADY_DONE', 409, 'Already set up', () => 'Tandem already has an admin; sign in instead.'),
  emailTaken: defineError('USER_EMAIL_TAKEN', 409, 'Email already in use', (email: string) => `Another account uses ${email}.`),
  wrongPassword: () => invalidField('body.currentPassword', 'The current password is not right'),
  userNotFound: defineError('USER_NOT_FOUND', 404, 'User not found', (email: string) => `No user with email ${email}.`),
  invalidField,

  emailChangeNotFound: defineError('EMAIL_CHANGE_NOT_FOUND', 404, 'Confirmation link not found', () => 'This email confirmation link is unknown, was already used, or a newer one was sent.'),
  emailChangeExpired: defineError('EMAIL_CHANGE_EXPIRED', 410, 'Confirmation link expired', () => 'This email confirmation link has expired; ask for the change again on your profile page.'),
  emailChangeNoWorkspace: defineError('EMAIL_CHANGE_NO_WORKSPACE', 409, 'No workspace to send from', () => 'You are not an active member of any workspace, so Tandem cannot send the confirmation email; ask an admin to change your email.'),

  // Password-reset links
  resetBeyondAdmin: defineError(
    'MEMBER_RESET_FORBIDDEN',
    403,
    'Not allowed',
    () => 'This person also belongs to a workspace where you are not an admin, so you cannot reset their password; they can change it on their profile page.',
  ),
  resetNotFound: defineError('PASSWORD_RESET_NOT_FOUND', 404, 'Reset link not found', () => 'This password-reset link is unknown or was already used.'),
  resetExpired: defineError('PASSWORD_RESET_EXPIRED', 410, 'Reset link expired', () => 'This password-reset link has expired; ask your admin for a new one.'),

  // Workspaces
  cannotCreateWorkspace: defineError('WORKSPACE_CREATE_FORBIDDEN', 403, 'Not allowed', () => 'Only admins of a workspace may create new workspaces.'),
  slugTaken: defineError('WORKSPACE_SLUG_TAKEN', 409, 'Slug already in use', (slug: string) => `The slug "${slug}" is already used by another workspace.`),

  // Members
  memberNotFound: defineError('MEMBER_NOT_FOUND', 404, 'Member not found', (id: string) => `No member ${id} in this workspace.`),
  lastAdmin: defineError('MEMBER_LAST_ADMIN', 409, 'A workspace needs an admin', () => 'This is the last active admin; make someone else admin first.'),
  alreadyMember: defineError('MEMBER_ALREADY_EXISTS', 409, 'Already a member', (email: string) => `${email} is already a member of this workspace.`),

  // Invitations
  invitationNotFound: defineError('INVITATION_NOT_FOUND', 404, 'Invitation not found', () => 'This invitation link is unknown, was revoked, or was already used.'),
  invitationExpired: defineError('INVITATION_EXPIRED', 410, 'Invitation expired', () => 'This invitation has expired; ask your admin for a new one.'),
  invitationNeedsName: () => invalidField('body.name', 'Enter your name to create your account'),

  // Teams
  teamNotFound: defineError('TEAM_NOT_FOUND', 404, 'Team not found', (id: string) => `No team ${id} in this workspace.`),
  teamNameTaken: defineError('TEAM_NAME_TAKEN', 409, 'Team name in use', (name: string) => `A team named "${name}" already exists.`),
  teamUnknownMember: defineError('TEAM_UNKNOWN_MEMBER', 400, 'Unknown member', (id: string) => `User ${id} is not a member of this workspace.`),

  // API tokens
  tokenNotFound: defineError('TOKEN_NOT_FOUND', 404, 'Token not found', (id: string) => `No API token ${id} of yours in this workspace.`),
};
