import { z } from 'zod';
import { Uuid, listEnvelope } from './common.ts';

export const AuditEntry = z.object({
  id: Uuid,
  action: z.string(),
  actor: z.object({ userId: Uuid.nullable(), name: z.string().nullable(), via: z.enum(['session', 'token', 'cli', 'system']) }),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  targetLabel: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.iso.datetime(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditList = listEnvelope(AuditEntry);

export const AuditListQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  action: z.string().max(80).optional().describe('Exact action, or a prefix ending in "." such as "member."'),
  actorUserId: Uuid.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;

/** Actions the foundation records; later modules add their own. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.password_changed',
  'auth.password_reset_issued',
  'auth.password_reset_completed',
  'workspace.created',
  'workspace.settings_updated',
  'workspace.demo_seeded',
  'member.invited',
  'member.invitation_revoked',
  'member.joined',
  'member.role_changed',
  'member.deactivated',
  'member.reactivated',
  'team.created',
  'team.updated',
  'team.deleted',
  'token.created',
  'token.revoked',
  'deals.stage_mapping_updated',
  'deals.exchange_rates_updated',
  'deals.imported',
  'deals.upserted',
  'deals.import_undone',
  'accounts.imported',
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
  'webhook.disabled',
  'slack.channel_created',
  'slack.channel_updated',
  'slack.channel_deleted',
  'delivery.retried',
  'delivery.discarded',
  'feedback.deleted',
  'feedback.moved',
  'feedback.imported',
  'feedback.import_undone',
  'theme.created',
  'theme.updated',
  'theme.status_changed',
  'theme.merged',
  'theme.split',
  'theme.suggestion_accepted',
  'theme.suggestion_discarded',
] as const;
