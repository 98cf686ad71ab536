import type { CreateWorkspaceRequest, ListEnvelope, Membership, UpdateWorkspaceRequest, Workspace } from '@tandem/contracts';
import { CreateWorkspaceRequest as CreateWorkspaceSchema } from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';
import type { Actor, TenantContext } from '../../../lib/context.ts';
import type { Deps, RecordAudit } from '../../../lib/deps.ts';
import { identityRepository } from '../auth/identity.repository.ts';
import { WorkspaceErrors as E } from '../workspaces.errors.ts';
import { workspacesRepository, type WorkspaceRow } from './workspaces.repository.ts';

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

/** Creates a workspace, with `adminUserId` (if any) as its first admin, inside the caller's transaction. */
export async function createWorkspaceTx(
  audit: RecordAudit,
  tx: DbOrTx,
  actor: Actor,
  input: CreateWorkspaceRequest,
  adminUserId: string | null,
): Promise<Workspace> {
  const data = CreateWorkspaceSchema.parse(input);
  const row = await workspacesRepository.insert(tx, data);
  if (!row) throw E.slugTaken(data.slug);
  if (adminUserId) await workspacesRepository.insertMembership(tx, { workspaceId: row.id, userId: adminUserId, role: 'admin' });
  await audit(tx, row.id, actor, {
    action: 'workspace.created',
    targetType: 'workspace',
    targetId: row.id,
    targetLabel: row.name,
    details: { slug: row.slug },
  });
  return toWorkspaceDto(row);
}

/** What other modules do when a workspace setting they depend on changes, inside the same transaction. */
export interface WorkspacesPorts {
  /** Returns details for the audit entry (e.g. how many deals were recomputed). */
  baseCurrencyChanged?(tx: DbOrTx, workspaceId: string, from: string, to: string): Promise<Record<string, unknown>>;
  /** A workspace whose single sign-on refuses this person's password (SSO only, not an admin there). */
  passwordSignInRefusedBy?(db: DbOrTx, userId: string): Promise<{ name: string; slug: string } | undefined>;
}

/** Workspaces themselves: creating one, its settings, and who belongs to which. */
export function createTenantsService(deps: Deps, ports: WorkspacesPorts = {}) {
  const { database } = deps;
  const { db } = database;

  return {
    async create(actor: Actor, input: CreateWorkspaceRequest, adminUserId: string | null): Promise<Workspace> {
      if (adminUserId && actor.via !== 'cli' && !(await workspacesRepository.isAdminAnywhere(db, adminUserId))) {
        throw E.cannotCreateWorkspace();
      }
      return db.transaction((tx) => createWorkspaceTx(deps.audit, tx, actor, input, adminUserId));
    },

    async listMine(userId: string): Promise<ListEnvelope<Membership>> {
      const items = await identityRepository.membershipsOf(db, userId);
      return { items, nextCursor: null, total: items.length };
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

    /** The account of this email, if any (the CLI names people by email). */
    async userByEmail(email: string) {
      return identityRepository.userByEmail(db, email);
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
        if (row.baseCurrency !== before.baseCurrency && ports.baseCurrencyChanged) {
          changes.rebased = await ports.baseCurrencyChanged(tx, ctx.workspaceId, before.baseCurrency, row.baseCurrency);
        }
        await deps.audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'workspace.settings_updated',
          targetType: 'workspace',
          targetId: row.id,
          targetLabel: row.name,
          details: changes,
        });
        return toWorkspaceDto(row);
      });
    },
  };
}

export type TenantsService = ReturnType<typeof createTenantsService>;
