import { wsKey } from '../../../app/workspace-context.tsx';

export const ssoKeys = {
  /** The workspace's OpenID Connect provider (admins). */
  settings: (slug: string) => wsKey(slug, 'sso'),
  /** A workspace's sign-in button, before anyone is signed in. */
  signInOption: (slug: string) => ['sso-sign-in', slug] as const,
};
