import { Fragment, useState } from 'react';
import { ActionIcon, Badge, Button, Card, Code, EmptyState, Group, Paper, Select, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconHistory } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditEntry } from '@tandem/contracts';
import { PageHeader } from '../../../app/components/page-header.tsx';
import { QueryError, TableSkeleton } from '../../../app/components/query-state.tsx';
import { formatDateTime, zonedDayStart } from '../../../app/format.ts';
import { useRequiredSession } from '../../../app/session.tsx';
import { usePhone } from '../../../app/use-phone.ts';
import { useWorkspace, wsKey } from '../../../app/workspace-context.tsx';
import { useAllMembers } from '../../people/hooks/use-members.ts';
import { auditApi, type AuditFilters } from '../api/audit.api.ts';
import { ACTION_FILTER_DATA, actionLabel } from './audit-actions.ts';

const VIA_LABELS: Record<AuditEntry['actor']['via'], string | null> = {
  session: null,
  token: 'API token',
  cli: 'CLI',
  system: 'System',
};

export function AuditPage() {
  const ws = useWorkspace();
  const session = useRequiredSession();
  const tz = session.user.timeZone;
  const members = useAllMembers(ws.slug);
  const [action, setAction] = useState('all');
  const [actor, setActor] = useState<string | null>(null);
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const [expanded, setExpanded] = useState<Set<string>>(new Set());

  const rangeError = fromDay && toDay && fromDay > toDay ? '“To” must be on or after “From”' : undefined;
  const filters: AuditFilters = {
    action: action === 'all' ? undefined : action,
    actorUserId: actor ?? undefined,
    from: fromDay ? zonedDayStart(fromDay, tz) : undefined,
    to: toDay ? zonedDayStart(toDay, tz, true) : undefined,
  };

  const entries = useInfiniteQuery({
    queryKey: [...wsKey(ws.slug, 'audit'), filters],
    queryFn: ({ pageParam }) => auditApi.list(ws.slug, { ...filters, cursor: pageParam ?? undefined, limit: 50 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: !rangeError,
    placeholderData: (prev) => prev,
  });
  const rows = entries.data?.pages.flatMap((p) => p.items) ?? [];
  const total = entries.data?.pages[0]?.total ?? 0;
  const filtered = action !== 'all' || actor || fromDay || toDay;

  function toggle(id: string) {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  return (
    <>
      <PageHeader
        title="Audit log"
        description={`Who did what in ${ws.membership.name}: sign-ins, people, teams, tokens and settings. Times are in your time zone (${tz}).`}
      />
      <Card withBorder radius="md" p="md">
        <Stack gap="md">
          <Group gap="sm" align="flex-start" wrap="wrap">
            <Select<string>
              label="Action"
              data={ACTION_FILTER_DATA}
              value={action}
              onChange={(v) => setAction(v ?? 'all')}
              allowDeselect={false}
              searchable
              w={{ base: '100%', sm: 260 }}
            />
            <Select
              label="Person"
              placeholder="Anyone"
              data={(members.data ?? []).map((m) => ({ value: m.userId, label: m.name }))}
              value={actor}
              onChange={setActor}
              searchable
              clearable
              nothingFoundMessage="Nobody with that name"
              w={{ base: '100%', sm: 220 }}
            />
            <TextInput
              label="From"
              type="date"
              value={fromDay}
              onChange={(e) => setFromDay(e.currentTarget.value)}
              w={{ base: 'calc(50% - 6px)', sm: 160 }}
            />
            <TextInput
              label="To"
              type="date"
              value={toDay}
              onChange={(e) => setToDay(e.currentTarget.value)}
              error={rangeError}
              w={{ base: 'calc(50% - 6px)', sm: 160 }}
            />
            {filtered && (
              <Button
                variant="subtle"
                mt={25}
                onClick={() => {
                  setAction('all');
                  setActor(null);
                  setFromDay('');
                  setToDay('');
                }}
              >
                Clear filters
              </Button>
            )}
          </Group>

          {entries.isPending && !rangeError ? (
            <TableSkeleton />
          ) : entries.isError ? (
            <QueryError error={entries.error} onRetry={() => void entries.refetch()} />
          ) : rows.length === 0 ? (
            <EmptyState
              icon={<IconHistory size={28} />}
              title={filtered ? 'Nothing matches these filters' : 'Nothing recorded yet'}
              description={
                filtered
                  ? 'Widen the date range or clear the filters.'
                  : 'Sign-ins and changes to people, teams, tokens and settings appear here as they happen.'
              }
            />
          ) : (
            <>
              <Text size="sm" c="dimmed">
                Showing {rows.length} of {total} {total === 1 ? 'entry' : 'entries'}
              </Text>
              <AuditEntries rows={rows} tz={tz} expanded={expanded} onToggle={toggle} />
              {entries.hasNextPage && (
                <Group justify="center">
                  <Button variant="default" onClick={() => void entries.fetchNextPage()} loading={entries.isFetchingNextPage}>
                    Load more
                  </Button>
                </Group>
              )}
            </>
          )}
        </Stack>
      </Card>
    </>
  );
}

interface AuditEntriesProps {
  rows: AuditEntry[];
  tz: string;
  expanded: Set<string>;
  onToggle: (id: string) => void;
}

function AuditEntries({ rows, tz, expanded, onToggle }: AuditEntriesProps) {
  const phone = usePhone();
  if (phone) {
    return (
      <Stack gap="xs">
        {rows.map((e) => (
          <AuditCard key={e.id} entry={e} tz={tz} open={expanded.has(e.id)} onToggle={() => onToggle(e.id)} />
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="xs" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <VisuallyHidden>Details</VisuallyHidden>
            </Table.Th>
            <Table.Th>Time</Table.Th>
            <Table.Th>Person</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Target</Table.Th>
            <Table.Th>IP address</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((e) => (
            <AuditRow key={e.id} entry={e} tz={tz} open={expanded.has(e.id)} onToggle={() => onToggle(e.id)} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function actorName(entry: AuditEntry): string {
  return entry.actor.name ?? (entry.actor.via === 'system' ? 'Tandem' : 'Unknown');
}

function targetText(entry: AuditEntry): string | null {
  return entry.targetLabel ?? (entry.targetType ? `${entry.targetType} ${entry.targetId ?? ''}`.trim() : null);
}

function AuditCard({ entry, tz, open, onToggle }: { entry: AuditEntry; tz: string; open: boolean; onToggle: () => void }) {
  const via = VIA_LABELS[entry.actor.via];
  const target = targetText(entry);
  const hasDetails = Object.keys(entry.details).length > 0;
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap={2}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm" fw={600}>
            {actionLabel(entry.action)}
          </Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {formatDateTime(entry.createdAt, tz)}
          </Text>
        </Group>
        <Text size="sm">
          {actorName(entry)}
          {via ? ` (${via})` : ''}
          {target ? ` → ${target}` : ''}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace">
          {entry.action}
          {entry.ip ? ` · ${entry.ip}` : ''}
        </Text>
        {hasDetails && (
          <Button variant="subtle" size="compact-xs" w="fit-content" px={0} onClick={onToggle} aria-expanded={open}>
            {open ? 'Hide details' : 'Show details'}
          </Button>
        )}
        {open && hasDetails && <Code block>{JSON.stringify(entry.details, null, 2)}</Code>}
      </Stack>
    </Paper>
  );
}

function AuditRow({ entry, tz, open, onToggle }: { entry: AuditEntry; tz: string; open: boolean; onToggle: () => void }) {
  const via = VIA_LABELS[entry.actor.via];
  const hasDetails = Object.keys(entry.details).length > 0;
  const target = targetText(entry);
  return (
    <Fragment>
      <Table.Tr>
        <Table.Td>
          {hasDetails && (
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              onClick={onToggle}
              aria-expanded={open}
              aria-label={open ? 'Hide details' : 'Show details'}
            >
              {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
            </ActionIcon>
          )}
        </Table.Td>
        <Table.Td>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {formatDateTime(entry.createdAt, tz)}
          </Text>
        </Table.Td>
        <Table.Td>
          <Group gap={6} wrap="nowrap">
            <Text size="sm">{actorName(entry)}</Text>
            {via && (
              <Badge size="xs" variant="light" color="gray" tt="none">
                {via}
              </Badge>
            )}
          </Group>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{actionLabel(entry.action)}</Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {entry.action}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{target ?? '—'}</Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm" ff="monospace">
            {entry.ip ?? '—'}
          </Text>
        </Table.Td>
      </Table.Tr>
      {open && hasDetails && (
        <Table.Tr>
          <Table.Td />
          <Table.Td colSpan={5}>
            <Code block>{JSON.stringify(entry.details, null, 2)}</Code>
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}
