import type { ListEnvelope, Member, Role, UpdateMemberRequest } from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';
import type { TenantContext } from '../../../lib/context.ts';
import { hashPassword } from '../../../lib/crypto.ts';
import type { Deps } from '../../../lib/deps.ts';
import { decodeCursor, page } from '../../../lib/pagination.ts';
import { identityRepository } from '../auth/identity.repository.ts';
import { WorkspaceErrors as E } from '../workspaces.errors.ts';
import { workspacesRepository } from './workspaces.repository.ts';

/** The people of a workspace: listing them, changing roles, deactivating, adding directly (CLI). */
export function createMembersService(deps: Deps) {
  const { database } = deps;

  async function memberDto(tx: DbOrTx, workspaceId: string, userId: string): Promise<Member> {
    const { rows, teamRows } = await workspacesRepository.listMembers(tx, workspaceId, { userId, limit: 1 });
    const r = rows[0];
    if (!r) throw E.memberNotFound(userId);
    return { ...r, joinedAt: r.joinedAt.toISOString(), teams: teamRows.map((t) => ({ id: t.id, name: t.name })) };
  }

  return {
    async listMembers(
      ctx: TenantContext,
      q: { q?: string; role?: Role; active?: 'true' | 'false'; cursor?: string; limit: number },
    ): Promise<ListEnvelope<Member>> {
      const after = decodeCursor(q.cursor, 2);
      return database.readTenant(ctx.workspaceId, async (tx) => {
        const { rows, total, teamRows } = await workspacesRepository.listMembers(tx, ctx.workspaceId, {
          q: q.q,
          role: q.role,
          active: q.active === undefined ? undefined : q.active === 'true',
          after: after ? { name: after[0]!, id: after[1]! } : undefined,
          limit: q.limit,
        });
        const { items, nextCursor } = page(rows, q.limit, (r) => [r.name, r.userId]);
        return {
          total,
          nextCursor,
          items: items.map((r) => ({
            ...r,
            joinedAt: r.joinedAt.toISOString(),
            teams: teamRows.filter((t) => t.userId === r.userId).map((t) => ({ id: t.id, name: t.name })),
          })),
        };
      });
    },

    async updateMember(ctx: TenantContext, userId: string, patch: UpdateMemberRequest): Promise<Member> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const before = await workspacesRepository.membership(tx, ctx.workspaceId, userId);
        if (!before) throw E.memberNotFound(userId);
        const losesAdmin =
          before.role === 'admin' && before.active && ((patch.role && patch.role !== 'admin') || patch.active === false);
        if (losesAdmin && (await workspacesRepository.countActiveAdmins(tx, ctx.workspaceId)) <= 1) throw E.lastAdmin();
        await workspacesRepository.updateMembership(tx, ctx.workspaceId, userId, patch);
        const user = await identityRepository.userById(tx, userId);
        const target = { targetType: 'user', targetId: userId, targetLabel: user?.email };
        if (patch.role && patch.role !== before.role) {
          await deps.audit(tx, ctx.workspaceId, ctx.actor, {
            action: 'member.role_changed',
            ...target,
            details: { from: before.role, to: patch.role },
          });
          if (user) {
            await deps.emit(tx, {
              workspaceId: ctx.workspaceId,
              type: 'member.role_changed',
              payload: { userId, name: user.name, email: user.email, from: before.role, to: patch.role, changedBy: { userId: ctx.actor.userId, name: ctx.actor.name } },
              actorUserId: ctx.actor.userId,
            });
          }
        }
        if (patch.active !== undefined && patch.active !== before.active) {
          await deps.audit(tx, ctx.workspaceId, ctx.actor, {
            action: patch.active ? 'member.reactivated' : 'member.deactivated',
            ...target,
          });
        }
        return memberDto(tx, ctx.workspaceId, userId);
      });
    },

    /**
     * Adds a person directly (CLI): a new email gets an account with this
     * password; an existing account gains a membership and keeps its password.
     */
    async addMember(ctx: TenantContext, input: { email: string; name: string; role: Role; password: string }): Promise<Member> {
      const passwordHash = await hashPassword(input.password);
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const existing = await identityRepository.userByEmail(tx, input.email);
        if (existing && (await workspacesRepository.membership(tx, ctx.workspaceId, existing.id))) throw E.alreadyMember(input.email);
        const user = existing ?? (await identityRepository.insertUser(tx, { email: input.email, name: input.name, passwordHash }));
        await workspacesRepository.insertMembership(tx, { workspaceId: ctx.workspaceId, userId: user.id, role: input.role });
        await deps.audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'member.joined',
          targetType: 'user',
          targetId: user.id,
          targetLabel: user.email,
          details: { role: input.role, existingAccount: Boolean(existing) },
        });
        return memberDto(tx, ctx.workspaceId, user.id);
      });
    },
  };
}

export type MembersService = ReturnType<typeof createMembersService>;
