// Every module's tables, for drizzle-kit and for typed queries.
export * from '../modules/system/tables.ts';
export * from '../modules/workspaces/tables.ts';
export * from '../modules/audit/tables.ts';
export * from '../modules/deals/tables.ts';
export * from '../modules/imports/tables.ts';
export * from '../modules/notifications/tables.ts';
export * from '../modules/feedback/tables.ts';
export * from '../modules/library/tables.ts';
export * from '../modules/requests/tables.ts';
export * from '../modules/decisions/tables.ts';
export * from '../modules/alignment/tables.ts';
export * from '../modules/goals/tables.ts';
export * from '../modules/sso/tables.ts';
export * from '../modules/attribution/tables.ts';
export * from '../modules/meetings/tables.ts';
export * from './change-stamps.table.ts';
