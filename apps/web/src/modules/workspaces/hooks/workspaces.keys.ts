import { wsKey } from '../../../app/workspace-context.tsx';

export const workspacesKeys = {
  /** The workspace's settings (name, base currency, fiscal year start). */
  detail: (slug: string) => wsKey(slug, 'workspace'),
};
