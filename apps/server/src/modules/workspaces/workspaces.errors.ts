import { AppError, defineError } from '../../lib/app-error.ts';

/** A field that only the service can judge (it depends on stored state). */
function invalidField(path: string, message: string) {
  return new AppError('VALIDATION_FAILED', 400, 'The request is not valid', `${path}: ${message}`, { errors: [{ path, message }] });
}

/** Every error of the workspaces domain (tenants, people, sign-in, tokens). */
const catalogue = {
  unauthenticated: defineError('AUTH_REQUIRED', 401, 'Sign-in required', () => 'Sign in, or send Authorization: Bearer <API token>.'),
  invalidCredentials: defineError('AUTH_INVALID_CREDENTIALS', 401, 'Wrong email or password', () => 'The email or password is not right.'),
  invalidToken: defineError('AUTH_INVALID_TOKEN', 401, 'Invalid API token', () => 'The API token is unknown, revoked or expired.'),
  rateLimited: (retryAfterSeconds: number, what: 'account' | 'address') =>
    new AppError(
      'AUTH_RATE_LIMITED',
      429,
      'Too many sign-in attempts',
      `Too many failed sign-ins for this ${what}. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
      { retryAfterSeconds },
    ),
  forbiddenForToken: defineError('AUTH_TOKEN_NOT_ALLOWED', 403, 'Not with an API token', () => 'API tokens act within their workspace; this route needs a signed-in session.'),
  csrf: defineError('AUTH_CSRF_FAILED', 403, 'Missing or wrong CSRF token', () => 'Send the X-CSRF-Token header from GET /api/v1/auth/session with every write.'),
  forbidden: defineError('AUTH_FORBIDDEN', 403, 'Not allowed', (action: string, role: string) => `Your role (${role}) may not ${action}.`),
  cannotCreateWorkspace: defineError('WORKSPACE_CREATE_FORBIDDEN', 403, 'Not allowed', () => 'Only admins of a workspace may create new workspaces.'),
  workspaceNotFound: defineError('WORKSPACE_NOT_FOUND', 404, 'Workspace not found', (slug: string) => `No workspace "${slug}" that you belong to.`),
  slugTaken: defineError('WORKSPACE_SLUG_TAKEN', 409, 'Slug already in use', (slug: string) => `The slug "${slug}" is already used by another workspace.`),
  setupDone: defineError('SETUP_ALREADY_DONE', 409, 'Already set up', () => 'Tandem already has an admin; sign in instead.'),
  memberNotFound: defineError('MEMBER_NOT_FOUND', 404, 'Member not found', (id: string) => `No member ${id} in this workspace.`),
  resetBeyondAdmin: defineError(
    'MEMBER_RESET_FORBIDDEN',
    403,
    'Not allowed',
    () => 'This person also belongs to a workspace where you are not an admin, so you cannot reset their password; they can change it on their profile page.',
  ),
  lastAdmin: defineError('MEMBER_LAST_ADMIN', 409, 'A workspace needs an admin', () => 'This is the last active admin; make someone else admin first.'),
  emailTaken: defineError('USER_EMAIL_TAKEN', 409, 'Email already in use', (email: string) => `Another account uses ${email}.`),
  alreadyMember: defineError('MEMBER_ALREADY_EXISTS', 409, 'Already a member', (email: string) => `${email} is already a member of this workspace.`),
  invitationNotFound: defineError('INVITATION_NOT_FOUND', 404, 'Invitation not found', () => 'This invitation link is unknown, was revoked, or was already used.'),
  invitationExpired: defineError('INVITATION_EXPIRED', 410, 'Invitation expired', () => 'This invitation has expired; ask your admin for a new one.'),
  invitationNeedsName: () => invalidField('body.name', 'Enter your name to create your account'),
  invalidField,
  resetNotFound: defineError('PASSWORD_RESET_NOT_FOUND', 404, 'Reset link not found', () => 'This password-reset link is unknown or was already used.'),
  resetExpired: defineError('PASSWORD_RESET_EXPIRED', 410, 'Reset link expired', () => 'This password-reset link has expired; ask your admin for a new one.'),
  wrongPassword: () => invalidField('body.currentPassword', 'The current password is not right'),
  teamNotFound: defineError('TEAM_NOT_FOUND', 404, 'Team not found', (id: string) => `No team ${id} in this workspace.`),
  teamNameTaken: defineError('TEAM_NAME_TAKEN', 409, 'Team name in use', (name: string) => `A team named "${name}" already exists.`),
  teamUnknownMember: defineError('TEAM_UNKNOWN_MEMBER', 400, 'Unknown member', (id: string) => `User ${id} is not a member of this workspace.`),
  tokenNotFound: defineError('TOKEN_NOT_FOUND', 404, 'Token not found', (id: string) => `No API token ${id} of yours in this workspace.`),
  userNotFound: defineError('USER_NOT_FOUND', 404, 'User not found', (email: string) => `No user with email ${email}.`),
};

export const WorkspaceErrors = catalogue;
