/**
 * Attribution in the web app: every model side by side for a period with the spread, the model of record and its
 * history, a deal's credit with disputes and adjustments, and the disputes list. Pages load on demand.
 */
export { attributionKeys } from './hooks/attribution.keys.ts';
