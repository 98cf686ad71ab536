import type {
  CreateInvitationRequest,
  CreateInvitationResponse,
  CreateWorkspaceRequest,
  Invitation,
  ListEnvelope,
  Member,
  Membership,
  Role,
  UpdateMemberRequest,
  UpdateWorkspaceRequest,
  Workspace,
} from '@tandem/contracts';
import { CreateWorkspaceRequest as CreateWorkspaceSchema } from '@tandem/contracts';
import type { DbOrTx } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import type { Actor, TenantContext } from '../../lib/context.ts';
import { hashPassword, hashToken, newSecretToken } from '../../lib/crypto.ts';
import type { Deps } from '../../lib/deps.ts';
import { decodeCursor, page } from '../../lib/pagination.ts';
import { identityRepository } from './identity.repository.ts';
import { WorkspaceErrors as E } from './workspaces.errors.ts';
import { workspacesRepository, type InvitationRow, type WorkspaceRow } from './workspaces.repository.ts';
import { emit } from '../notifications/index.ts';

const INVITATION_TTL_MS = 14 * 86_400_000;

export function toWorkspaceDto(w: WorkspaceRow): Workspace {
  return {
    id: w.id,
    slug: w.slug,
    name: w.name,
    baseCurrency: w.baseCurrency,
    fiscalYearStartMonth: w.fiscalYearStartMonth,
    createdAt: w.createdAt.toISOString(),
  };
}

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

/** Creates a workspace, with `adminUserId` (if any) as its first admin, inside the caller's transaction. */
export async function createWorkspaceTx(
  tx: DbOrTx,
  actor: Actor,
  input: CreateWorkspaceRequest,
  adminUserId: string | null,
): Promise<Workspace> {
  const data = CreateWorkspaceSchema.parse(input);
  const row = await workspacesRepository.insert(tx, data);
  if (!row) throw E.slugTaken(data.slug);
  if (adminUserId) await workspacesRepository.insertMembership(tx, { workspaceId: row.id, userId: adminUserId, role: 'admin' });
  await recordAudit(tx, row.id, actor, {
    action: 'workspace.created',
    targetType: 'workspace',
    targetId: row.id,
    targetLabel: row.name,
    details: { slug: row.slug },
  });
  return toWorkspaceDto(row);
}

/** What other modules do when a workspace setting they depend on changes, inside the same transaction. */
export interface WorkspaceHooks {
  /** Returns details for the audit entry (e.g. how many deals were recomputed). */
  baseCurrencyChanged?(tx: DbOrTx, workspaceId: string, from: string, to: string): Promise<Record<string, unknown>>;
}

