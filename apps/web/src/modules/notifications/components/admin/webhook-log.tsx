import { Stack, Text } from '@mantine/core';
import type { WebhookSubscription } from '@tandem/contracts';
import { CopyField } from '../../../../app/components/copy-field.tsx';
import { InfiniteQueryView, TableSkeleton } from '../../../../app/kit/index.ts';
import { useDeliveries } from '../../hooks/use-deliveries.ts';
import { DeliveryTable } from './delivery-table.tsx';
import { SIGNATURE_DOCS } from './webhook-create-modal.tsx';

/** One subscription opened: its secret and the calls Tandem made to it. */
export function WebhookLog({ slug, hook, tz }: { slug: string; hook: WebhookSubscription; tz: string }) {
  const log = useDeliveries(slug, { targetId: hook.id });
  return (
    <Stack gap="sm" py="xs">
      <CopyField label="Signing secret" value={hook.secret} description={SIGNATURE_DOCS} />
      <Text size="sm" fw={600}>
        Delivery log
      </Text>
      <InfiniteQueryView
        query={log}
        items={(p) => p.items}
        skeleton={<TableSkeleton rows={2} />}
        empty={{
          content: (
            <Text size="sm" c="dimmed">
              No calls yet. Each time one of its events happens, the call shows here (test calls are not listed).
            </Text>
          ),
        }}
      >
        {(rows) => <DeliveryTable slug={slug} deliveries={rows} tz={tz} showTarget={false} redeliver />}
      </InfiniteQueryView>
    </Stack>
  );
}
