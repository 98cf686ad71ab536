import { useState } from 'react';
import { EmptyState, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { LoadMore, QueryError, TableSkeleton } from '../../../app/components/query-state.tsx';
import { useDeliveries, type DeliveryFilters } from '../hooks/use-notify-admin.ts';
import { STATUS_LOOK, type DeliveryStatus } from './delivery-status.tsx';
import { DeliveryTable } from './delivery-table.tsx';

const CHANNELS = [
  { value: 'email', label: 'Email' },
  { value: 'digest', label: 'Digest email' },
  { value: 'slack', label: 'Slack' },
  { value: 'webhook', label: 'Webhook' },
];

// Problems first: what needs an admin's eye.
const ORDER: DeliveryStatus[] = ['failed', 'dead', 'pending', 'delivered', 'discarded'];

/** Every message Tandem sends outside the app (email, Slack, webhooks), and what became of it. */
export function DeliveriesSection({ slug, tz }: { slug: string; tz: string }) {
  const [status, setStatus] = useState<DeliveryStatus | 'all'>('all');
  const [channel, setChannel] = useState<DeliveryFilters['channel'] | null>(null);
  const filters: DeliveryFilters = { status: status === 'all' ? undefined : status, channel: channel ?? undefined };
  const deliveries = useDeliveries(slug, filters);
  const counts = deliveries.data?.pages[0]?.counts;
  const rows = deliveries.data?.pages.flatMap((p) => p.items) ?? [];
  const total = deliveries.data?.pages[0]?.total ?? 0;
  const countOf = (s: DeliveryStatus) => {
    const n = counts?.[s];
    return n === undefined ? '' : ` (${n})`;
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Emails, Slack messages and webhook calls Tandem sent or is about to send. A failed one is tried again by itself
        (up to several times over a day); “Gave up” means every try failed. Open a row to see each try.
      </Text>
      <Group gap="sm" wrap="wrap" align="flex-end">
        <SegmentedControl
          value={status}
          onChange={(v) => setStatus(v as DeliveryStatus | 'all')}
          aria-label="Status"
          data={[
            { value: 'all', label: 'All' },
            ...ORDER.map((s) => ({ value: s, label: `${STATUS_LOOK[s].label}${countOf(s)}` })),
          ]}
        />
        <Select
          aria-label="Channel"
          placeholder="Any channel"
          data={CHANNELS}
          value={channel ?? null}
          onChange={(v) => setChannel((v as DeliveryFilters['channel']) ?? null)}
          clearable
          w={180}
        />
      </Group>
      {deliveries.isPending ? (
        <TableSkeleton />
      ) : deliveries.isError ? (
        <QueryError error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState
          icon={<IconSend size={28} />}
          title={status === 'all' && !channel ? 'Nothing sent yet' : 'No deliveries match'}
          description={
            status === 'all' && !channel
              ? 'Emails, Slack messages and webhook calls appear here as events happen.'
              : 'Choose another status or channel.'
          }
        />
      ) : (
        <>
          <Text size="sm" c="dimmed">
            Showing {rows.length} of {total}
          </Text>
          <DeliveryTable slug={slug} deliveries={rows} tz={tz} />
          <LoadMore query={deliveries} />
        </>
      )}
    </Stack>
  );
}
