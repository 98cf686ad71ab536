// Notifications: domain events (a transactional outbox), the durable job queue, and what
// people and systems hear back — in-app inbox, email, Slack and signed webhooks.
export { emit, type EmitInput } from './emit.ts';
export { createNotificationsService, type NotificationsService } from './notifications.service.ts';
export { notificationsRoutes } from './notifications.routes.ts';
export { startWorkers, type Workers } from './worker.ts';
export { startJobQueue, type JobQueue } from './jobs.ts';
export { startNotificationWorkers, createSenders, settledHook } from './start-workers.ts';
