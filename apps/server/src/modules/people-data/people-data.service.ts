import type { ErasePersonResponse, PersonDataExport } from '@tandem/contracts';
import type { TenantContext } from '../../lib/context.ts';
import type { Deps } from '../../lib/deps.ts';
import { PeopleDataErrors as E } from './people-data.errors.ts';
import { peopleDataRepository as repo, type PersonColumn, type TextColumn } from './people-data.repository.ts';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The stable placeholder a person becomes: the same for the same person, whoever erases them and whenever. */
export function placeholderFor(userId: string) {
  const short = userId.replace(/-/g, '').slice(0, 8);
  return { name: `Former member ${short}`, email: `erased-${short}@erased.invalid` };
}

/** The forms a value takes in stored text: as typed, and escaped inside JSON (quotes, backslashes). */
function patternsFor(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  return [...new Set([value, json])].map(escapeRegex);
}

/** A data-subject request: everything Tandem holds about a person, and erasing them. */
export function createPeopleDataService(deps: Deps) {
  const { database } = deps;
  // The catalogue scans, once per process: the schema changes only through the migrations run before the service
  // starts, so tables added by an upgrade are found at the next start. A failed scan is tried again next time.
  let catalogue: Promise<{ person: PersonColumn[]; text: TextColumn[] }> | null = null;
  function columns() {
    catalogue ??= (async () => ({ person: await repo.personColumns(database.db), text: await repo.textColumns(database.db) }))().catch((e: unknown) => {
      catalogue = null;
      throw e;
    });
    return catalogue;
  }

  async function personIn(t: TenantContext, userId: string) {
    const { db } = database;
    const workspaces = await repo.workspacesOf(db, userId, t.actor.userId ?? '');
    const here = workspaces.find((w) => w.id === t.workspaceId);
    const user = here && (await db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, userId) }));
    if (!here || !user) throw E.notFound(userId);
    return { user, workspaces };
  }

  return {
    async exportPerson(t: TenantContext, userId: string): Promise<PersonDataExport> {
      const { user } = await personIn(t, userId);
      return database.withSystem(async (tx) => {
        const records: Record<string, Record<string, unknown>[]> = {};
        for (const c of (await columns()).person) {
          const found = await repo.rowsReferring(tx, c, userId, t.workspaceId);
          if (found.length) records[`${c.table}.${c.column}`] = found;
        }
        const attempts = await repo.loginAttempts(tx, user.email);
        if (attempts.length) records['login_attempts.email'] = attempts;
        const ws = await tx.query.workspaces.findFirst({ where: (w, { eq }) => eq(w.id, t.workspaceId) });
        await deps.audit(tx, t.workspaceId, t.actor, { action: 'person.exported', targetType: 'user', targetId: userId, targetLabel: user.email });
        return {
          exportedAt: new Date().toISOString(),
          workspace: { id: ws!.id, slug: ws!.slug, name: ws!.name },
          person: { id: user.id, name: user.name, email: user.email, timeZone: user.timeZone, createdAt: user.createdAt.toISOString() },
          records: JSON.parse(JSON.stringify(records)) as PersonDataExport['records'],
        };
      });
    },

    /**
     * Erases a person everywhere, in one transaction: sessions, tokens, sign-in records and provider links go; their
     * name and email become the placeholder in every text and JSON value of every table; what they wrote stays,
     * attributed to the placeholder. The audit log then records the erasure, under the placeholder.
     */
    async erasePerson(t: TenantContext, userId: string, confirmEmail: string): Promise<ErasePersonResponse> {
      const { user, workspaces } = await personIn(t, userId);
      if (user.email.toLowerCase() !== confirmEmail.toLowerCase()) throw E.emailMismatch();
      if (userId === t.actor.userId) throw E.self();
      const beyond = workspaces.filter((w) => !w.actorIsAdmin);
      if (beyond.length) throw E.beyondAdmin(beyond.map((w) => w.name).join(', '));
      const orphaned = workspaces.find((w) => w.role === 'admin' && w.active && w.otherAdmins === 0);
      if (orphaned) throw E.lastAdmin(orphaned.name);

      const placeholder = placeholderFor(userId);
      return database.withSystem(async (tx) => {
        const ended = await repo.endAccess(tx, userId, user.email, placeholder);
        let valuesReplaced = 0;
        const { text } = await columns();
        // The email first (it may contain the name); a name under three letters would match inside other words.
        const swaps: [string, string][] = [
          ...patternsFor(user.email).map((p): [string, string] => [p, placeholder.email]),
          ...(user.name.trim().length >= 3 ? patternsFor(user.name.trim()).map((p): [string, string] => [p, placeholder.name]) : []),
        ];
        for (const c of text) for (const [p, r] of swaps) valuesReplaced += await repo.replaceIn(tx, c, p, r);
        const erasedAt = new Date();
        await deps.audit(tx, workspaces.map((w) => w.id), t.actor, {
          action: 'person.erased',
          targetType: 'user',
          targetId: userId,
          targetLabel: placeholder.name,
          details: { sessionsEnded: ended.sessionsEnded, tokensRevoked: ended.tokensRevoked, valuesReplaced },
        });
        deps.log.info({ userId, workspaceId: t.workspaceId, valuesReplaced }, 'person erased');
        return { userId, placeholderName: placeholder.name, placeholderEmail: placeholder.email, erasedAt: erasedAt.toISOString(), ...ended, valuesReplaced };
      });
    },
  };
}

export type PeopleDataService = ReturnType<typeof createPeopleDataService>;
