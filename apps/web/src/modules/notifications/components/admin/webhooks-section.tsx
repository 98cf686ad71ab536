import { useState } from 'react';
import { Badge, Button, Group, Stack, Switch, Text } from '@mantine/core';
import { IconPlus, IconWebhook } from '@tabler/icons-react';
import type { TestResult, WebhookSubscription } from '@tandem/contracts';
import { ConfirmModal } from '../../../../app/components/confirm-modal.tsx';
import { notifyError, notifySuccess } from '../../../../app/components/notify.ts';
import { DataTable, QueryView, TableSkeleton, formatDateTime, formatRelative, type DataTableColumn } from '../../../../app/kit/index.ts';
import { useConfirmAction } from '../../../../app/use-confirm-action.ts';
import { useDeleteWebhook, useTestWebhook, useUpdateWebhook, useWebhooks } from '../../hooks/use-webhooks.ts';
import { DeliveryStatusBadge, TestResultAlert } from './delivery-status.tsx';
import { EventBadges } from './slack-section.tsx';
import { WebhookCreateModal } from './webhook-create-modal.tsx';
import { WebhookLog } from './webhook-log.tsx';

/** Outbound webhooks: other systems told about events, signed, retried, and logged. */
export function WebhooksSection({ slug, tz }: { slug: string; tz: string }) {
  const hooks = useWebhooks(slug);
  const deleteWebhook = useDeleteWebhook(slug);
  const testWebhook = useTestWebhook(slug);
  const updateWebhook = useUpdateWebhook(slug);
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<{ target: string; result: TestResult } | null>(null);
  const remove = useConfirmAction(async (h: WebhookSubscription) => {
    await deleteWebhook.mutateAsync(h.id);
    notifySuccess(`Tandem no longer calls ${h.url}.`, 'Webhook deleted');
  });

  async function run(key: string, action: () => Promise<void>, failure: string) {
    setBusy(key);
    try {
      await action();
    } catch (e) {
      notifyError(e, failure);
    } finally {
      setBusy(null);
    }
  }

  const test = (h: WebhookSubscription) =>
    run(
      `test:${h.id}`,
      async () => {
        setResult(null);
        setResult({ target: h.url, result: await testWebhook.mutateAsync(h.id) });
      },
      'Could not send the test call',
    );

  const setEnabled = (h: WebhookSubscription, enabled: boolean) =>
    run(
      `toggle:${h.id}`,
      async () => {
        await updateWebhook.mutateAsync({ id: h.id, body: { enabled } });
        notifySuccess(enabled ? `Tandem calls ${h.url} again.` : `Tandem stops calling ${h.url}.`, enabled ? 'Webhook turned on' : 'Webhook turned off');
      },
      enabled ? 'Could not turn it on' : 'Could not turn it off',
    );

  const columns: DataTableColumn<WebhookSubscription>[] = [
    {
      key: 'url',
      header: 'URL',
      cellProps: { maw: 300 },
      cell: (h) => (
        <>
          <Text size="sm" fw={500} truncate title={h.url}>
            {h.url}
          </Text>
          {h.description && (
            <Text size="xs" c="dimmed">
              {h.description}
            </Text>
          )}
        </>
      ),
    },
    { key: 'events', header: 'Events', cell: (h) => <EventBadges types={h.eventTypes} /> },
    {
      key: 'on',
      header: 'On',
      cell: (h) => (
        <>
          <Switch
            checked={h.enabled}
            disabled={busy === `toggle:${h.id}`}
            onChange={(e) => void setEnabled(h, e.currentTarget.checked)}
            aria-label={`${h.enabled ? 'Turn off' : 'Turn on'} webhook ${h.url}`}
            label={h.enabled ? 'On' : 'Off'}
          />
          {!h.enabled && h.disabledReason && (
            <Text size="xs" c="red.8" maw={220}>
              {h.disabledReason}
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'last',
      header: 'Last sent',
      cell: (h) =>
        h.lastDelivery ? (
          <Stack gap={2}>
            <Group gap={4} wrap="nowrap">
              <DeliveryStatusBadge status={h.lastDelivery.status} />
              {h.lastDelivery.statusCode !== null && (
                <Text size="xs" c="dimmed">
                  {h.lastDelivery.statusCode}
                </Text>
              )}
            </Group>
            <Text size="xs" c="dimmed" title={formatDateTime(h.lastDelivery.at, tz)}>
              {formatRelative(h.lastDelivery.at)}
            </Text>
          </Stack>
        ) : (
          <Badge variant="light" color="gray" tt="none">
            None yet
          </Badge>
        ),
    },
    {
      key: 'actions',
      header: '',
      label: 'Actions',
      cell: (h) => (
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <Button size="compact-sm" variant="light" loading={busy === `test:${h.id}`} onClick={() => void test(h)}>
            Send test
          </Button>
          <Button size="compact-sm" variant="subtle" onClick={() => setOpen(open === h.id ? null : h.id)} aria-expanded={open === h.id}>
            {open === h.id ? 'Hide log' : 'Delivery log'}
          </Button>
          <Button size="compact-sm" variant="subtle" color="red" onClick={() => remove.ask(h)} aria-label={`Delete webhook ${h.url}`}>
            Delete
          </Button>
        </Group>
      ),
    },
  ];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Text size="sm" c="dimmed" maw={640}>
          Tell another system when something happens: Tandem sends a signed POST with the event to its URL, and tries again
          if it fails. A webhook whose calls keep failing is turned off, and its creator is told.
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
          Add webhook
        </Button>
      </Group>
      {result && <TestResultAlert target={result.target} result={result.result} onClose={() => setResult(null)} />}
      <QueryView
        query={hooks}
        skeleton={<TableSkeleton rows={2} />}
        empty={{
          when: (d) => d.items.length === 0,
          icon: <IconWebhook size={28} />,
          title: 'No webhooks yet',
          description: 'Add one to send events to your data warehouse, CRM or own service.',
        }}
      >
        {(d) => (
          <DataTable
            aria-label="Webhooks"
            rows={d.items}
            rowKey={(h) => h.id}
            columns={columns}
            minWidth={900}
            verticalSpacing="sm"
            // No cards yet: the table scrolls sideways on a phone.
            phone={false}
            renderExpanded={(h) => open === h.id && <WebhookLog slug={slug} hook={h} tz={tz} />}
            expandedCellProps={{ bg: 'var(--mantine-color-gray-0)' }}
          />
        )}
      </QueryView>
      <WebhookCreateModal slug={slug} opened={adding} onClose={() => setAdding(false)} />
      <ConfirmModal title="Delete this webhook?" confirmLabel="Delete" danger {...remove.modal}>
        {`Tandem stops calling ${remove.target?.url ?? 'it'}, and calls waiting to be retried are dropped.`}
      </ConfirmModal>
    </Stack>
  );
}
