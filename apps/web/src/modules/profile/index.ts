/**
 * Your own account in the web app: the profile page (name, email, time zone, password),
 * loaded on demand by the router. Other modules need nothing from it but its hooks.
 */
export { useChangeEmail, useChangePassword, useUpdateProfile } from './hooks/use-profile.ts';
