import { wsKey } from '../../../app/workspace-context.tsx';

/**
 * Query keys of the goals module. Goals and their key results sit under `goals`, the metric catalogue, a metric's
 * numbers and the records behind them, the scorecard and win/loss under `metrics` (a goal's write refreshes both).
 * The role homes read other modules' lists under those modules' own prefixes (`feedback`, `requests`, `library`,
 * `deals`), so a write there (a triaged item, a filed request) refreshes the home too.
 */
export const goalsKeys = {
  all: (slug: string) => wsKey(slug, 'goals'),
  list: (slug: string, params: object) => [...goalsKeys.all(slug), 'list', params],
  goal: (slug: string, goalId: string | undefined) => [...goalsKeys.all(slug), 'goal', goalId],
  history: (slug: string, goalId: string, keyResultId: string) => [...goalsKeys.goal(slug, goalId), 'history', keyResultId],
  checkIns: (slug: string, goalId: string) => [...goalsKeys.goal(slug, goalId), 'check-ins'],
  comments: (slug: string, goalId: string) => [...goalsKeys.goal(slug, goalId), 'comments'],

  metrics: (slug: string) => wsKey(slug, 'metrics'),
  catalogue: (slug: string) => [...goalsKeys.metrics(slug), 'catalogue'],
  metric: (slug: string, metric: string, params: object) => [...goalsKeys.metrics(slug), 'metric', metric, params],
  records: (slug: string, metric: string, params: object) => [...goalsKeys.metrics(slug), 'records', metric, params],
  scorecard: (slug: string, period: string) => [...goalsKeys.metrics(slug), 'scorecard', period],
  winLoss: (slug: string, params: object) => [...goalsKeys.metrics(slug), 'win-loss', params],

  home: (slug: string, area: 'feedback' | 'requests' | 'library' | 'deals', ...rest: unknown[]) => wsKey(slug, area, 'home', ...rest),
};
