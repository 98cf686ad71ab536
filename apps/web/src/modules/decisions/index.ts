/**
 * Decisions in the web app: the log, a decision's page with its input and outcome, and the form that opens one for
 * input. The pages are loaded on demand by the router.
 */
export { decisionsKeys } from './hooks/decisions.keys.ts';
/** The decisions linked to a feedback theme (the theme's page shows them). */
export { ThemeDecisions } from './components/shared/theme-decisions.tsx';
