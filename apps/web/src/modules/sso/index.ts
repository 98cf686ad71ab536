/**
 * Single sign-on in the web app: the workspace settings' OpenID Connect card (admins) and the sign-in page's
 * "Sign in with …" button, with why a refused sign-in was refused.
 */
export { SsoSettingsCard } from './components/sso-settings-card.tsx';
export { SsoSignIn } from './components/sso-sign-in.tsx';
