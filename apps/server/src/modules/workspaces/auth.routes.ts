import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcceptInvitationRequest,
  ChangePasswordRequest,
  CompletePasswordResetRequest,
  InvitationPreview,
  LoginRequest,
  Ok,
  PasswordResetPreview,
  SessionResponse,
  SetupRequest,
  SetupStatusResponse,
  UpdateProfileRequest,
  User,
} from '@tandem/contracts';
import { clearSessionCookie, setSessionCookie, signedInUser } from '../../http/request-context.ts';
import { currentUser } from './auth-port.ts';
import type { Services } from '../../services.ts';

const TokenParam = z.object({ token: z.string().min(10).max(200) });
const tags = ['auth'];

/** Sign-in, first-run setup, invitations, password resets and the signed-in user's profile. */
export const authRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { auth } = services;
  const secure = services.deps.config.publicUrl.startsWith('https:');
  const meta = (req: { ip: string; headers: Record<string, unknown> }) => ({
    ip: req.ip,
    userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null,
  });

  app.get(
    '/setup',
    { config: { access: 'public' }, schema: { tags, summary: 'Whether first-run setup is needed', response: { 200: SetupStatusResponse } } },
    async () => ({ needsSetup: await auth.needsSetup() }),
  );

  app.post(
    '/setup',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Create the first admin and workspace (first run only)', body: SetupRequest, response: { 201: SessionResponse } },
    },
    async (req, reply) => {
      const s = await auth.setup(req.body, meta(req));
      setSessionCookie(req, reply, s.token, s.expiresAt, secure);
      return reply.status(201).send(s.response);
    },
  );

  app.post(
    '/auth/login',
    { config: { access: 'public' }, schema: { tags, summary: 'Sign in with email and password', body: LoginRequest, response: { 200: SessionResponse } } },
    async (req, reply) => {
      const s = await auth.login(req.body, meta(req));
      setSessionCookie(req, reply, s.token, s.expiresAt, secure);
      return s.response;
    },
  );

  app.get(
    '/auth/session',
    { config: { access: 'user' }, schema: { tags, summary: 'The signed-in user, their workspaces and CSRF token', response: { 200: SessionResponse } } },
    async (req) => auth.sessionResponse(currentUser(req), req.session!.csrfToken),
  );

  app.post(
    '/auth/logout',
    { config: { access: 'user' }, schema: { tags, summary: 'Sign out', response: { 200: Ok } } },
    async (req, reply) => {
      await auth.logout(req.session!.token, currentUser(req), meta(req));
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.patch(
    '/me',
    { config: { access: 'user' }, schema: { tags, summary: 'Update your profile', body: UpdateProfileRequest, response: { 200: User } } },
    async (req) => auth.updateProfile(signedInUser(req).id, req.body),
  );

  app.post(
    '/me/password',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'Change your password (ends your other sessions)', body: ChangePasswordRequest, response: { 200: Ok } },
    },
    async (req) => {
      await auth.changePassword(currentUser(req), req.session!.id, req.body, meta(req));
      return { ok: true as const };
    },
  );

  app.get(
    '/invitations/:token',
    { config: { access: 'public' }, schema: { tags, summary: 'What an invitation link is for', params: TokenParam, response: { 200: InvitationPreview } } },
    async (req) => auth.previewInvitation(req.params.token),
  );

  app.post(
    '/invitations/:token/accept',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Accept an invitation and sign in', params: TokenParam, body: AcceptInvitationRequest, response: { 200: SessionResponse } },
    },
    async (req, reply) => {
      const s = await auth.acceptInvitation(req.params.token, req.body, meta(req));
      setSessionCookie(req, reply, s.token, s.expiresAt, secure);
      return s.response;
    },
  );

  app.get(
    '/password-resets/:token',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Whose password a reset link is for', params: TokenParam, response: { 200: PasswordResetPreview } },
    },
    async (req) => auth.previewPasswordReset(req.params.token),
  );

  app.post(
    '/password-resets/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Set a new password with a reset link and sign in',
        params: TokenParam,
        body: CompletePasswordResetRequest,
        response: { 200: SessionResponse },
      },
    },
    async (req, reply) => {
      const s = await auth.completePasswordReset(req.params.token, req.body.password, meta(req));
      setSessionCookie(req, reply, s.token, s.expiresAt, secure);
      return s.response;
    },
  );

};
