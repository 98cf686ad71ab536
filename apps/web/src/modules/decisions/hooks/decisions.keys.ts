import { wsKey } from '../../../app/workspace-context.tsx';

/** Every decisions query of a workspace starts with `all`, so one change refreshes the log and the decision's page. */
export const decisionsKeys = {
  all: (slug: string) => wsKey(slug, 'decisions'),
  log: (slug: string) => [...decisionsKeys.all(slug), 'log'],
  decision: (slug: string, decisionId: string | undefined) => [...decisionsKeys.all(slug), 'decision', decisionId],
  stakeholderOptions: (slug: string) => [...decisionsKeys.all(slug), 'stakeholder-options'],
  linkOptions: (slug: string) => [...decisionsKeys.all(slug), 'link-options'],
};
