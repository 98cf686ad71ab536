import type { Role } from '@tandem/contracts';

/**
 * The both-teams rule the server enforces, said before saving: a shared goal needs at least one owner from marketing
 * (role marketing) and one from sales (a rep or a sales lead). An admin owner is welcome but counts for neither team.
 * Null when the owners pass.
 */
export function ownersProblem(roles: readonly Role[]): string | null {
  const marketing = roles.includes('marketing');
  const sales = roles.includes('sales') || roles.includes('sales_lead');
  const adminNote = roles.includes('admin') ? ' An admin counts for neither team.' : '';
  if (marketing && sales) return null;
  if (!marketing && !sales) return `Add an owner from marketing and one from sales (a rep or a sales lead).${adminNote}`;
  if (!marketing) return `Add an owner from marketing (a PMM): a shared goal needs one from each team.${adminNote}`;
  return `Add an owner from sales (a rep or a sales lead): a shared goal needs one from each team.${adminNote}`;
}
