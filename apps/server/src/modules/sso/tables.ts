import { boolean, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { memberships, users, workspaces } from '../workspaces/tables.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

/** A workspace's OpenID Connect provider: one per workspace. The client secret is kept sealed (AES-256-GCM). */
export const ssoSettings = pgTable('sso_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  enabled: boolean('enabled').notNull().default(false),
  provider: text('provider', { enum: ['okta', 'entra', 'google', 'keycloak', 'other'] }).notNull(),
  displayName: text('display_name').notNull(),
  issuerUrl: text('issuer_url').notNull(),
  clientId: text('client_id').notNull(),
  /** `v1.<iv>.<tag>.<ciphertext>` (base64url), sealed with a key derived from the instance secret. */
  clientSecretSealed: text('client_secret_sealed').notNull(),
  allowedDomains: text('allowed_domains').array().notNull(),
  defaultRole: text('default_role', { enum: ['admin', 'marketing', 'sales_lead', 'sales'] }).notNull(),
  ssoOnly: boolean('sso_only').notNull().default(false),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Who a provider's subject is in Tandem: the link made on a person's first single sign-on. */
export const ssoIdentities = pgTable(
  'sso_identities',
  {
    workspaceId: uuid('workspace_id').notNull(),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSignInAt: ts('last_sign_in_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.issuer, t.subject] }),
    foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [memberships.workspaceId, memberships.userId] }).onDelete('cascade'),
    index('sso_identities_user_idx').on(t.workspaceId, t.userId),
  ],
);
