import { Link } from 'react-router-dom';
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { REQUEST_TYPE_LABELS } from '@tandem/contracts';
import type { RequestSummary } from '@tandem/contracts';
import { DataTable, formatDay, type DataTableColumn } from '../../../../app/kit/index.ts';
import type { RequestSort } from '../../hooks/use-requests.ts';
import { OverrideNote, RequestStatusBadge, RequestTypeBadge, SlaBadge } from '../shared/request-bits.tsx';
import { formatScore, requesterNames } from '../shared/request-format.ts';

interface QueueTableProps {
  rows: RequestSummary[];
  slug: string;
  sort: RequestSort;
  onSort: (sort: RequestSort) => void;
}

const NOWRAP = { style: { whiteSpace: 'nowrap' as const } };

/**
 * The table shows directions the way people read them (score: highest first; needed by: soonest first), while the API
 * takes each sort in its one direction without a sign.
 */
export function tableSort(sort: RequestSort): string {
  return sort === 'needed_by' ? sort : `-${sort}`;
}

function Rank({ r }: { r: RequestSummary }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="sm" fw={600}>
        {r.rank ?? '—'}
      </Text>
      {r.override && <OverrideNote override={r.override} compact />}
    </Group>
  );
}

function TitleCell({ r, slug }: { r: RequestSummary; slug: string }) {
  return (
    <Stack gap={2}>
      <Anchor component={Link} to={`/w/${slug}/requests/${r.id}`} size="sm" fw={600} c="dark.8" style={{ textDecoration: 'underline' }}>
        #{r.number} {r.title}
      </Anchor>
      {r.plan?.belowLine && (
        <Badge variant="light" color="red" size="sm" tt="none" w="fit-content">
          Below the line: late at today’s order
        </Badge>
      )}
      {r.override && <OverrideNote override={r.override} size="xs" />}
    </Stack>
  );
}

/** The queue as a table: rank first (the queue order), sortable by score, needed-by date and age; cards on a phone. */
export function QueueTable({ rows, slug, sort, onSort }: QueueTableProps) {
  const columns: DataTableColumn<RequestSummary>[] = [
    { key: 'rank', header: 'Rank', cell: (r) => <Rank r={r} />, cellProps: { w: 72 } },
    { key: 'title', header: 'Request', primary: true, cell: (r) => <TitleCell r={r} slug={slug} />, cellProps: { miw: 240, maw: 380 } },
    { key: 'type', header: 'Type', cell: (r) => <Text size="sm">{REQUEST_TYPE_LABELS[r.type]}</Text>, cellProps: { maw: 160 } },
    { key: 'requesters', header: 'Requesters', cell: (r) => <Text size="sm">{requesterNames(r.requesters)}</Text>, cellProps: { maw: 200 } },
    { key: 'neededBy', header: 'Needed by', sort: { key: 'needed_by', fixed: true }, cell: (r) => (r.neededBy ? formatDay(r.neededBy) : '—'), cellProps: NOWRAP },
    { key: 'sla', header: 'SLA', cell: (r) => <SlaBadge state={r.sla.state} />, cellProps: { ...NOWRAP, miw: 96 } },
    { key: 'score', header: 'Score', align: 'right', sort: { key: 'score', first: 'desc', fixed: true }, label: 'Score (queue order)', cell: (r) => formatScore(r.score.total) },
    { key: 'status', header: 'Status', cell: (r) => <RequestStatusBadge status={r.status} />, cellProps: { ...NOWRAP, miw: 116 } },
  ];
  return (
    <DataTable
      aria-label="Requests"
      rows={rows}
      rowKey={(r) => r.id}
      columns={columns}
      minWidth={960}
      sort={tableSort(sort)}
      onSort={(s) => onSort(s.replace(/^-/, '') as RequestSort)}
      rowHref={(r) => `/w/${slug}/requests/${r.id}`}
      renderCard={(r) => <QueueCard r={r} slug={slug} />}
    />
  );
}

function QueueCard({ r, slug }: { r: RequestSummary; slug: string }) {
  return (
    <Stack gap={6}>
      <Group gap={6} wrap="nowrap" align="flex-start">
        {r.rank !== null && (
          <Text size="sm" fw={700} style={{ flex: 'none' }}>
            {r.rank}.
          </Text>
        )}
        <TitleCell r={r} slug={slug} />
      </Group>
      <Group gap={6} wrap="wrap">
        <RequestStatusBadge status={r.status} />
        <RequestTypeBadge type={r.type} />
        <SlaBadge state={r.sla.state} />
      </Group>
      <Text size="xs" c="dimmed">
        Score {formatScore(r.score.total)} · {requesterNames(r.requesters)}
        {r.neededBy ? ` · needed by ${formatDay(r.neededBy)}` : ''}
      </Text>
    </Stack>
  );
}
