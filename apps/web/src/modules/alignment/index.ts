/**
 * Alignment in the web app: the Alignment Index page (scores, perception gap, trend, playbook), the pulse answering
 * page (phone-first), a pulse's results and the admin's pulse page. The pages are loaded on demand by the router.
 */
export { alignmentKeys } from './hooks/alignment.keys.ts';
