import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { can, type Action, type Role } from '@tandem/contracts';
import { AccessErrors as E } from '../http/access.errors.ts';
import {
  actorOf,
  clearSessionCookie,
  SESSION_COOKIE,
  type Access,
  type AuthPort,
  type RouteEntry,
} from '../http/request-context.ts';
import { PUBLIC_ROUTES } from './public-routes.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Authentication (session cookie or Bearer API token), CSRF for cookie writes,
 * workspace membership and the role × action check — for every route, by its
 * declared access. Routes that declare nothing cannot be registered. Who is who
 * comes through a narrow port (`AuthPort`), so this plugin depends on no module.
 */
export const authPlugin = fp(
  async (app: FastifyInstance, opts: { port: AuthPort }) => {
    const { port } = opts;
    const publicSet = new Set<string>(PUBLIC_ROUTES);
    app.decorate('routeCatalog', [] as RouteEntry[]);
    app.decorateRequest('user', null);
    app.decorateRequest('session', null);
    app.decorateRequest('viaToken', false);
    app.decorateRequest('tenant', null);

    app.addHook('onRoute', (route) => {
      const url = route.url ?? route.path;
      if (!url.startsWith('/api/') && !['/healthz', '/readyz'].includes(url)) return; // static files, docs page
      if (url.startsWith('/api/docs')) return;
      const methods = [route.method].flat().filter((m) => m !== 'HEAD');
      const config = (route.config ?? {}) as { action?: Action; access?: 'public' | 'user' };
      for (const method of methods) {
        const key = `${method} ${url}`;
        let access: Access;
        if (config.access === 'public') {
          if (!publicSet.has(key)) throw new Error(`${key} is marked public but is not in PUBLIC_ROUTES`);
          access = 'public';
        } else if (publicSet.has(key)) {
          throw new Error(`${key} is in PUBLIC_ROUTES but not marked access: 'public'`);
        } else if (url.includes(':workspace')) {
          if (!config.action) throw new Error(`${key} is a workspace route without an action`);
          access = 'workspace';
        } else if (config.access === 'user') {
          access = 'user';
        } else {
          throw new Error(`${key} declares no access: give it an action, access: 'user' or access: 'public'`);
        }
        app.routeCatalog.push({ method, url, access, action: config.action });
      }
    });

    app.addHook('onRequest', async (req, reply) => {
      const config = req.routeOptions.config as { action?: Action; access?: 'public' | 'user'; sessionOnly?: boolean } | undefined;
      const url = req.routeOptions.url;
      if (!url || !(url.startsWith('/api/v1/') || url === '/api/v1')) return;

      const header = req.headers.authorization;
      if (header) {
        const m = /^Bearer\s+(\S+)$/i.exec(header);
        const resolved = m ? await port.resolveToken(m[1]!) : undefined;
        if (!resolved) throw E.invalidToken();
        req.user = resolved.user;
        req.viaToken = true;
        if (config?.access === 'public') return;
        if (config?.access === 'user') throw E.forbiddenForToken();
        const slug = (req.params as { workspace?: string }).workspace;
        if (!slug || slug !== resolved.workspace.slug) throw E.workspaceNotFound(slug ?? '');
        if (config?.sessionOnly) throw E.forbiddenForToken();
        authorize(req, resolved.workspace.id, slug, resolved.role, config?.action);
        return;
      }

      const cookie = req.cookies[SESSION_COOKIE];
      // A workspace route's session lookup also brings the person's membership there (one round trip).
      const slug = config?.action ? ((req.params as { workspace?: string }).workspace ?? '') : undefined;
      let membership: { workspaceId: string; role: Role } | undefined;
      if (cookie) {
        const found = await port.resolveSession(cookie, slug);
        if (found) {
          membership = found.membership;
          req.user = found.user;
          req.session = { id: found.session.id, token: cookie, csrfToken: found.session.csrfToken };
        } else if (config?.access !== 'public') {
          clearSessionCookie(reply);
        }
      }
      if (config?.access === 'public') return;
      if (!req.user || !req.session) throw E.unauthenticated();
      if (!SAFE_METHODS.has(req.method)) {
        const sent = req.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !sameSecret(sent, req.session.csrfToken)) throw E.csrf();
      }
      if (config?.access === 'user') return;

      if (!membership) throw E.workspaceNotFound(slug ?? '');
      authorize(req, membership.workspaceId, slug ?? '', membership.role, config?.action);
    });

    function authorize(req: FastifyRequest, workspaceId: string, slug: string, role: Role, action: Action | undefined) {
      if (!action || !can(role, action)) throw E.forbidden(action ?? 'do this', role);
      req.tenant = { workspaceId, slug, role, actor: actorOf(req) };
    }
  },
  { name: 'auth', dependencies: ['errors'] },
);
