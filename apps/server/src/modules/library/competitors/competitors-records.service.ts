/**
 * Competitor records: create, rename, aliases, delete. A name or alias is a claim on its key (competitorKey: "SNOW",
 * "Snowflake Inc." and "snowflake" compare by it); a key another record holds is refused with a 409 naming that
 * record. Writes are serialised per workspace (advisory lock), so two records never claim one key.
 */
import type { Competitor, CreateCompetitorRequest, UpdateCompetitorRequest } from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';
import { violates } from '../../../db/errors.ts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { competitorKey } from '../competitor-keys.ts';
import { LibraryErrors as E } from '../library.errors.ts';
import { competitorsRepository as repo, toCompetitorDto } from './competitors.repository.ts';

/** Aliases as kept: trimmed, without repeats (case-insensitive), without the name itself. */
function cleanAliases(name: string, aliases: readonly string[]): string[] {
  const seen = new Set([name.toLowerCase()]);
  const out: string[] = [];
  for (const a of aliases) {
    const t = a.trim();
    if (!t || seen.has(t.toLowerCase())) continue;
    seen.add(t.toLowerCase());
    out.push(t);
  }
  return out;
}

/**
 * The keys of a name and its aliases, each refused when it names nothing or another record already holds it.
 * `paths` says where each text came from, so the error names the field ("body.aliases[1]").
 */
async function claimKeys(tx: DbOrTx, ctx: TenantContext, name: { text: string; path: string }, aliases: { text: string; path: string }[], exceptId?: string) {
  const nameKey = competitorKey(name.text);
  if (!nameKey) throw E.competitorNameBlank(name.path);
  const claims = [{ ...name, key: nameKey }];
  for (const a of aliases) {
    const key = competitorKey(a.text);
    if (!key) throw E.competitorNameBlank(a.path);
    claims.push({ ...a, key });
  }
  const keys = [...new Set(claims.map((c) => c.key))];
  const holders = await repo.holdersOf(tx, ctx.workspaceId, keys, exceptId);
  for (const c of claims) {
    const holder = holders.find((h) => h.matchKeys.includes(c.key));
    if (holder) throw E.competitorNameTaken(c.path, c.text, holder.name);
  }
  return keys;
}

/** The lower(name) index has the last word on names; a clash there is the same 409 as a clash of keys. */
async function named<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (violates(e, 'competitors_name_key')) throw E.competitorNameTaken('body.name', name, 'another competitor');
    throw e;
  }
}

export function createCompetitorRecordsService(deps: Deps) {
  const { database, audit } = deps;

  return {
    async create(ctx: TenantContext, body: CreateCompetitorRequest): Promise<Competitor> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        await repo.lockWrites(tx, ctx.workspaceId);
        const aliases = cleanAliases(body.name, body.aliases);
        const matchKeys = await claimKeys(
          tx,
          ctx,
          { text: body.name, path: 'body.name' },
          aliases.map((text) => ({ text, path: `body.aliases[${body.aliases.indexOf(text)}]` })),
        );
        const row = await named(body.name, () =>
          repo.insert(tx, {
            workspaceId: ctx.workspaceId,
            name: body.name,
            aliases,
            matchKeys,
            website: body.website ?? null,
            description: body.description || null,
            createdByUserId: ctx.actor.userId,
          }),
        );
        await audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'competitor.created',
          targetType: 'competitor',
          targetId: row.id,
          targetLabel: row.name,
          details: { aliases },
        });
        return toCompetitorDto(row);
      });
    },

    async update(ctx: TenantContext, id: string, body: UpdateCompetitorRequest): Promise<Competitor> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        await repo.lockWrites(tx, ctx.workspaceId);
        const current = await repo.lockById(tx, ctx.workspaceId, id);
        if (!current) throw E.competitorNotFound(id);
        const name = body.name ?? current.name;
        const given = body.aliases ?? current.aliases;
        const aliases = cleanAliases(name, given);
        const aliasPath = (text: string) => (body.aliases ? `body.aliases[${body.aliases.indexOf(text)}]` : 'body.name');
        const matchKeys = await claimKeys(
          tx,
          ctx,
          { text: name, path: 'body.name' },
          aliases.map((text) => ({ text, path: aliasPath(text) })),
          id,
        );
        const row = await named(name, () =>
          repo.update(tx, ctx.workspaceId, id, {
            name,
            aliases,
            matchKeys,
            ...(body.website !== undefined ? { website: body.website } : {}),
            ...(body.description !== undefined ? { description: body.description || null } : {}),
          }),
        );
        await audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'competitor.updated',
          targetType: 'competitor',
          targetId: id,
          targetLabel: name,
          details: {
            fields: Object.keys(body),
            ...(name !== current.name ? { renamedFrom: current.name } : {}),
            ...(body.aliases ? { aliasesBefore: current.aliases, aliases } : {}),
          },
        });
        return toCompetitorDto(row!);
      });
    },

    /** Refused while assets are tagged with it; deals and feedback keep their text (their names then show as unlinked). */
    async remove(ctx: TenantContext, id: string): Promise<void> {
      await database.withTenant(ctx.workspaceId, async (tx) => {
        await repo.lockWrites(tx, ctx.workspaceId);
        const current = await repo.lockById(tx, ctx.workspaceId, id);
        if (!current) throw E.competitorNotFound(id);
        const tagged = await repo.assetsTagged(tx, ctx.workspaceId, id);
        if (tagged > 0) throw E.competitorInUse(current.name, tagged);
        await repo.remove(tx, ctx.workspaceId, id);
        await audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'competitor.deleted',
          targetType: 'competitor',
          targetId: id,
          targetLabel: current.name,
          details: { aliases: current.aliases },
        });
      });
    },
  };
}

export type CompetitorRecordsService = ReturnType<typeof createCompetitorRecordsService>;
