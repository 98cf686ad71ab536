import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Anchor, Breadcrumbs, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCalendarPlus, IconDownload, IconSend } from '@tabler/icons-react';
import type { OccurrenceDetail } from '@tandem/contracts';
import { isApiError } from '../../../../app/api-error.ts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { PageSkeleton } from '../../../../app/components/page-skeleton.tsx';
import { formatDateTime, QueryView } from '../../../../app/kit/index.ts';
import { useRequiredSession } from '../../../../app/session.tsx';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { isSeriesId, occurrenceFiles, occurrenceNumber, useOccurrence, useOccurrenceActions } from '../../hooks/use-meetings.ts';
import { SeriesNotFound } from '../series/series-page.tsx';
import { OccurrenceStateBadge } from '../shared/meeting-bits.tsx';
import { meetingTimeWords } from '../shared/when.ts';
import { AgendaEditor } from './agenda-editor.tsx';
import { ActionItemsPanel, AttendancePanel } from './minutes-panels.tsx';
import { problemWords, toldWords, type Run } from './occurrence-shared.ts';

/** One occurrence: its agenda (edited by the owner, published to attendees), then the minutes — notes, attendance, action items. */
export function OccurrencePage() {
  const ws = useWorkspace();
  const { seriesId, number } = useParams();
  const n = occurrenceNumber(number);
  const occurrence = useOccurrence(ws.slug, seriesId, n);
  if (!isSeriesId(seriesId) || n === null || (occurrence.isError && isApiError(occurrence.error) && occurrence.error.status === 404)) return <SeriesNotFound />;
  return (
    <QueryView query={occurrence} skeleton={<PageSkeleton />} renderError={(box) => <>{box}</>}>
      {(o) => <OccurrenceView occurrence={o} />}
    </QueryView>
  );
}

function OccurrenceView({ occurrence: o }: { occurrence: OccurrenceDetail }) {
  const ws = useWorkspace();
  const tz = useRequiredSession().user.timeZone;
  const actions = useOccurrenceActions(ws.slug, o.seriesId, o.seq);
  const files = occurrenceFiles(ws.slug, o.seriesId, o.seq);
  const [told, setTold] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const run: Run = async (p, words) => {
    setProblem(null);
    try {
      setTold(words(await p));
      return true;
    } catch (e) {
      setTold(null);
      setProblem(problemWords(e));
      return false;
    }
  };
  const when = meetingTimeWords(o.startsAt, o.timeZone, tz);
  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to={`/w/${ws.slug}/meetings`} size="sm">
          Sync meetings
        </Anchor>
        <Anchor component={Link} to={`/w/${ws.slug}/meetings/${o.seriesId}`} size="sm">
          {o.seriesTitle}
        </Anchor>
        <Text size="sm" c="dimmed">{`Meeting ${o.seq}`}</Text>
      </Breadcrumbs>
      <PageHeader
        title={`${o.seriesTitle}: ${when.split(' (')[0]}`}
        documentTitle={`${o.seriesTitle}, meeting ${o.seq}`}
        description={
          <Group gap="xs" component="span">
            <OccurrenceStateBadge state={o.state} />
            <span>
              {when}.{' '}
              {o.published
                ? `Agenda published ${formatDateTime(o.published.at, tz)}${o.published.by ? ` by ${o.published.by}` : ''}.`
                : 'Draft: the agenda follows live data until it is published.'}
            </span>
          </Group>
        }
        actions={
          <>
            {o.canManage && !o.published && (
              <Button
                leftSection={<IconSend size={16} />}
                loading={actions.publish.isPending}
                onClick={() => void run(actions.publish.mutateAsync(), (r) => toldWords('Agenda published with a calendar invitation.', r.notified))}
              >
                Publish agenda
              </Button>
            )}
            <Button component="a" href={files.ics} variant="default" leftSection={<IconCalendarPlus size={16} />}>
              Calendar invitation
            </Button>
          </>
        }
      />
      {told && (
        <Alert color="teal" mb="md" withCloseButton closeButtonLabel="Dismiss" onClose={() => setTold(null)} role="status">
          {told}
        </Alert>
      )}
      {problem && (
        <Alert color="red" mb="md" withCloseButton closeButtonLabel="Dismiss" onClose={() => setProblem(null)} role="alert">
          {problem}
        </Alert>
      )}
      <Stack gap="md">
        <AgendaEditor occurrence={o} actions={actions} run={run} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <AttendancePanel occurrence={o} actions={actions} run={run} />
          <ActionItemsPanel occurrence={o} actions={actions} run={run} />
        </SimpleGrid>
        <Group gap="sm">
          <Button component="a" href={files.agenda} variant="subtle" size="xs" leftSection={<IconDownload size={14} />}>
            Agenda as Markdown
          </Button>
          <Button component="a" href={files.minutes} variant="subtle" size="xs" leftSection={<IconDownload size={14} />}>
            Minutes as Markdown
          </Button>
        </Group>
      </Stack>
    </>
  );
}
