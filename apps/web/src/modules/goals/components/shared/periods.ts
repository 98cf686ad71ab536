import { fiscalQuarterOf, shiftFiscalQuarter, type FiscalPeriod } from '@tandem/contracts';

/** The quarters a period picker offers: `back` quarters before the current one, the current one, and `ahead` after. */
export function quarterOptions(today: string, startMonth: number, back = 7, ahead = 1): FiscalPeriod[] {
  const current = fiscalQuarterOf(today, startMonth);
  const out: FiscalPeriod[] = [];
  for (let i = ahead; i >= -back; i -= 1) out.push(shiftFiscalQuarter(current, i, startMonth));
  return out;
}
