import { useState } from 'react';
import { Card, Stack, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { PageHeader } from '../../../app/components/page-header.tsx';
import { EMPTY_DAY_RANGE, EmptyResult, FilterBar, InfiniteQueryView, dayRangeToInstants, type DayRange, type EmptyView } from '../../../app/kit/index.ts';
import { useRequiredSession } from '../../../app/session.tsx';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useAllMembers } from '../../people/index.ts';
import { useAuditEntries, type AuditFilters } from '../hooks/use-audit.ts';
import { ACTION_FILTER_DATA } from './audit-actions.ts';
import { AuditEntries } from './audit-entries.tsx';

const icon = <IconHistory size={28} />;
const NO_MATCHES: EmptyView = { icon, title: 'Nothing matches these filters', description: 'Widen the date range or clear the filters.' };
const NOTHING_YET: EmptyView = {
  icon,
  title: 'Nothing recorded yet',
  description: 'Sign-ins and changes to people, teams, tokens and settings appear here as they happen.',
};

export function AuditPage() {
  const ws = useWorkspace();
  const session = useRequiredSession();
  const tz = session.user.timeZone;
  const members = useAllMembers(ws.slug);
  const [action, setAction] = useState('all');
  const [actor, setActor] = useState<string | null>(null);
  const [range, setRange] = useState<DayRange>(EMPTY_DAY_RANGE);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());

  // The days mean the reader's time zone; null while the range is backwards, which holds the query back.
  const instants = dayRangeToInstants(range, tz);
  const filters: AuditFilters = {
    action: action === 'all' ? undefined : action,
    actorUserId: actor ?? undefined,
    from: instants?.from,
    to: instants?.to,
  };
  const entries = useAuditEntries(ws.slug, filters, instants !== null);
  const filtered = action !== 'all' || !!actor || !!range.from || !!range.to;

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
          <FilterBar
            fields={[
              {
                type: 'select',
                key: 'action',
                label: 'Action',
                data: ACTION_FILTER_DATA,
                value: action,
                emptyValue: 'all',
                onChange: (v) => setAction(v ?? 'all'),
                searchable: true,
                width: 260,
              },
              {
                type: 'select',
                key: 'actor',
                label: 'Person',
                placeholder: 'Anyone',
                data: (members.data ?? []).map((m) => ({ value: m.userId, label: m.name })),
                value: actor,
                onChange: setActor,
                searchable: true,
                nothingFoundMessage: 'Nobody with that name',
              },
              { type: 'dateRange', key: 'when', label: 'Date', value: range, onChange: setRange },
            ]}
          />
          <InfiniteQueryView
            query={entries}
            items={(p) => p.items}
            idle={<EmptyResult {...NO_MATCHES} />}
            empty={filtered ? NO_MATCHES : NOTHING_YET}
          >
            {(rows, data) => {
              const total = data.pages[0]?.total ?? 0;
              return (
                <>
                  <Text size="sm" c="dimmed">
                    Showing {rows.length} of {total} {total === 1 ? 'entry' : 'entries'}
                  </Text>
                  <AuditEntries rows={rows} tz={tz} expanded={expanded} onToggle={toggle} />
                </>
              );
            }}
          </InfiniteQueryView>
        </Stack>
      </Card>
    </>
  );
}
