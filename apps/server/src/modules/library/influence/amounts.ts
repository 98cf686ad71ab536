/**
 * Sums of base-currency amounts as exact decimal strings (numeric(20,4) in the database): added as integers of
 * ten-thousandths, so no cent is lost to floating point.
 */
function scaled(s: string): bigint {
  const [whole = '0', frac = ''] = s.split('.');
  const neg = whole.startsWith('-');
  const v = BigInt(whole.replace('-', '') + frac.padEnd(4, '0').slice(0, 4));
  return neg ? -v : v;
}

export function addAmounts(...amounts: string[]): string {
  const v = amounts.reduce((sum, a) => sum + scaled(a), 0n);
  const abs = (v < 0n ? -v : v).toString().padStart(5, '0');
  return `${v < 0n ? '-' : ''}${abs.slice(0, -4)}.${abs.slice(-4)}`;
}
