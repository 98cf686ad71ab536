import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Action, Role } from '@tandem/contracts';
import type { Actor, TenantContext } from '../lib/context.ts';
import { AccessErrors as E } from './access.errors.ts';

/**
 * What the auth hook learns about a request, and the helpers handlers read it with. This file
 * imports no module: route files of every module use it, and the auth plugin fills it in.
 */
export const SESSION_COOKIE = 'tandem_session';

/** The signed-in person, as the request pipeline sees them (the workspaces module's user row fits). */
export interface RequestUser {
  id: string;
  name: string;
  email: string;
}

export type Access = 'public' | 'user' | 'workspace';

export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
  action?: Action;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission a workspace route needs (see PERMISSIONS). */
    action?: Action;
    /** 'public' routes must be listed in PUBLIC_ROUTES; 'user' routes need sign-in but no workspace. */
    access?: 'public' | 'user';
    /** Refuse API tokens (e.g. managing tokens: a token must not mint longer-lived ones). */
    sessionOnly?: boolean;
  }
  interface FastifyRequest {
    user: RequestUser | null;
    session: { id: string; token: string; csrfToken: string } | null;
    viaToken: boolean;
    tenant: TenantContext | null;
  }
  interface FastifyInstance {
    routeCatalog: RouteEntry[];
  }
}

export function actorOf(req: FastifyRequest): Actor {
  return {
    userId: req.user?.id ?? null,
    name: req.user?.name ?? null,
    via: req.viaToken ? 'token' : 'session',
    ip: req.ip,
    requestId: req.id,
  };
}

/** The workspace context of a workspace route (set by the auth hook). */
export function tenantOf(req: FastifyRequest): TenantContext {
  if (!req.tenant) throw new Error(`route ${req.routeOptions.url} has no workspace context`);
  return req.tenant;
}

export function signedInUser(req: FastifyRequest): RequestUser {
  if (!req.user) throw E.unauthenticated();
  return req.user;
}

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secure || req.protocol === 'https',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** Who signs a request in, as the request pipeline asks it; the workspaces module provides it. */
export interface AuthPort {
  /** An API token: its owner, workspace and the owner's current role there; undefined if unknown, revoked or expired. */
  resolveToken(token: string): Promise<{ user: RequestUser; workspace: { id: string; slug: string }; role: Role } | undefined>;
  /**
   * A session cookie's person and session; undefined if unknown or expired. Given a workspace slug, also
   * the person's active membership there (undefined if none or deactivated), in the same round trip.
   */
  resolveSession(
    token: string,
    slug?: string,
  ): Promise<{ user: RequestUser; session: { id: string; csrfToken: string }; membership?: { workspaceId: string; role: Role } } | undefined>;
}
