import type { Role } from './roles.ts';

/**
 * The one permission table (role × action). Every workspace route names one of
 * these actions; the web app reads the same table to show only what works.
 */
export const PERMISSIONS = {
  'workspace.read': ['admin', 'marketing', 'sales_lead', 'sales'],
  'workspace.update': ['admin'],
  'members.read': ['admin', 'marketing', 'sales_lead', 'sales'],
  'members.manage': ['admin'],
  'teams.read': ['admin', 'marketing', 'sales_lead', 'sales'],
  'teams.manage': ['admin'],
  'tokens.manage_own': ['admin', 'marketing', 'sales_lead', 'sales'],
  'audit.read': ['admin'],
  'deals.read': ['admin', 'marketing', 'sales_lead', 'sales'],
  'deals.settings': ['admin'],
  'deals.import': ['admin', 'sales_lead'],
  'deals.write': ['admin'],
  'notifications.own': ['admin', 'marketing', 'sales_lead', 'sales'],
  'notifications.manage': ['admin'],
  'feedback.read': ['admin', 'marketing', 'sales_lead', 'sales'],
  'feedback.write': ['admin', 'marketing', 'sales_lead', 'sales'],
  'feedback.triage': ['admin', 'marketing'],
  'feedback.import': ['admin', 'marketing', 'sales_lead'],
  /** Find, read and preview material; see usage and influence. */
  'library.read': ['admin', 'marketing', 'sales_lead', 'sales'],
  /** Use material: share links, usage events, votes, following, attaching to deals. */
  'library.use': ['admin', 'marketing', 'sales_lead', 'sales'],
  /** Create, edit, publish, verify and archive assets and their files. */
  'library.write': ['admin', 'marketing'],
  /** Review periods per asset type. */
  'library.settings': ['admin', 'marketing'],
  'competitors.read': ['admin', 'marketing', 'sales_lead', 'sales'],
  'competitors.write': ['admin', 'marketing'],
  /** See the queue, requests, capacity and metrics. */
  'requests.read': ['admin', 'marketing', 'sales_lead', 'sales'],
  /** File requests, +1, comment, attach; edit, accept or reopen requests one filed or joined. */
  'requests.create': ['admin', 'marketing', 'sales_lead', 'sales'],
  /** Triage, start, deliver, decline, merge, place against the score; set PMM capacity. */
  'requests.triage': ['admin', 'marketing'],
  /** SLA targets, score weights, the calendar and strategic boosts. */
  'requests.settings': ['admin'],
  /** See shared goals, their key results and history; comment on them (owners also check in, whatever their role). */
  'goals.read': ['admin', 'marketing', 'sales_lead', 'sales'],
  /** Create, edit and archive shared goals and their key results. */
  'goals.write': ['admin', 'marketing', 'sales_lead'],
  /** Read the metric catalogue, any metric with the records behind it, the scorecard and win/loss. */
  'metrics.read': ['admin', 'marketing', 'sales_lead', 'sales'],
  /** Read the decision log and any decision with its input and outcomes. */
  'decisions.read': ['admin', 'marketing', 'sales_lead', 'sales'],
  /** Give input on a decision one is a stakeholder of (the service checks who was asked). */
  'decisions.input': ['admin', 'marketing', 'sales_lead', 'sales'],
  /** Open decisions for input; decide, reopen and link the ones one owns (admins: any). */
  'decisions.write': ['admin', 'marketing'],
  /** Read meeting series, agendas and minutes. */
  'meetings.read': ['admin', 'marketing', 'sales_lead', 'sales'],
  /** Notes and action items in a series one attends; the owner's agenda edits (the service checks who). */
  'meetings.take_part': ['admin', 'marketing', 'sales_lead', 'sales'],
  /** Start a meeting series (both teams' leads). */
  'meetings.write': ['admin', 'marketing', 'sales_lead'],
  /** Read the Alignment Index and pulse results (anonymous; every figure gated by the minimum group size). */
  'alignment.read': ['admin', 'marketing', 'sales_lead', 'sales'],
  /** Answer a pulse (the two teams; admins run pulses and read results). */
  'alignment.answer': ['marketing', 'sales_lead', 'sales'],
  /** Schedule and close pulses, edit the questions, the cadence and the minimum group size. */
  'alignment.manage': ['admin'],
  /** Read the credit ledger, every model, the model of record and disputes. */
  'attribution.read': ['admin', 'marketing', 'sales_lead', 'sales'],
  /** Dispute a touchpoint's inclusion or a deal's split. */
  'attribution.dispute': ['admin', 'marketing', 'sales_lead', 'sales'],
  /** Send touchpoints (API upsert, imports). */
  'attribution.write': ['admin', 'marketing', 'sales_lead'],
  /** Import touchpoints from a CSV (RevOps and marketing; reps and sales leads cannot). */
  'attribution.import': ['admin', 'marketing'],
  /** Choose the model of record, resolve disputes, recompute the ledger. */
  'attribution.admin': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

export function can(role: Role | null | undefined, action: Action): boolean {
  if (!role) return false;
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}
