/**
 * The goals module's rows of the endpoint table, one file per feature under endpoints/goals/: goals (shared
 * goals, key results, check-ins, comments, history) and metrics (the catalogue, a metric, its records, the scorecard, win/loss). Names are unique across the files.
 */
export * from './goals/goals.ts';
export * from './goals/metrics.ts';
