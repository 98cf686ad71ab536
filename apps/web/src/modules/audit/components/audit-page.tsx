import { useState } from 'react';
import { Button, Card, EmptyState, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { PageHeader } from '../../../app/components/page-header.tsx';
import { LoadMore, QueryError, TableSkeleton } from '../../../app/components/query-state.tsx';
import { zonedDayStart } from '../../../app/kit/format.ts';
import { useRequiredSession } from '../../../app/session.tsx';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useAllMembers } from '../../people/hooks/use-members.ts';
import { useAuditEntries, type AuditFilters } from '../hooks/use-audit.ts';
import { ACTION_FILTER_DATA } from './audit-actions.ts';
import { AuditEntries } from './audit-entries.tsx';

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

  const entries = useAuditEntries(ws.slug, filters, !rangeError);
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
              <LoadMore query={entries} />
            </>
          )}
        </Stack>
      </Card>
    </>
  );
}
