import { wsKey } from '../../../app/workspace-context.tsx';

export const tokensKeys = {
  /** The signed-in person's own tokens in the workspace. */
  mine: (slug: string) => wsKey(slug, 'tokens'),
};
