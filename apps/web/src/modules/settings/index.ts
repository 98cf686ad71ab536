/**
 * Workspace settings in the web app: the admins' page (name, base currency, fiscal year,
 * links to the deal and notification settings), loaded on demand by the router. It reads
 * and saves through the workspaces module; nothing else imports this one.
 */
export { SettingsPage } from './components/settings-page.tsx';
