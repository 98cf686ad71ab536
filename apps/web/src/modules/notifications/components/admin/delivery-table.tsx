import { useState } from 'react';
import { ActionIcon, Button, Code, Group, Loader, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import type { Delivery } from '@tandem/contracts';
import { notifyError, notifySuccess } from '../../../../app/components/notify.ts';
import { DataTable, QueryView, formatDateTime, formatRelative, type DataTableColumn } from '../../../../app/kit/index.ts';
import { useDeliveryAction, useDeliveryDetail } from '../../hooks/use-deliveries.ts';
import { DeliveryStatusBadge } from './delivery-status.tsx';
import { eventLabel } from './event-options.ts';

const CHANNEL_LABELS: Record<Delivery['channel'], string> = { email: 'Email', digest: 'Digest email', slack: 'Slack', webhook: 'Webhook' };

interface DeliveryTableProps {
  slug: string;
  deliveries: Delivery[];
  tz: string;
  /** Inside one subscription's log the channel and target columns say nothing new. */
  showTarget?: boolean;
  /** A webhook's log offers to send a delivered call again; the workspace-wide list only retries failures. */
  redeliver?: boolean;
}

/** Deliveries with Retry / Discard; a row opens to show every attempt. */
export function DeliveryTable({ slug, deliveries, tz, showTarget = true, redeliver = false }: DeliveryTableProps) {
  const retryLabel = redeliver ? 'Redeliver' : 'Retry';
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const deliveryAction = useDeliveryAction(slug);

  async function act(d: Delivery, action: 'retry' | 'discard') {
    setBusy(`${action}:${d.id}`);
    try {
      await deliveryAction.mutateAsync({ id: d.id, action });
      notifySuccess(action === 'retry' ? 'Queued to be sent again.' : 'It will not be sent.', action === 'retry' ? 'Sending again' : 'Discarded');
    } catch (e) {
      notifyError(e, action === 'retry' ? 'Could not send it again' : 'Could not discard it');
    } finally {
      setBusy(null);
    }
  }

  const columns: DataTableColumn<Delivery>[] = [
    {
      key: 'open',
      header: '',
      label: 'Attempts',
      headerProps: { w: 32 },
      cell: (d) => {
        const expanded = open === d.id;
        return (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            onClick={() => setOpen(expanded ? null : d.id)}
            aria-label={expanded ? 'Hide attempts' : 'Show attempts'}
            aria-expanded={expanded}
          >
            {expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
          </ActionIcon>
        );
      },
    },
    {
      key: 'status',
      header: 'Status',
      cell: (d) => (
        <Group gap={4} wrap="nowrap">
          <DeliveryStatusBadge status={d.status} />
          {d.lastStatusCode !== null && (
            <Text size="xs" c="dimmed">
              {d.lastStatusCode}
            </Text>
          )}
        </Group>
      ),
    },
    ...(showTarget
      ? [
          { key: 'channel', header: 'Channel', cell: (d: Delivery) => <Text size="sm">{CHANNEL_LABELS[d.channel]}</Text> },
          {
            key: 'target',
            header: 'Sent to',
            cellProps: { maw: 200 },
            cell: (d: Delivery) => (
              <Text size="sm" truncate title={d.target}>
                {d.target}
              </Text>
            ),
          },
        ]
      : []),
    { key: 'event', header: 'Event', cell: (d) => <Text size="sm">{eventLabel(d.eventType)}</Text> },
    { key: 'tries', header: 'Tries', cell: (d) => <Text size="sm">{d.attempts}</Text> },
    {
      key: 'when',
      header: 'When',
      cell: (d) => (
        <>
          <Text size="sm" title={formatDateTime(d.createdAt, tz)}>
            {formatRelative(d.deliveredAt ?? d.createdAt)}
          </Text>
          {d.nextAttemptAt && (d.status === 'pending' || d.status === 'failed') && (
            <Text size="xs" c="dimmed">
              next try {formatRelative(d.nextAttemptAt)}
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'error',
      header: 'Last error',
      cellProps: { maw: 240 },
      cell: (d) => (
        <Text size="xs" c={d.lastError ? 'red.8' : 'dimmed'} lineClamp={2} title={d.lastError ?? undefined}>
          {d.lastError ?? '—'}
        </Text>
      ),
    },
    {
      key: 'actions',
      header: '',
      label: 'Actions',
      cell: (d) => {
        const canRetry = d.status === 'failed' || d.status === 'dead' || d.status === 'discarded' || (redeliver && d.status === 'delivered');
        const canDiscard = d.status === 'pending' || d.status === 'failed' || d.status === 'dead';
        return (
          <Group gap={4} wrap="nowrap" justify="flex-end">
            {canRetry && (
              <Button size="compact-xs" variant="light" loading={busy === `retry:${d.id}`} onClick={() => void act(d, 'retry')}>
                {retryLabel}
              </Button>
            )}
            {canDiscard && (
              <Button size="compact-xs" variant="subtle" color="gray" loading={busy === `discard:${d.id}`} onClick={() => void act(d, 'discard')}>
                Discard
              </Button>
            )}
          </Group>
        );
      },
    },
  ];

  return (
    <DataTable
      aria-label="Deliveries"
      rows={deliveries}
      rowKey={(d) => d.id}
      columns={columns}
      minWidth={showTarget ? 960 : 760}
      // No cards yet: the table scrolls sideways on a phone.
      phone={false}
      renderExpanded={(d) => open === d.id && <AttemptLog slug={slug} id={d.id} tz={tz} />}
      expandedCellProps={{ bg: 'var(--mantine-color-gray-0)' }}
    />
  );
}

/** Each try of one delivery: a small borderless table inside its opened row. */
function AttemptLog({ slug, id, tz }: { slug: string; id: string; tz: string }) {
  const detail = useDeliveryDetail(slug, id);
  return (
    <QueryView
      query={detail}
      skeleton={<Loader size="xs" />}
      empty={{
        when: (d) => d.attemptLog.length === 0,
        content: (
          <Text size="sm" c="dimmed">
            Not tried yet.
          </Text>
        ),
      }}
    >
      {(d) => (
        <Table verticalSpacing={4} withRowBorders={false} aria-label="Attempts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Try</Table.Th>
              <Table.Th>At</Table.Th>
              <Table.Th>Answer</Table.Th>
              <Table.Th>Took</Table.Th>
              <Table.Th>Error</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.attemptLog.map((a) => (
              <Table.Tr key={a.attempt}>
                <Table.Td>{a.attempt}</Table.Td>
                <Table.Td>{formatDateTime(a.at, tz)}</Table.Td>
                <Table.Td>{a.statusCode === null ? 'No answer' : <Code>HTTP {a.statusCode}</Code>}</Table.Td>
                <Table.Td>{a.durationMs === null ? '—' : `${a.durationMs} ms`}</Table.Td>
                <Table.Td>
                  <Text size="xs" c={a.error ? 'red.8' : 'dimmed'}>
                    {a.error ?? 'OK'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </QueryView>
  );
}
