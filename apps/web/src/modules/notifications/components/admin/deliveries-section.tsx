import { useState } from 'react';
import { SegmentedControl, Stack, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { FilterBar, FilterSelect, InfiniteQueryView, filterSummary, optionLabel } from '../../../../app/kit/index.ts';
import { useDeliveries, type DeliveryFilters } from '../../hooks/use-deliveries.ts';
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
  const filtered = status !== 'all' || !!channel;
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
      <FilterBar
        labelled={false}
        activeCount={(status === 'all' ? 0 : 1) + (channel ? 1 : 0)}
        onClear={() => {
          setStatus('all');
          setChannel(null);
        }}
        summary={filterSummary([
          status !== 'all' && `Status: ${STATUS_LOOK[status].label}`,
          channel && `Channel: ${optionLabel(CHANNELS, channel)}`,
        ])}
      >
        <SegmentedControl
          value={status}
          onChange={(v) => setStatus(v as DeliveryStatus | 'all')}
          aria-label="Status"
          data={[{ value: 'all', label: 'All' }, ...ORDER.map((s) => ({ value: s, label: `${STATUS_LOOK[s].label}${countOf(s)}` }))]}
        />
        <FilterSelect
          field={{
            type: 'select',
            key: 'channel',
            label: 'Channel',
            hideLabel: true,
            placeholder: 'Any channel',
            data: CHANNELS,
            value: channel ?? null,
            onChange: (v) => setChannel((v as DeliveryFilters['channel']) ?? null),
            width: 180,
          }}
        />
      </FilterBar>
      <InfiniteQueryView
        query={deliveries}
        items={(p) => p.items}
        empty={{
          icon: <IconSend size={28} />,
          title: filtered ? 'No deliveries match' : 'Nothing sent yet',
          description: filtered ? 'Choose another status or channel.' : 'Emails, Slack messages and webhook calls appear here as events happen.',
        }}
      >
        {(rows, data) => (
          <>
            <Text size="sm" c="dimmed">
              Showing {rows.length} of {data.pages[0]?.total ?? 0}
            </Text>
            <DeliveryTable slug={slug} deliveries={rows} tz={tz} />
          </>
        )}
      </InfiniteQueryView>
    </Stack>
  );
}
