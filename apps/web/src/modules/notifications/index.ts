/**
 * Notifications in the web app: the header's bell, each person's inbox and
 * settings, and the admin page for Slack, webhooks and the delivery log.
 */
export { NotificationBell } from './components/inbox/notification-bell.tsx';
export { NotificationSettingsCard } from './components/preferences/notification-settings-card.tsx';
