import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Badge, Box, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { REQUEST_STATUS_LABELS, type CapacityView, type RequestStatus } from '@tandem/contracts';
import { formatDay } from '../../../../app/kit/index.ts';
import { usePhone } from '../../../../app/use-phone.ts';
import { hours } from './capacity-text.ts';

type Row = CapacityView['rows'][number];

interface Props {
  rows: Row[];
  lineIndex: number | null;
  slug: string;
  /** The reader: their own requests carry a "Yours" badge. */
  userId: string;
}

const LINE_TEXT = 'The line: requests from here on will not be done by their needed-by date at today’s order';

/**
 * The planned queue in order, with THE LINE drawn between the last request that fits and the first that will not be
 * done by its date. A table on a desktop, cards on a phone; the line is a row (or a card) of its own with words, not
 * only a colour.
 */
export function CapacityQueue({ rows, lineIndex, slug, userId }: Props) {
  const phone = usePhone();
  const mine = (r: Row) => r.requesters.some((p) => p.userId === userId);
  return phone ? (
    <Stack gap="xs" role="list" aria-label="Planned requests in queue order">
      {rows.map((r, i) => (
        <Fragment key={r.requestId}>
          {i === lineIndex && <LineMark phone />}
          <Paper withBorder p="sm" radius="md" role="listitem" style={r.belowLine ? { borderLeft: '4px solid var(--mantine-color-red-7)' } : undefined}>
            <Stack gap={4}>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <Text size="sm" fw={700} miw={28}>
                  {r.rank}.
                </Text>
                <RequestLink row={r} slug={slug} />
              </Group>
              <Group gap={6}>
                {mine(r) && <YoursBadge />}
                <FitBadge row={r} />
              </Group>
              <Text size="xs" c="dimmed">
                {r.assignee ? r.assignee.name : 'Nobody assigned'} · {hours(r.remainingHours)} h left · needed by {r.neededBy ? formatDay(r.neededBy) : 'no date'} · expected done{' '}
                {r.expectedDoneOn ? formatDay(r.expectedDoneOn) : 'not planned'}
              </Text>
              <Text size="sm">{r.reason}</Text>
            </Stack>
          </Paper>
        </Fragment>
      ))}
    </Stack>
  ) : (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" aria-label="Planned requests in queue order">
        <Table.Thead>
          <Table.Tr>
            <Table.Th ta="right">Rank</Table.Th>
            <Table.Th>Request</Table.Th>
            <Table.Th>Assignee</Table.Th>
            <Table.Th ta="right">Remaining</Table.Th>
            <Table.Th>Needed by</Table.Th>
            <Table.Th>Expected done</Table.Th>
            <Table.Th>Why</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Fragment key={r.requestId}>
              {i === lineIndex && (
                <Table.Tr>
                  <Table.Td colSpan={7} p={0}>
                    <LineMark />
                  </Table.Td>
                </Table.Tr>
              )}
              <Table.Tr bg={r.belowLine ? 'var(--mantine-color-red-0)' : undefined}>
                <Table.Td ta="right" fw={700}>
                  {r.rank}
                </Table.Td>
                <Table.Td maw={320}>
                  <Stack gap={2}>
                    <RequestLink row={r} slug={slug} />
                    <Group gap={4}>
                      <Badge size="xs" variant="light" color="gray" tt="none">
                        {REQUEST_STATUS_LABELS[r.status as RequestStatus] ?? r.status}
                      </Badge>
                      {mine(r) && <YoursBadge />}
                    </Group>
                  </Stack>
                </Table.Td>
                <Table.Td>{r.assignee ? r.assignee.name : <Text size="sm" c="dimmed">Nobody yet</Text>}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {hours(r.remainingHours)} h
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.neededBy ? formatDay(r.neededBy) : <Text size="sm" c="dimmed">No date</Text>}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Stack gap={2}>
                    <span>{r.expectedDoneOn ? formatDay(r.expectedDoneOn) : 'Not planned'}</span>
                    <FitBadge row={r} />
                  </Stack>
                </Table.Td>
                <Table.Td maw={320}>
                  <Text size="sm">{r.reason}</Text>
                </Table.Td>
              </Table.Tr>
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RequestLink({ row, slug }: { row: Row; slug: string }) {
  return (
    <Anchor component={Link} to={`/w/${slug}/requests/${row.requestId}`} size="sm" fw={500} underline="always">
      #{row.number} {row.title}
    </Anchor>
  );
}

function YoursBadge() {
  return (
    <Badge size="xs" variant="light" color="blue" tt="none">
      Yours
    </Badge>
  );
}

function FitBadge({ row }: { row: Row }): ReactNode {
  if (row.belowLine) {
    return (
      <Badge size="xs" variant="light" color="red" tt="none">
        Late for its date
      </Badge>
    );
  }
  return (
    <Badge size="xs" variant="light" color="teal" tt="none">
      {row.neededBy ? 'On time' : 'No date to miss'}
    </Badge>
  );
}

/** The line itself: a red rule with its meaning written on it. */
function LineMark({ phone = false }: { phone?: boolean }) {
  return (
    <Box
      role={phone ? 'listitem' : undefined}
      data-testid="capacity-line"
      py={6}
      px="sm"
      style={{ borderTop: '3px solid var(--mantine-color-red-7)', background: 'var(--mantine-color-red-0)' }}
    >
      <Text size="sm" fw={700} c="red.9">
        {LINE_TEXT}
      </Text>
    </Box>
  );
}
