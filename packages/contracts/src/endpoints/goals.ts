/**
 * The goals module's rows of the endpoint table, one file per feature under endpoints/goals/: goals (shared
 * goals, key results, check-ins, comments, history), metrics (the catalogue, a metric, its records, the scorecard, win/loss) and home (a person's deals' themes). Names are unique across the files.
 */
export * from './goals/goals.ts';
export * from './goals/metrics.ts';
export * from './goals/home.ts';
