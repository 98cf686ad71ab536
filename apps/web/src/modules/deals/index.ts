/**
 * Deals in the web app: the deal list, deal and account pages and the deal settings (loaded on
 * demand by the router), and what other pages read through it: deal and account lookups, the
 * deal-list request for pickers, the query keys they share, the status badge, and the one deal table (a theme's
 * linked deals use it too).
 */
export { dealsKey, dealsKeys, type DealFilterParams, type DealSort } from './hooks/deals.keys.ts';
export { dealsApi } from './hooks/deal-requests.ts';
export { useAccount, useDeal, useSegments } from './hooks/use-deals.ts';
export { StatusBadge } from './components/deal-bits.tsx';
export { DealTable, type DealTableProps, type DealTableRow } from './components/deal-table.tsx';
