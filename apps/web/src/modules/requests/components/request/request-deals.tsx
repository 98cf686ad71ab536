import { Link } from 'react-router-dom';
import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import type { RequestDeal, RequestDetail } from '@tandem/contracts';
import { DataTable, formatDay, formatMoney, percent, type DataTableColumn } from '../../../../app/kit/index.ts';

/** The linked deals of every requester: the pipeline behind the request. */
export function RequestDeals({ request: r, slug }: { request: RequestDetail; slug: string }) {
  const columns: DataTableColumn<RequestDeal>[] = [
    {
      key: 'name',
      header: 'Deal',
      cell: (d) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/w/${slug}/deals/${d.dealId}`} size="sm" style={{ textDecoration: 'underline' }}>
            {d.name}
          </Anchor>
          {d.accountName && (
            <Text size="xs" c="dimmed">
              {d.accountName}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'stage',
      header: 'Stage',
      cell: (d) => `${d.stage} · ${percent(d.probability > 1 ? d.probability / 100 : d.probability)}${d.isOpen ? '' : ' (closed)'}`,
    },
    {
      key: 'amount',
      header: 'Amount',
      align: 'right',
      cell: (d) => (d.amount === null ? '—' : formatMoney(String(d.amount), d.currency, { rounded: true })),
    },
    { key: 'closeDate', header: 'Close date', cell: (d) => (d.closeDate ? formatDay(d.closeDate) : '—') },
    { key: 'addedBy', header: 'Linked by', cell: (d) => d.addedBy?.name ?? '—' },
  ];
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="deals-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="deals-title">
          Deals
        </Title>
        <Text size="sm" c="dimmed">
          Pipeline at stake: {formatMoney(String(Math.round(r.pipelineAtStake)), r.currency, { rounded: true })} (amount × stage probability over the
          open deals below, in {r.currency}).
        </Text>
        {r.deals.length === 0 ? (
          <Text size="sm" c="dimmed">
            No deal is linked. Requesters can link theirs with “Edit”; a +1 brings its deals along.
          </Text>
        ) : (
          <DataTable aria-label="Linked deals" rows={r.deals} rowKey={(d) => d.dealId} columns={columns} minWidth={520} />
        )}
      </Stack>
    </Card>
  );
}
