/**
 * Sync meetings in the web app: the series list, a series' page, an occurrence's agenda editor and its minutes with
 * action items, and the form that starts a series. The pages are loaded on demand by the router.
 */
export { meetingsKeys } from './hooks/meetings.keys.ts';
