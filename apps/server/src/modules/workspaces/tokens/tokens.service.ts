import type { ApiToken, CreateApiTokenRequest, CreateApiTokenResponse, ListEnvelope } from '@tandem/contracts';
import type { TenantContext } from '../../../lib/context.ts';
import { hashToken, newSecretToken } from '../../../lib/crypto.ts';
import type { Deps } from '../../../lib/deps.ts';
import { WorkspaceErrors as E } from '../workspaces.errors.ts';
import { tokensRepository } from './tokens.repository.ts';

type TokenRow = Awaited<ReturnType<typeof tokensRepository.insert>>;

const toDto = (t: TokenRow): ApiToken => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt?.toISOString() ?? null,
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

/**
 * Personal API tokens: named, shown once, stored as a keyed hash, revocable,
 * optionally expiring; a token acts in one workspace with its owner's current role.
 */
export function createTokensService(deps: Deps) {
  const { database } = deps;

  return {
    async list(ctx: TenantContext, userId: string): Promise<ListEnvelope<ApiToken>> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const items = (await tokensRepository.listForUser(tx, ctx.workspaceId, userId)).map(toDto);
        return { items, nextCursor: null, total: items.length };
      });
    },

    async create(ctx: TenantContext, userId: string, input: CreateApiTokenRequest): Promise<CreateApiTokenResponse> {
      const token = newSecretToken('tdm');
      const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const row = await tokensRepository.insert(tx, {
          workspaceId: ctx.workspaceId,
          userId,
          name: input.name,
          prefix: token.slice(0, 12),
          tokenHash: hashToken(deps.secret, token),
          expiresAt,
        });
        await deps.audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'token.created',
          targetType: 'api_token',
          targetId: row.id,
          targetLabel: row.name,
          details: { ownerUserId: userId, expiresAt: expiresAt?.toISOString() ?? null },
        });
        await deps.emit(tx, {
          workspaceId: ctx.workspaceId,
          type: 'token.created',
          payload: { tokenId: row.id, name: row.name, userId, role: ctx.role, expiresAt: expiresAt?.toISOString() ?? null },
          actorUserId: ctx.actor.userId,
        });
        return { ...toDto(row), token };
      });
    },

    /** Revokes one of the caller's own tokens. */
    async revoke(ctx: TenantContext, userId: string, id: string): Promise<void> {
      await database.withTenant(ctx.workspaceId, async (tx) => {
        const row = await tokensRepository.byId(tx, ctx.workspaceId, id);
        if (!row || row.userId !== userId) throw E.tokenNotFound(id);
        if (!row.revokedAt) await tokensRepository.revoke(tx, ctx.workspaceId, id);
        await deps.audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'token.revoked',
          targetType: 'api_token',
          targetId: id,
          targetLabel: row.name,
        });
      });
    },

    /** What a Bearer token acts as, or undefined when unknown, revoked, expired or its owner was deactivated. */
    async resolve(token: string) {
      const row = await tokensRepository.resolve(database.db, hashToken(deps.secret, token));
      if (!row || row.token.revokedAt || !row.membership.active) return undefined;
      if (row.token.expiresAt && row.token.expiresAt < new Date()) return undefined;
      if (!row.token.lastUsedAt || Date.now() - row.token.lastUsedAt.getTime() > 60_000) {
        await tokensRepository.touch(database.db, row.token.workspaceId, row.token.id);
      }
      return row;
    },
  };
}

export type TokensService = ReturnType<typeof createTokensService>;
