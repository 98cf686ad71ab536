import { createContext, useContext } from 'react';
import type { Membership } from '@tandem/contracts';
import { can, type Action } from '@tandem/contracts/permissions';

export interface WorkspaceContextValue {
  slug: string;
  membership: Membership;
  can: (action: Action) => boolean;
}

export const WorkspaceContext = createContext<WorkspaceContextValue | null>(null);

export function workspaceContextValue(membership: Membership): WorkspaceContextValue {
  return { slug: membership.slug, membership, can: (action) => can(membership.role, action) };
}

/** The workspace the current page belongs to, with the signed-in person's role in it. */
export function useWorkspace(): WorkspaceContextValue {
  const ctx = useContext(WorkspaceContext);
  if (!ctx) throw new Error('useWorkspace outside a workspace route');
  return ctx;
}

/** Query keys of one workspace start with this, so switching workspaces never mixes data. */
export function wsKey(slug: string, ...rest: unknown[]): unknown[] {
  return ['ws', slug, ...rest];
}
