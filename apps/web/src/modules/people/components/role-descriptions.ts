import type { Role } from '@tandem/contracts';

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'CRO or RevOps: configures the workspace, manages people and sees everything.',
  marketing: 'Product marketing: owns material, triages requests and feedback.',
  sales_lead: 'Sales managers: everything Sales can, plus team views.',
  sales: 'Reps and SEs: use the library, ask for material, log feedback.',
};
