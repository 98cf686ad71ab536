import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { Alert, Anchor, Breadcrumbs, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconSearchOff } from '@tabler/icons-react';
import { MEETING_CADENCE_LABELS, ROLE_LABELS, type MeetingSeriesDetail } from '@tandem/contracts';
import { isApiError } from '../../../../app/api-error.ts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { PageSkeleton } from '../../../../app/components/page-skeleton.tsx';
import { EmptyResult, formatDay, QueryView } from '../../../../app/kit/index.ts';
import { useRequiredSession } from '../../../../app/session.tsx';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { isSeriesId, useMeetingSeries } from '../../hooks/use-meetings.ts';
import { OccurrenceStateBadge } from '../shared/meeting-bits.tsx';
import { meetingTimeWords } from '../shared/when.ts';

export function SeriesNotFound() {
  const ws = useWorkspace();
  return (
    <>
      <PageHeader title="Meeting not found" />
      <EmptyResult
        icon={<IconSearchOff size={28} />}
        title="There is no such meeting in this workspace"
        description="It may belong to another workspace, or the link is incomplete."
        action={
          <Button component={Link} to={`/w/${ws.slug}/meetings`}>
            Back to the meetings
          </Button>
        }
      />
    </>
  );
}

/** A series: its rule, who attends, the last six occurrences (minutes) and the next four (agendas). */
export function MeetingSeriesPage() {
  const ws = useWorkspace();
  const { seriesId } = useParams();
  const series = useMeetingSeries(ws.slug, seriesId);
  if (!isSeriesId(seriesId) || (series.isError && isApiError(series.error) && series.error.status === 404)) return <SeriesNotFound />;
  return (
    <QueryView query={series} skeleton={<PageSkeleton />} renderError={(box) => <>{box}</>}>
      {(s) => <SeriesView series={s} />}
    </QueryView>
  );
}

function SeriesView({ series: s }: { series: MeetingSeriesDetail }) {
  const ws = useWorkspace();
  const tz = useRequiredSession().user.timeZone;
  const [told, setTold] = useState<string | null>((useLocation().state as { told?: string } | null)?.told ?? null);
  const past = s.occurrences.filter((o) => o.past).reverse();
  const coming = s.occurrences.filter((o) => !o.past);
  const teams = (['marketing', 'sales', 'admin'] as const).map((t) => ({ team: t, people: s.attendees.filter((a) => a.team === t) })).filter((t) => t.people.length);
  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to={`/w/${ws.slug}/meetings`} size="sm">
          Sync meetings
        </Anchor>
        <Text size="sm" c="dimmed" lineClamp={1}>
          {s.title}
        </Text>
      </Breadcrumbs>
      <PageHeader
        title={s.title}
        description={`${MEETING_CADENCE_LABELS[s.cadence]} at ${s.startTime} ${s.timeZone}, ${s.durationMinutes} minutes, since ${formatDay(s.startsOn)}. Owner: ${s.owner.name}.`}
        actions={
          s.next && (
            <Button component={Link} to={`/w/${ws.slug}/meetings/${s.id}/${s.next.seq}`}>
              Next agenda
            </Button>
          )
        }
      />
      {told && (
        <Alert color="teal" mb="md" withCloseButton closeButtonLabel="Dismiss" onClose={() => setTold(null)} role="status">
          {told}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            Coming
          </Title>
          <Stack gap="xs">
            {coming.map((o) => (
              <Group key={o.seq} justify="space-between" wrap="wrap" gap="xs">
                <Anchor component={Link} to={`/w/${ws.slug}/meetings/${s.id}/${o.seq}`} size="sm" style={{ textDecoration: 'underline' }}>
                  {meetingTimeWords(o.startsAt, s.timeZone, tz)}
                </Anchor>
                <OccurrenceStateBadge state={o.state} />
              </Group>
            ))}
          </Stack>
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            Past meetings
          </Title>
          {past.length === 0 ? (
            <Text size="sm" c="dimmed">
              None yet.
            </Text>
          ) : (
            <Stack gap="xs">
              {past.map((o) => (
                <Group key={o.seq} justify="space-between" wrap="wrap" gap="xs">
                  <Anchor component={Link} to={`/w/${ws.slug}/meetings/${s.id}/${o.seq}`} size="sm" style={{ textDecoration: 'underline' }}>
                    {meetingTimeWords(o.startsAt, s.timeZone, tz)}
                  </Anchor>
                  <OccurrenceStateBadge state={o.state} past />
                </Group>
              ))}
            </Stack>
          )}
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            Attendees
          </Title>
          <Stack gap="sm">
            {teams.map((t) => (
              <div key={t.team}>
                <Text size="sm" fw={600}>
                  {t.team === 'marketing' ? 'Product marketing' : t.team === 'sales' ? 'Sales' : 'Admins'}
                </Text>
                <List size="sm">
                  {t.people.map((p) => (
                    <List.Item key={p.userId}>{`${p.name} — ${ROLE_LABELS[p.role]}`}</List.Item>
                  ))}
                </List>
              </div>
            ))}
          </Stack>
        </Card>
      </SimpleGrid>
    </>
  );
}
