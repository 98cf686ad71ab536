import { z } from 'zod';
import { Role, Slug } from './common.ts';
import { SSO_PROVIDERS } from './sso-labels.ts';

export { SSO_FAILURES, SSO_PROVIDER_LABELS, SSO_PROVIDERS, type SsoFailure } from './sso-labels.ts';

/** Single sign-on (OpenID Connect), one provider per workspace. */

export const SsoProvider = z.enum(SSO_PROVIDERS);
export type SsoProvider = z.infer<typeof SsoProvider>;

const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/;

/** The issuer's URL: https (http only on the loopback address, for a provider on the same machine). */
export const IssuerUrl = z
  .string()
  .trim()
  .max(500)
  .pipe(z.url('Enter the issuer URL, e.g. https://acme.okta.com'))
  .refine((u) => u.startsWith('https://') || LOOPBACK.test(u), 'Use an https:// issuer URL')
  .transform((u) => u.replace(/\/+$/, ''));

export const EmailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'Enter a domain such as acme.com');

export const SsoSettings = z.object({
  configured: z.boolean().describe('Whether a provider has been saved'),
  enabled: z.boolean(),
  provider: SsoProvider,
  displayName: z.string().describe('What the sign-in button says: "Sign in with <displayName>"'),
  issuerUrl: z.string(),
  clientId: z.string(),
  hasClientSecret: z.boolean().describe('The secret itself is never sent back'),
  allowedDomains: z.array(z.string()),
  defaultRole: Role,
  ssoOnly: z.boolean().describe('Password sign-in off for this workspace; its admins keep theirs (break-glass)'),
  redirectUri: z.string().describe('The sign-in redirect URI to register with the provider'),
  signInUrl: z.string().describe('Where people of this workspace start single sign-on'),
  updatedAt: z.string().nullable(),
});
export type SsoSettings = z.infer<typeof SsoSettings>;

export const UpdateSsoSettingsRequest = z.object({
  enabled: z.boolean(),
  provider: SsoProvider,
  displayName: z.string().trim().max(60).optional().describe('Defaults to the provider name'),
  issuerUrl: IssuerUrl,
  clientId: z.string().trim().min(1, 'Enter the client ID').max(300),
  clientSecret: z.string().min(1).max(1000).optional().describe('Leave out to keep the saved secret'),
  allowedDomains: z.array(EmailDomain).min(1, 'Add at least one email domain').max(50),
  defaultRole: Role,
  ssoOnly: z.boolean(),
});
export type UpdateSsoSettingsRequest = z.input<typeof UpdateSsoSettingsRequest>;

export const SsoSlugParam = z.object({ slug: Slug });

/** What the sign-in page shows for a workspace with single sign-on on. */
export const SsoSignInOption = z.object({
  workspace: z.object({ slug: z.string(), name: z.string() }),
  label: z.string().describe('"Sign in with Okta"'),
  startUrl: z.string(),
  ssoOnly: z.boolean(),
});
export type SsoSignInOption = z.infer<typeof SsoSignInOption>;

export const SsoCallbackQuery = z.looseObject({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
  iss: z.string().max(500).optional(),
});