export function createWorkspacesService(deps: Deps, hooks: WorkspaceHooks = {}) {
  const { database } = deps;
  const { db } = database;

  async function memberDto(tx: DbOrTx, workspaceId: string, userId: string): Promise<Member> {
    const { rows, teamRows } = await workspacesRepository.listMembers(tx, workspaceId, { userId, limit: 1 });
    const r = rows[0];
    if (!r) throw E.memberNotFound(userId);
    return { ...r, joinedAt: r.joinedAt.toISOString(), teams: teamRows.map((t) => ({ id: t.id, name: t.name })) };
  }

  return {
    async create(actor: Actor, input: CreateWorkspaceRequest, adminUserId: string | null): Promise<Workspace> {
      if (adminUserId && actor.via !== 'cli' && !(await workspacesRepository.isAdminAnywhere(db, adminUserId))) {
        throw E.cannotCreateWorkspace();
      }
      return db.transaction((tx) => createWorkspaceTx(tx, actor, input, adminUserId));
    },

    async listMine(userId: string): Promise<ListEnvelope<Membership>> {
      const items = await identityRepository.membershipsOf(db, userId);
      return { items, nextCursor: null, total: items.length };
    },

    /** The workspace and the user's membership in it (undefined when either is missing). */
    async memberOf(slug: string, userId: string) {
      return workspacesRepository.memberOfSlug(db, slug, userId);
    },

    async resolve(slug: string) {
      return workspacesRepository.bySlug(db, slug);
    },

    async listAll() {
      return workspacesRepository.allSlugs(db);
    },

    async membership(workspaceId: string, userId: string) {
      return workspacesRepository.membership(db, workspaceId, userId);
    },

    async get(ctx: TenantContext): Promise<Workspace> {
      const row = await workspacesRepository.byId(db, ctx.workspaceId);
      if (!row) throw E.workspaceNotFound(ctx.slug);
      return toWorkspaceDto(row);
    },

    async update(ctx: TenantContext, patch: UpdateWorkspaceRequest): Promise<Workspace> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const before = await workspacesRepository.byId(tx, ctx.workspaceId);
        const row = await workspacesRepository.update(tx, ctx.workspaceId, patch);
        if (!row || !before) throw E.workspaceNotFound(ctx.slug);
        const changes: Record<string, unknown> = Object.fromEntries(
          Object.keys(patch).map((k) => [k, { from: before[k as keyof typeof patch], to: row[k as keyof typeof patch] }]),
        );
        if (row.baseCurrency !== before.baseCurrency && hooks.baseCurrencyChanged) {
          changes.rebased = await hooks.baseCurrencyChanged(tx, ctx.workspaceId, before.baseCurrency, row.baseCurrency);
        }
        await recordAudit(tx, ctx.workspaceId, ctx.actor, {
          action: 'workspace.settings_updated',
          targetType: 'workspace',
          targetId: row.id,
          targetLabel: row.name,
          details: changes,
        });
        return toWorkspaceDto(row);
      });
    },

    async listMembers(
      ctx: TenantContext,
      q: { q?: string; role?: Role; active?: 'true' | 'false'; cursor?: string; limit: number },
    ): Promise<ListEnvelope<Member>> {
      const after = decodeCursor(q.cursor, 2);
      return database.withTenant(ctx.workspaceId, async (tx) => {
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
          await recordAudit(tx, ctx.workspaceId, ctx.actor, {
            action: 'member.role_changed',
            ...target,
            details: { from: before.role, to: patch.role },
          });
          if (user) {
            await emit(tx, {
              workspaceId: ctx.workspaceId,
              type: 'member.role_changed',
              payload: { userId, name: user.name, email: user.email, from: before.role, to: patch.role, changedBy: { userId: ctx.actor.userId, name: ctx.actor.name } },
              actorUserId: ctx.actor.userId,
            });
          }
        }
        if (patch.active !== undefined && patch.active !== before.active) {
          await recordAudit(tx, ctx.workspaceId, ctx.actor, {
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
        await recordAudit(tx, ctx.workspaceId, ctx.actor, {
          action: 'member.joined',
          targetType: 'user',
          targetId: user.id,
          targetLabel: user.email,
          details: { role: input.role, existingAccount: Boolean(existing) },
        });
        return memberDto(tx, ctx.workspaceId, user.id);
      });
    },

    async listInvitations(ctx: TenantContext): Promise<ListEnvelope<Invitation>> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const rows = await workspacesRepository.pendingInvitations(tx, ctx.workspaceId);
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
        const pending = await workspacesRepository.pendingInvitationFor(tx, ctx.workspaceId, input.email);
        if (pending) await workspacesRepository.updateInvitation(tx, ctx.workspaceId, pending.id, { revokedAt: new Date() });
        const inv = await workspacesRepository.insertInvitation(tx, {
          workspaceId: ctx.workspaceId,
          email: input.email,
          name: input.name ?? null,
          role: input.role,
          tokenHash: hashToken(deps.secret, token),
          invitedByUserId: ctx.actor.userId,
          expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
        });
        await recordAudit(tx, ctx.workspaceId, ctx.actor, {
          action: 'member.invited',
          targetType: 'invitation',
          targetId: inv.id,
          targetLabel: inv.email,
          details: { role: inv.role },
        });
        const url = `${deps.config.publicUrl}/invite/${token}`;
        // The link goes to the invitee by email (or the outbox folder); the admin also sees it, to share it another way.
        await emit(tx, {
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
        const inv = await workspacesRepository.invitationById(tx, ctx.workspaceId, id);
        if (!inv || inv.acceptedAt || inv.revokedAt) throw E.invitationNotFound();
        await workspacesRepository.updateInvitation(tx, ctx.workspaceId, id, { revokedAt: new Date() });
        await recordAudit(tx, ctx.workspaceId, ctx.actor, {
          action: 'member.invitation_revoked',
          targetType: 'invitation',
          targetId: id,
          targetLabel: inv.email,
        });
      });
    },
  };
}

export type WorkspacesService = ReturnType<typeof createWorkspacesService>;
