import type { AcceptInvitationRequest, InvitationPreview } from '@tandem/contracts';
import { Password } from '@tandem/contracts';
import { hashPassword, hashToken } from '../../../lib/crypto.ts';
import type { Deps } from '../../../lib/deps.ts';
import { invitationsRepository } from '../members/invitations.repository.ts';
import { workspacesRepository } from '../members/workspaces.repository.ts';
import { WorkspaceErrors as E } from '../workspaces.errors.ts';
import { identityRepository } from './identity.repository.ts';
import { passwordChecks } from './password-check.ts';
import { actorFor, openSession, type ClientMeta, type NewSession } from './sessions.ts';

/** Opening an invitation link: what it is for, and joining (with a new or an existing account). */
export function createInvitationAcceptanceService(deps: Deps) {
  const { db } = deps.database;
  const { checkPassword } = passwordChecks(db);

  return {
    async previewInvitation(token: string): Promise<InvitationPreview> {
      const row = await invitationsRepository.byHash(db, hashToken(deps.secret, token));
      if (!row) throw E.invitationNotFound();
      if (row.inv.expiresAt < new Date()) throw E.invitationExpired();
      // Whether the address already has an account is not said: the link may have been forwarded or leaked.
      return {
        email: row.inv.email,
        role: row.inv.role,
        workspaceName: row.workspace.name,
        workspaceSlug: row.workspace.slug,
        suggestedName: row.inv.name,
      };
    },

    /**
     * Accepting creates the account (new email) or proves the existing one by
     * its password, then adds the membership and signs in.
     */
    async acceptInvitation(token: string, input: AcceptInvitationRequest, meta: ClientMeta): Promise<NewSession> {
      const row = await invitationsRepository.byHash(db, hashToken(deps.secret, token));
      if (!row) throw E.invitationNotFound();
      if (row.inv.expiresAt < new Date()) throw E.invitationExpired();
      const existing = await identityRepository.userByEmail(db, row.inv.email);
      let passwordHash: string | undefined;
      if (existing?.passwordHash) {
        if (!(await checkPassword(existing.email, input.password, existing.passwordHash, meta))) throw E.invalidCredentials();
      } else {
        const name = input.name ?? row.inv.name;
        if (!name) throw E.invitationNeedsName();
        const weak = Password.safeParse(input.password);
        if (!weak.success) throw E.invalidField('body.password', weak.error.issues[0]?.message ?? 'invalid');
        passwordHash = await hashPassword(input.password);
      }
      return db.transaction(async (tx) => {
        // Spend this link first (atomically), then every other link still pending for the address here.
        const claimed = await invitationsRepository.claim(tx, hashToken(deps.secret, token));
        if (!claimed) throw E.invitationNotFound();
        await invitationsRepository.revokePendingFor(tx, row.workspace.id, row.inv.email);
        let user = existing;
        if (!user) {
          user = await identityRepository.insertUser(tx, {
            email: row.inv.email,
            name: (input.name ?? row.inv.name)!,
            passwordHash: passwordHash!,
          });
        } else if (passwordHash) {
          user = (await identityRepository.updateUser(tx, user.id, { passwordHash, name: input.name ?? user.name }))!;
        }
        await workspacesRepository.insertMembership(tx, { workspaceId: row.workspace.id, userId: user.id, role: row.inv.role });
        await deps.audit(tx, row.workspace.id, actorFor(user, meta), {
          action: 'member.joined',
          targetType: 'user',
          targetId: user.id,
          targetLabel: user.email,
          details: { role: row.inv.role, invitationId: row.inv.id },
        });
        return openSession(deps, tx, user, meta);
      });
    },
  };
}

export type InvitationAcceptanceService = ReturnType<typeof createInvitationAcceptanceService>;
