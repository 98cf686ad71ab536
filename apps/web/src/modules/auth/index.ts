/**
 * Signing in and out in the web app: sign-in, first-run setup, invitation and reset links
 * (pages the router loads on demand), and what the shell needs: whether setup is due, sign-out.
 */
export { setupStatusQuery, useLogout, useSetupStatus } from './hooks/use-auth.ts';
