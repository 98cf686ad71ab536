import { defineError } from '../lib/app-error.ts';

/**
 * The request pipeline's errors: who is calling and whether they may. The auth plugin throws
 * them; the workspaces module's catalogue includes them (it answers the same questions in services).
 */
export const AccessErrors = {
  unauthenticated: defineError('AUTH_REQUIRED', 401, 'Sign-in required', () => 'Sign in, or send Authorization: Bearer <API token>.'),
  invalidToken: defineError('AUTH_INVALID_TOKEN', 401, 'Invalid API token', () => 'The API token is unknown, revoked or expired.'),
  forbiddenForToken: defineError('AUTH_TOKEN_NOT_ALLOWED', 403, 'Not with an API token', () => 'API tokens act within their workspace; this route needs a signed-in session.'),
  csrf: defineError('AUTH_CSRF_FAILED', 403, 'Missing or wrong CSRF token', () => 'Send the X-CSRF-Token header from GET /api/v1/auth/session with every write.'),
  forbidden: defineError('AUTH_FORBIDDEN', 403, 'Not allowed', (action: string, role: string) => `Your role (${role}) may not ${action}.`),
  workspaceNotFound: defineError('WORKSPACE_NOT_FOUND', 404, 'Workspace not found', (slug: string) => `No workspace "${slug}" that you belong to.`),
};
