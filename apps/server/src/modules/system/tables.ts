import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Instance-wide settings every process reads, such as the generated secret. */
export const systemSettings = pgTable('system_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
