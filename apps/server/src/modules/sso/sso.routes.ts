import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { SsoFailure } from '@tandem/contracts';
import * as api from '@tandem/contracts/endpoints/sso';
import { route } from '../../http/endpoint-route.ts';
import { setSessionCookie, tenantOf } from '../../http/request-context.ts';
import { STATE_TTL_MS, type SsoService } from './sso.service.ts';

/** The sealed state of a sign-in in progress; sent back only to the callback. */
const PENDING_COOKIE = 'tandem_sso';
const CALLBACK_PATH = '/api/v1/sso/callback';

const meta = (req: FastifyRequest) => ({
  ip: req.ip,
  userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null,
});

/** Back to the sign-in page, saying why (the page reads `?sso=` and shows the message). */
function failed(reply: FastifyReply, failure: SsoFailure, slug: string | undefined) {
  const q = new URLSearchParams({ sso: failure, ...(slug ? { workspace: slug } : {}) });
  return reply.redirect(`/login?${q}`, 303);
}

export const ssoRoutes: FastifyPluginAsync<{ sso: SsoService }> = async (app, { sso }) => {
  route(app, api.settings, async (req) => sso.settings(tenantOf(req)));
  route(app, api.updateSettings, async (req) => sso.updateSettings(tenantOf(req), req.body));
  route(app, api.signInOption, async (req) => sso.signInOption(req.params.slug));

  route(app, api.start, async (req, reply) => {
    const started = await sso.start(req.params.slug);
    if (!started.ok) return failed(reply, started.failure, req.params.slug);
    reply.setCookie(PENDING_COOKIE, started.pending, {
      path: CALLBACK_PATH,
      httpOnly: true,
      // Lax: the provider's redirect back is a top-level GET, which carries it.
      sameSite: 'lax',
      secure: req.protocol === 'https',
      maxAge: STATE_TTL_MS / 1000,
    });
    return reply.redirect(started.url, 303);
  });

  route(app, api.callback, async (req, reply) => {
    const { search } = new URL(req.url, 'http://callback.invalid');
    const outcome = await sso.callback(search, req.cookies[PENDING_COOKIE], meta(req));
    reply.clearCookie(PENDING_COOKIE, { path: CALLBACK_PATH });
    if (!outcome.ok) return failed(reply, outcome.failure, outcome.slug);
    const s = outcome.session.session;
    setSessionCookie(req, reply, s.token, s.expiresAt, s.secure);
    return reply.redirect(`/w/${encodeURIComponent(outcome.slug)}`, 303);
  });
};
