import { wsKey } from '../../../app/workspace-context.tsx';

export const teamsKeys = {
  all: (slug: string) => wsKey(slug, 'teams'),
};
