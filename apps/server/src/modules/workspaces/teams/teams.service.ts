import type { CreateTeamRequest, ListEnvelope, Team, UpdateTeamRequest } from '@tandem/contracts';
import { CreateTeamRequest as CreateTeamSchema } from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { WorkspaceErrors as E } from '../workspaces.errors.ts';
import { teamsRepository } from './teams.repository.ts';

async function listDtos(tx: DbOrTx, workspaceId: string, teamId?: string): Promise<Team[]> {
  const { rows, members } = await teamsRepository.list(tx, workspaceId, teamId);
  return rows.map(({ team, leadName }) => ({
    id: team.id,
    name: team.name,
    description: team.description,
    lead: team.leadUserId ? { userId: team.leadUserId, name: leadName ?? '' } : null,
    members: members.filter((m) => m.teamId === team.id).map(({ userId, name, role }) => ({ userId, name, role })),
    createdAt: team.createdAt.toISOString(),
  }));
}

/** Teams group people (e.g. "EMEA sales" led by a sales lead); later "team views" filter by them. */
export function createTeamsService(deps: Deps) {
  const { database } = deps;

  async function checkMembers(tx: DbOrTx, workspaceId: string, ids: (string | null | undefined)[]) {
    const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
    const found = await teamsRepository.existingMembers(tx, workspaceId, wanted);
    const missing = wanted.find((id) => !found.has(id));
    if (missing) throw E.teamUnknownMember(missing);
  }

  async function checkName(tx: DbOrTx, workspaceId: string, name: string, exceptId?: string) {
    const same = await teamsRepository.byName(tx, workspaceId, name);
    if (same && same.id !== exceptId) throw E.teamNameTaken(name);
  }

  async function one(tx: DbOrTx, workspaceId: string, id: string): Promise<Team> {
    const [t] = await listDtos(tx, workspaceId, id);
    if (!t) throw E.teamNotFound(id);
    return t;
  }

  return {
    async list(ctx: TenantContext): Promise<ListEnvelope<Team>> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const items = await listDtos(tx, ctx.workspaceId);
        return { items, nextCursor: null, total: items.length };
      });
    },

    async create(ctx: TenantContext, input: CreateTeamRequest): Promise<Team> {
      const data = CreateTeamSchema.parse(input);
      return database.withTenant(ctx.workspaceId, async (tx) => {
        await checkName(tx, ctx.workspaceId, data.name);
        await checkMembers(tx, ctx.workspaceId, [data.leadUserId, ...data.memberUserIds]);
        const team = await teamsRepository.insert(tx, {
          workspaceId: ctx.workspaceId,
          name: data.name,
          description: data.description ?? null,
          leadUserId: data.leadUserId ?? null,
        });
        // The lead belongs to the team.
        const memberIds = [...new Set([...data.memberUserIds, ...(data.leadUserId ? [data.leadUserId] : [])])];
        await teamsRepository.setMembers(tx, ctx.workspaceId, team.id, memberIds);
        await deps.audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'team.created',
          targetType: 'team',
          targetId: team.id,
          targetLabel: team.name,
          details: { leadUserId: team.leadUserId, members: memberIds.length },
        });
        return one(tx, ctx.workspaceId, team.id);
      });
    },

    async update(ctx: TenantContext, id: string, patch: UpdateTeamRequest): Promise<Team> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const before = await one(tx, ctx.workspaceId, id);
        if (patch.name) await checkName(tx, ctx.workspaceId, patch.name, id);
        await checkMembers(tx, ctx.workspaceId, [patch.leadUserId, ...(patch.memberUserIds ?? [])]);
        const { memberUserIds, ...fields } = patch;
        if (Object.keys(fields).length) await teamsRepository.update(tx, ctx.workspaceId, id, fields);
        const leadId = patch.leadUserId === undefined ? before.lead?.userId : patch.leadUserId;
        if (memberUserIds || patch.leadUserId) {
          const ids = new Set(memberUserIds ?? before.members.map((m) => m.userId));
          if (leadId) ids.add(leadId);
          await teamsRepository.setMembers(tx, ctx.workspaceId, id, [...ids]);
        }
        const after = await one(tx, ctx.workspaceId, id);
        await deps.audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'team.updated',
          targetType: 'team',
          targetId: id,
          targetLabel: after.name,
          details: {
            ...(patch.name && patch.name !== before.name ? { name: { from: before.name, to: after.name } } : {}),
            ...(patch.leadUserId !== undefined ? { lead: { from: before.lead?.name ?? null, to: after.lead?.name ?? null } } : {}),
            ...(memberUserIds ? { members: { from: before.members.length, to: after.members.length } } : {}),
          },
        });
        return after;
      });
    },

    async remove(ctx: TenantContext, id: string): Promise<void> {
      await database.withTenant(ctx.workspaceId, async (tx) => {
        const gone = await teamsRepository.delete(tx, ctx.workspaceId, id);
        if (!gone) throw E.teamNotFound(id);
        await deps.audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'team.deleted',
          targetType: 'team',
          targetId: id,
          targetLabel: gone.name,
        });
      });
    },
  };
}

export type TeamsService = ReturnType<typeof createTeamsService>;
