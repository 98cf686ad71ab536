import { ROLE_LABELS, ROLES, type Role } from '@tandem/contracts';

/** What each role is for, in words shown when choosing a role and on Home. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'For the CRO or RevOps: manages people, teams and workspace settings, and sees the audit log.',
  marketing: 'For product marketers (PMMs).',
  sales_lead: 'For sales managers who lead a team of reps.',
  sales: 'For account executives, SEs and other sellers.',
};

/** The roles as options for a role picker. */
export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
