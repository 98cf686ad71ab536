import type { CreateInvitationRequest, CreateInvitationResponse, Invitation, ListEnvelope } from '@tandem/contracts';
import type { TenantContext } from '../../../lib/context.ts';
import { hashToken, newSecretToken } from '../../../lib/crypto.ts';
import type { Deps } from '../../../lib/deps.ts';
import { identityRepository } from '../auth/identity.repository.ts';
import { WorkspaceErrors as E } from '../workspaces.errors.ts';
import { invitationsRepository, type InvitationRow } from './invitations.repository.ts';
import { workspacesRepository } from './workspaces.repository.ts';

const INVITATION_TTL_MS = 14 * 86_400_000;

function toInvitationDto(inv: InvitationRow, invitedBy: string | null): Invitation {
  return {
    id: inv.id,
    email: inv.email,
    role: inv.role,
    invitedBy,
    createdAt: inv.createdAt.toISOString(),
    expiresAt: inv.expiresAt.toISOString(),
    acceptedAt: inv.acceptedAt?.toISOString() ?? null,
  };
}

/** An admin's side of invitations: issuing, listing and revoking links (accepting one is auth's). */
export function createInvitationsService(deps: Deps) {
  const { database } = deps;

  return {
    async listInvitations(ctx: TenantContext): Promise<ListEnvelope<Invitation>> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const rows = await invitationsRepository.pending(tx, ctx.workspaceId);
        const items = rows.map((r) => toInvitationDto(r.inv, r.invitedBy));
        return { items, nextCursor: null, total: items.length };
      });
    },

    /** Invites by email; re-inviting a pending email replaces the old link. */
    async invite(ctx: TenantContext, input: CreateInvitationRequest): Promise<CreateInvitationResponse> {
      const token = newSecretToken('tdi');
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const existing = await identityRepository.userByEmail(tx, input.email);
        if (existing) {
          const m = await workspacesRepository.membership(tx, ctx.workspaceId, existing.id);
          if (m) throw E.alreadyMember(input.email);
        }
        const pending = await invitationsRepository.pendingFor(tx, ctx.workspaceId, input.email);
        if (pending) await invitationsRepository.update(tx, ctx.workspaceId, pending.id, { revokedAt: new Date() });
        const inv = await invitationsRepository.insert(tx, {
          workspaceId: ctx.workspaceId,
          email: input.email,
          name: input.name ?? null,
          role: input.role,
          tokenHash: hashToken(deps.secret, token),
          invitedByUserId: ctx.actor.userId,
          expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
        });
        await deps.audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'member.invited',
          targetType: 'invitation',
          targetId: inv.id,
          targetLabel: inv.email,
          details: { role: inv.role },
        });
        const url = `${deps.config.publicUrl}/invite/${token}`;
        // The link goes to the invitee by email (or the outbox folder); the admin also sees it, to share it another way.
        await deps.emit(tx, {
          workspaceId: ctx.workspaceId,
          type: 'member.invited',
          payload: { invitationId: inv.id, email: inv.email, role: inv.role, invitedBy: { userId: ctx.actor.userId, name: ctx.actor.name }, expiresAt: inv.expiresAt.toISOString() },
          private: { url },
          actorUserId: ctx.actor.userId,
        });
        return { ...toInvitationDto(inv, ctx.actor.name), url };
      });
    },

    async revokeInvitation(ctx: TenantContext, id: string): Promise<void> {
      await database.withTenant(ctx.workspaceId, async (tx) => {
        const inv = await invitationsRepository.byId(tx, ctx.workspaceId, id);
        if (!inv || inv.acceptedAt || inv.revokedAt) throw E.invitationNotFound();
        await invitationsRepository.update(tx, ctx.workspaceId, id, { revokedAt: new Date() });
        await deps.audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'member.invitation_revoked',
          targetType: 'invitation',
          targetId: id,
          targetLabel: inv.email,
        });
      });
    },
  };
}

export type InvitationsService = ReturnType<typeof createInvitationsService>;
