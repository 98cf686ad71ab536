/**
 * Single sign-on's words, free of zod so the sign-in page's first load can show them (like roles.ts).
 */
export const SSO_PROVIDERS = ['okta', 'entra', 'google', 'keycloak', 'other'] as const;
type Provider = (typeof SSO_PROVIDERS)[number];

export const SSO_PROVIDER_LABELS: Record<Provider, string> = {
  okta: 'Okta',
  entra: 'Microsoft Entra ID',
  google: 'Google Workspace',
  keycloak: 'Keycloak',
  other: 'single sign-on',
};

/** Why a single sign-on did not finish: the sign-in page's `?sso=` code, each with a message in SSO_FAILURES. */
export const SSO_FAILURES = {
  state: 'The sign-in could not be checked (it was started in another tab, took too long, or was tampered with). Try again.',
  provider: 'The identity provider did not accept the sign-in. Try again, or ask your admin.',
  unreachable: 'The identity provider did not answer. Try again later, or ask your admin to check the issuer URL.',
  domain: 'Your email address is not in a domain this workspace accepts for single sign-on.',
  email: 'The identity provider did not give a verified email address.',
  deactivated: 'Your access to this workspace has been turned off. Ask an admin of the workspace.',
  conflict: 'Another Tandem account already uses the email address your identity provider gave. Ask an admin.',
  elsewhere:
    'Your email already has a Tandem account that other workspaces use, and this workspace’s identity provider cannot sign it in. Sign in with your password, or ask an admin.',
  off: 'Single sign-on is not turned on for this workspace.',
} as const;
export type SsoFailure = keyof typeof SSO_FAILURES;
