import { z } from 'zod';
import { Uuid } from '../common.ts';

/**
 * Share links: a public page showing an asset's current published version to a prospect, usually for one deal.
 * The link's token is shown once, when it is made; only a keyed hash of it is stored.
 */

export const SHARE_LINK_STATES = ['active', 'expired', 'revoked'] as const;
export const ShareLinkState = z.enum(SHARE_LINK_STATES);
export type ShareLinkState = z.infer<typeof ShareLinkState>;

export const CreateShareLinkRequest = z.object({
  dealId: Uuid.optional().describe('The deal the link is for: its opens count toward that deal'),
  expiresInDays: z
    .number()
    .int('whole days')
    .min(1, 'at least 1 day')
    .max(365, 'at most 365 days')
    .optional()
    .describe('The link stops working after this many days; without it, it works until revoked'),
});
export type CreateShareLinkRequest = z.infer<typeof CreateShareLinkRequest>;

const PersonRef = z.object({ userId: Uuid, name: z.string() });

export const ShareLink = z.object({
  id: Uuid,
  assetId: Uuid,
  deal: z.object({ id: Uuid, name: z.string() }).nullable(),
  createdBy: PersonRef.nullable(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedBy: PersonRef.nullable(),
  state: ShareLinkState,
  opens: z.number().int().describe('Every open of the page'),
  visitors: z.number().int().describe('Distinct anonymised visitors (address and browser, hashed)'),
  lastOpenedAt: z.string().nullable(),
  /** The caller made it, or may manage the library: they may turn it off. */
  canRevoke: z.boolean(),
});
export type ShareLink = z.infer<typeof ShareLink>;

export const CreateShareLinkResponse = ShareLink.extend({
  url: z.string().describe('The public address; shown this once (only a hash of its token is kept)'),
});
export type CreateShareLinkResponse = z.infer<typeof CreateShareLinkResponse>;

export const ShareLinkList = z.object({ items: z.array(ShareLink), total: z.number().int() });
export type ShareLinkList = z.infer<typeof ShareLinkList>;
