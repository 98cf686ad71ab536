import { wsKey } from '../../../app/workspace-context.tsx';

/** Every alignment query of a workspace starts with `all`, so one change refreshes the index, pulses and results. */
export const alignmentKeys = {
  all: (slug: string) => wsKey(slug, 'alignment'),
  report: (slug: string) => [...alignmentKeys.all(slug), 'report'],
  settings: (slug: string) => [...alignmentKeys.all(slug), 'settings'],
  pulses: (slug: string) => [...alignmentKeys.all(slug), 'pulses'],
  pulse: (slug: string, id: string | undefined) => [...alignmentKeys.all(slug), 'pulse', id],
  results: (slug: string, id: string | undefined, role: string | null) => [...alignmentKeys.all(slug), 'results', id, role],
};
