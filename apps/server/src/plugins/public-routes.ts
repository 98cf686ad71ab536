/**
 * The one list of routes that answer without signing in. Every other route
 * needs a session or an API token; the app refuses to start if a route marked
 * public is missing here, or one listed here is not marked public.
 */
export const PUBLIC_ROUTES = [
  'GET /healthz',
  'GET /readyz',
  'GET /api/v1/openapi.json',
  'GET /api/v1/setup',
  'POST /api/v1/setup',
  'POST /api/v1/auth/login',
  'GET /api/v1/invitations/:token',
  'POST /api/v1/invitations/:token/accept',
  'GET /api/v1/password-resets/:token',
  'POST /api/v1/password-resets/:token',
  'POST /api/v1/email-changes/:token',
  'GET /api/v1/unsubscribe',
  'POST /api/v1/unsubscribe',
  'GET /api/v1/sso/:slug',
  'GET /api/v1/sso/:slug/start',
  'GET /api/v1/sso/callback',
] as const;

/** Prefixes served without sign-in that are not API routes: the web app's files and the API docs page. */
export const PUBLIC_PREFIXES = ['/api/docs', '/assets/', '/'] as const;
