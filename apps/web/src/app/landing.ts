import type { SessionResponse } from '@tandem/contracts';

const LAST_WORKSPACE_KEY = 'tandem.lastWorkspace';

export function rememberWorkspace(slug: string): void {
  try {
    localStorage.setItem(LAST_WORKSPACE_KEY, slug);
  } catch {
    // storage may be unavailable (private mode); landing falls back to the first workspace
  }
}

/** Where a signed-in person lands: the workspace they used last, else their first one. */
export function landingPath(session: SessionResponse): string {
  let last: string | null = null;
  try {
    last = localStorage.getItem(LAST_WORKSPACE_KEY);
  } catch {
    last = null;
  }
  const membership = session.memberships.find((m) => m.slug === last) ?? session.memberships[0];
  return membership ? `/w/${membership.slug}` : '/welcome';
}

/** Only same-site paths may be returned to after login (no open redirects). */
export function safeNextPath(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next.startsWith('/login') || next.startsWith('/setup')) return null;
  return next;
}
