import { Link } from 'react-router-dom';
import { Anchor, Badge, Group, Paper, ScrollArea, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { REQUEST_STATUS_LABELS, type RequestStatus, type RequestSummary } from '@tandem/contracts';
import { flattenPages, formatDay, LoadMore, queryPhase, QueryError } from '../../../../app/kit/index.ts';
import { usePhone } from '../../../../app/use-phone.ts';
import { useRequestQueue } from '../../hooks/use-requests.ts';
import { OverrideNote, RequestTypeBadge, SlaBadge } from '../shared/request-bits.tsx';
import { formatScore, requesterNames } from '../shared/request-format.ts';
import { queueQuery, type QueueState } from './queue-params.ts';

export const BOARD_COLUMNS: RequestStatus[] = ['new', 'triaged', 'in_progress', 'delivered'];

/** The queue by status: one column per step of the work, each in queue order. */
export function QueueBoard({ state, slug }: { state: QueueState; slug: string }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
      {BOARD_COLUMNS.map((status) => (
        <BoardColumn key={status} status={status} state={state} slug={slug} />
      ))}
    </SimpleGrid>
  );
}

function BoardColumn({ status, state, slug }: { status: RequestStatus; state: QueueState; slug: string }) {
  const phone = usePhone();
  const query = useRequestQueue(slug, queueQuery(state, [status]), 20);
  const rows = flattenPages(query.data, (p) => p.items);
  const total = query.data?.pages[0]?.total;
  const phase = queryPhase(query);
  const id = `board-${status}`;
  return (
    <Paper withBorder radius="md" p="sm" bg="var(--mantine-color-gray-0)" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h5" id={id}>
            {REQUEST_STATUS_LABELS[status]}
          </Title>
          {total !== undefined && (
            <Badge variant="light" color="gray" size="sm" aria-label={`${total} requests`}>
              {total}
            </Badge>
          )}
        </Group>
        {phase === 'error' ? (
          <QueryError error={query.error} title="Could not load this column" onRetry={() => void query.refetch()} />
        ) : phase === 'pending' || phase === 'idle' ? (
          <Text size="sm" c="dimmed">
            Loading…
          </Text>
        ) : rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing here.
          </Text>
        ) : (
          <ScrollArea.Autosize mah={phone ? undefined : 720} type="auto">
            <Stack gap="xs" role="list" aria-labelledby={id}>
              {rows.map((r) => (
                <BoardCard key={r.id} r={r} slug={slug} />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
        <LoadMore query={query} />
      </Stack>
    </Paper>
  );
}

function BoardCard({ r, slug }: { r: RequestSummary; slug: string }) {
  return (
    <Paper withBorder radius="sm" p="xs" role="listitem">
      <Stack gap={4}>
        <Anchor component={Link} to={`/w/${slug}/requests/${r.id}`} size="sm" fw={600} c="dark.8" style={{ textDecoration: 'underline' }}>
          {r.rank ? `${r.rank}. ` : ''}#{r.number} {r.title}
        </Anchor>
        <Group gap={4} wrap="wrap">
          <RequestTypeBadge type={r.type} size="xs" />
          <SlaBadge state={r.sla.state} size="xs" />
          {r.plan?.belowLine && (
            <Badge variant="light" color="red" size="xs" tt="none">
              Below the line
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          Score {formatScore(r.score.total)} · {requesterNames(r.requesters)}
          {r.neededBy ? ` · by ${formatDay(r.neededBy, 'short')}` : ''}
          {r.assignee ? ` · ${r.assignee.name}` : ''}
        </Text>
        {r.override && <OverrideNote override={r.override} size="xs" />}
      </Stack>
    </Paper>
  );
}
