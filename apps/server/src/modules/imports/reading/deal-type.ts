/** Deal types as CRMs spell them, reduced to Tandem's three. */
import type { DealType } from './deal-input.ts';

const key = (s: string) => s.toLowerCase().replace(/[^a-z]+/g, '');

const SPELLINGS: Record<DealType, readonly string[]> = {
  // Salesforce's default picklist ("New Customer", "Existing Customer - Upgrade", …), HubSpot's ("New Business", "Existing Business"), and common custom ones.
  new_business: ['New Business', 'New Customer', 'New', 'Net New', 'New Logo', 'New Biz', 'newbusiness'],
  expansion: [
    'Expansion',
    'Existing Business',
    'Existing Customer',
    'Existing Customer - Upgrade',
    'Existing Customer - Expansion',
    'Upgrade',
    'Upsell',
    'Up-sell',
    'Cross-sell',
    'Add-on',
    'existingbusiness',
  ],
  renewal: ['Renewal', 'Existing Customer - Renewal', 'Renew', 'Contract Renewal'],
};

const BY_KEY: ReadonlyMap<string, DealType> = new Map(
  (Object.entries(SPELLINGS) as [DealType, readonly string[]][]).flatMap(([type, names]) => names.map((n) => [key(n), type] as const)),
);

/** The deal type a cell names, or undefined when it names none of the three. */
export function dealType(raw: string): DealType | undefined {
  return BY_KEY.get(key(raw));
}
