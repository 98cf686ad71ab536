import { Fragment, useState } from 'react';
import { ActionIcon, Button, Code, Group, Loader, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import type { Delivery } from '@tandem/contracts';
import { notifyError, notifySuccess } from '../../../app/components/notify.ts';
import { QueryError } from '../../../app/components/query-state.tsx';
import { formatDateTime, formatRelative } from '../../../app/kit/format.ts';
import { notifyAdminApi } from '../api/notifications.api.ts';
import { useDeliveryDetail, useRefreshAdmin } from '../hooks/use-notify-admin.ts';
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
  const refresh = useRefreshAdmin(slug);
  const columns = showTarget ? 9 : 7;

  async function act(d: Delivery, action: 'retry' | 'discard') {
    setBusy(`${action}:${d.id}`);
    try {
      await (action === 'retry' ? notifyAdminApi.retry(slug, d.id) : notifyAdminApi.discard(slug, d.id));
      notifySuccess(action === 'retry' ? 'Queued to be sent again.' : 'It will not be sent.', action === 'retry' ? 'Sending again' : 'Discarded');
      await refresh();
    } catch (e) {
      notifyError(e, action === 'retry' ? 'Could not send it again' : 'Could not discard it');
    } finally {
      setBusy(null);
    }
  }

  return (
    <Table.ScrollContainer minWidth={showTarget ? 960 : 760}>
      <Table verticalSpacing="xs" aria-label="Deliveries">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={32} />
            <Table.Th>Status</Table.Th>
            {showTarget && <Table.Th>Channel</Table.Th>}
            {showTarget && <Table.Th>Sent to</Table.Th>}
            <Table.Th>Event</Table.Th>
            <Table.Th>Tries</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th>Last error</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deliveries.map((d) => {
            const expanded = open === d.id;
            const canRetry = d.status === 'failed' || d.status === 'dead' || d.status === 'discarded' || (redeliver && d.status === 'delivered');
            const canDiscard = d.status === 'pending' || d.status === 'failed' || d.status === 'dead';
            return (
              <Fragment key={d.id}>
                <Table.Tr>
                  <Table.Td>
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
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <DeliveryStatusBadge status={d.status} />
                      {d.lastStatusCode !== null && (
                        <Text size="xs" c="dimmed">
                          {d.lastStatusCode}
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                  {showTarget && (
                    <Table.Td>
                      <Text size="sm">{CHANNEL_LABELS[d.channel]}</Text>
                    </Table.Td>
                  )}
                  {showTarget && (
                    <Table.Td maw={200}>
                      <Text size="sm" truncate title={d.target}>
                        {d.target}
                      </Text>
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Text size="sm">{eventLabel(d.eventType)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{d.attempts}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" title={formatDateTime(d.createdAt, tz)}>
                      {formatRelative(d.deliveredAt ?? d.createdAt)}
                    </Text>
                    {d.nextAttemptAt && (d.status === 'pending' || d.status === 'failed') && (
                      <Text size="xs" c="dimmed">
                        next try {formatRelative(d.nextAttemptAt)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td maw={240}>
                    <Text size="xs" c={d.lastError ? 'red.8' : 'dimmed'} lineClamp={2} title={d.lastError ?? undefined}>
                      {d.lastError ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      {canRetry && (
                        <Button size="compact-xs" variant="light" loading={busy === `retry:${d.id}`} onClick={() => void act(d, 'retry')}>
                          {retryLabel}
                        </Button>
                      )}
                      {canDiscard && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="gray"
                          loading={busy === `discard:${d.id}`}
                          onClick={() => void act(d, 'discard')}
                        >
                          Discard
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr>
                    <Table.Td colSpan={columns} bg="var(--mantine-color-gray-0)">
                      <AttemptLog slug={slug} id={d.id} tz={tz} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AttemptLog({ slug, id, tz }: { slug: string; id: string; tz: string }) {
  const detail = useDeliveryDetail(slug, id);
  if (detail.isPending) return <Loader size="xs" />;
  if (detail.isError) return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  if (detail.data.attemptLog.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Not tried yet.
      </Text>
    );
  }
  return (
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
        {detail.data.attemptLog.map((a) => (
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
  );
}
