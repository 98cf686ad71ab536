import { Badge, Group, Stack, Text, Tooltip, type MantineColor } from '@mantine/core';
import { IconLinkOff } from '@tabler/icons-react';
import type { Deal, DealType, StageCategory } from '@tandem/contracts';
import { formatMoney } from '../../../app/kit/index.ts';

export const STATUS_LABELS: Record<StageCategory, string> = { open: 'Open', won: 'Won', lost: 'Lost' };
export const STATUS_COLORS: Record<StageCategory, MantineColor> = { open: 'blue', won: 'teal', lost: 'red' };
export const DEAL_TYPE_LABELS: Record<DealType, string> = {
  new_business: 'New business',
  expansion: 'Expansion',
  renewal: 'Renewal',
};

const SOURCE_LABELS: Record<string, string> = { salesforce: 'Salesforce', hubspot: 'HubSpot', csv: 'CSV file', api: 'API' };
export const sourceLabel = (source: string) => SOURCE_LABELS[source] ?? source;

export function StatusBadge({ status, size = 'sm' }: { status: StageCategory; size?: 'xs' | 'sm' | 'md' }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" size={size} tt="none">
      {STATUS_LABELS[status]}
    </Badge>
  );
}

/** A member's name, or the CRM's owner name that matched nobody in Tandem (marked, not hidden). */
export function OwnerName({ owner, size = 'sm' }: { owner: Deal['owner']; size?: 'xs' | 'sm' }) {
  if (!owner?.name) {
    return (
      <Text size={size} c="dimmed">
        No owner
      </Text>
    );
  }
  if (owner.userId) return <Text size={size}>{owner.name}</Text>;
  return (
    <Tooltip label="Owner name from the CRM; no Tandem member has this name" withArrow>
      <Group gap={4} wrap="nowrap" component="span" style={{ display: 'inline-flex' }}>
        <Text size={size} c="dimmed" span>
          {owner.name}
        </Text>
        <IconLinkOff size={13} color="var(--mantine-color-gray-5)" aria-label="not linked to a member" />
      </Group>
    </Tooltip>
  );
}

/** The amount in the deal's own currency, with the base-currency value under it when they differ. */
export function DealAmount({
  deal,
  baseCurrency,
  align = 'right',
}: {
  deal: Pick<Deal, 'amount' | 'currency' | 'amountBase'>;
  baseCurrency: string | undefined;
  align?: 'left' | 'right';
}) {
  if (deal.amount === null) {
    return (
      <Text size="sm" c="dimmed" ta={align}>
        —
      </Text>
    );
  }
  const foreign = !!deal.currency && !!baseCurrency && deal.currency !== baseCurrency;
  return (
    <Stack gap={0} align={align === 'right' ? 'flex-end' : 'flex-start'}>
      <Text size="sm" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {formatMoney(deal.amount, deal.currency)}
      </Text>
      {foreign &&
        (deal.amountBase !== null ? (
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
            ≈ {formatMoney(deal.amountBase, baseCurrency, { rounded: true })}
          </Text>
        ) : (
          <Tooltip label={`Add a ${deal.currency} exchange rate in Stages and exchange rates`} withArrow>
            <Text size="xs" c="orange" style={{ whiteSpace: 'nowrap' }}>
              no {deal.currency}→{baseCurrency} rate
            </Text>
          </Tooltip>
        ))}
    </Stack>
  );
}
