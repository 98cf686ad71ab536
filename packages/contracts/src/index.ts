export * from './common.ts';
export * from './permissions.ts';
export * from './workspaces.ts';
export * from './audit.ts';
export * from './deals.ts';
export * from './imports.ts';
export * from './events.ts';
export * from './notifications.ts';
