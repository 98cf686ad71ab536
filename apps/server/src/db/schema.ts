// Every module's tables, for drizzle-kit and for typed queries.
export * from './system.table.ts';
export * from '../modules/workspaces/workspaces.table.ts';
export * from '../modules/audit/audit.table.ts';
export * from '../modules/deals/deals.table.ts';
export * from '../modules/deals/imports.table.ts';
export * from '../modules/notifications/notifications.table.ts';
export * from '../modules/feedback/feedback.table.ts';
