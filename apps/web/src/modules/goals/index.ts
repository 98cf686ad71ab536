/**
 * Goals in the web app: the role homes (the scorecard for admins and leads, a PMM's work queue, a rep's own), the
 * scorecard, shared goals and their editor, win/loss and the records behind every number. The router loads each page
 * on demand; other modules use the goals' query keys to refresh them.
 */
export { goalsKeys } from './hooks/goals.keys.ts';
