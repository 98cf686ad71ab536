import type { Role } from '@tandem/contracts';

/** Who does something, as services and the audit log see it (no HTTP types). */
export interface Actor {
  userId: string | null;
  name: string | null;
  via: 'session' | 'token' | 'cli' | 'system';
  ip: string | null;
  requestId: string | null;
}

/** A request confined to one workspace, with the caller's role in it. */
export interface TenantContext {
  workspaceId: string;
  slug: string;
  role: Role;
  actor: Actor;
}

export const SYSTEM_ACTOR: Actor = { userId: null, name: 'system', via: 'system', ip: null, requestId: null };
export const cliActor = (name = 'cli'): Actor => ({ userId: null, name, via: 'cli', ip: null, requestId: null });
