import { Link } from 'react-router-dom';
import { Anchor, Button, Stack, Text } from '@mantine/core';
import { IconCalendarEvent, IconPlus } from '@tabler/icons-react';
import { MEETING_CADENCE_LABELS, type MeetingSeriesSummary } from '@tandem/contracts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { DataTable, QueryView, type DataTableColumn } from '../../../../app/kit/index.ts';
import { useRequiredSession } from '../../../../app/session.tsx';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useMeetingSeriesList } from '../../hooks/use-meetings.ts';
import { meetingTimeWords } from '../shared/when.ts';
import { MeetingsRecord } from './meetings-record.tsx';

/** Every sync series of the workspace with its next occurrence. */
export function MeetingsPage() {
  const ws = useWorkspace();
  const tz = useRequiredSession().user.timeZone;
  const list = useMeetingSeriesList(ws.slug);
  const columns: DataTableColumn<MeetingSeriesSummary>[] = [
    {
      key: 'title',
      header: 'Series',
      primary: true,
      cell: (s) => (
        <Anchor component={Link} to={`/w/${ws.slug}/meetings/${s.id}`} size="sm" fw={600} c="dark.8" style={{ textDecoration: 'underline' }}>
          {s.title}
        </Anchor>
      ),
      cellProps: { miw: 200 },
    },
    { key: 'cadence', header: 'Cadence', cell: (s) => <Text size="sm">{`${MEETING_CADENCE_LABELS[s.cadence]}, ${s.durationMinutes} min`}</Text> },
    {
      key: 'next',
      header: 'Next',
      cell: (s) =>
        s.next ? (
          <Anchor component={Link} to={`/w/${ws.slug}/meetings/${s.id}/${s.next.seq}`} size="sm" style={{ textDecoration: 'underline' }}>
            {meetingTimeWords(s.next.startsAt, s.timeZone, tz)}
          </Anchor>
        ) : (
          <Text size="sm">—</Text>
        ),
    },
    { key: 'owner', header: 'Owner', cell: (s) => <Text size="sm">{s.owner.name}</Text> },
    { key: 'attendees', header: 'Attendees', cell: (s) => <Text size="sm">{s.attendeeCount}</Text> },
  ];
  return (
    <>
      <PageHeader
        title="Sync meetings"
        description="The regular product marketing and sales syncs. Each coming agenda is written from live data: new and rising themes, requests past their SLA or below the capacity line, decisions open for input, goals at risk and open action items."
        actions={
          ws.can('meetings.write') && (
            <Button component={Link} to={`/w/${ws.slug}/meetings/new`} leftSection={<IconPlus size={16} />}>
              New series
            </Button>
          )
        }
      />
      <QueryView
        query={list}
        error="Could not load the meetings"
        empty={{
          when: (d) => d.items.length === 0,
          icon: <IconCalendarEvent size={28} />,
          title: 'No sync meetings yet',
          description: 'Start a series to run the product marketing and sales sync on an agenda written from live data.',
        }}
      >
        {(d) => (
          <Stack gap="sm">
            <DataTable rows={d.items} rowKey={(s) => s.id} columns={columns} aria-label="Meeting series" rowHref={(s) => `/w/${ws.slug}/meetings/${s.id}`} />
            <MeetingsRecord />
          </Stack>
        )}
      </QueryView>
    </>
  );
}
