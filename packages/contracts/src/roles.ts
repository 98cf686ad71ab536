/**
 * The workspace roles and their names, free of zod so the web app's first load can
 * show roles and check permissions without the schema library.
 */
export const ROLES = ['admin', 'marketing', 'sales_lead', 'sales'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  marketing: 'Marketing (PMM)',
  sales_lead: 'Sales lead',
  sales: 'Sales',
};
