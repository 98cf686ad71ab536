import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import * as api from '@tandem/contracts/endpoints/workspaces';
import { route } from '../../../http/endpoint-route.ts';
import { clearSessionCookie, setSessionCookie, signedInUser, tenantOf } from '../../../http/request-context.ts';
import type { AuthService } from './auth.service.ts';
import { currentUser } from './auth-port.ts';
import type { ClientMeta, NewSession } from './sessions.ts';

const meta = (req: FastifyRequest): ClientMeta => ({
  ip: req.ip,
  userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null,
});

/** Every way in ends the same: the session cookie is set and the session answered. */
function signIn(req: FastifyRequest, reply: FastifyReply, s: NewSession) {
  setSessionCookie(req, reply, s.token, s.expiresAt, s.secure);
  return s.response;
}

/** Sign-in, first-run setup, invitation and reset links, and the signed-in user's profile. */
export const authRoutes: FastifyPluginAsync<{ auth: AuthService }> = async (app, { auth }) => {
  route(app, api.setupStatus, async () => ({ needsSetup: await auth.needsSetup() }));
  route(app, api.setup, async (req, reply) => signIn(req, reply, await auth.setup(req.body, meta(req))));
  route(app, api.login, async (req, reply) => signIn(req, reply, await auth.login(req.body, meta(req))));
  route(app, api.session, async (req) => auth.sessionResponse(currentUser(req), req.session!.csrfToken));
  route(app, api.logout, async (req, reply) => {
    await auth.logout(req.session!.token, currentUser(req), meta(req));
    clearSessionCookie(reply);
    return { ok: true as const };
  });

  route(app, api.updateProfile, async (req) => auth.updateProfile(signedInUser(req).id, req.body));
  route(app, api.changePassword, async (req) => {
    await auth.changePassword(currentUser(req), req.session!.id, req.body, meta(req));
    return { ok: true as const };
  });

  route(app, api.changeEmail, async (req) => auth.requestEmailChange(currentUser(req), req.body, meta(req)));
  route(app, api.confirmEmailChange, async (req) => auth.confirmEmailChange(req.params.token, meta(req)));

  route(app, api.invitationPreview, async (req) => auth.previewInvitation(req.params.token));
  route(app, api.acceptInvitation, async (req, reply) =>
    signIn(req, reply, await auth.acceptInvitation(req.params.token, req.body, meta(req))),
  );

  route(app, api.issuePasswordReset, async (req) => auth.issuePasswordReset(tenantOf(req), req.params.userId));
  route(app, api.passwordResetPreview, async (req) => auth.previewPasswordReset(req.params.token));
  route(app, api.completePasswordReset, async (req, reply) =>
    signIn(req, reply, await auth.completePasswordReset(req.params.token, req.body.password, meta(req))),
  );
};
