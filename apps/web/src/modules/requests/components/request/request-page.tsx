import { Link, useParams } from 'react-router-dom';
import { Alert, Anchor, Breadcrumbs, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconSearchOff } from '@tabler/icons-react';
import type { RequestDetail } from '@tandem/contracts';
import { isApiError } from '../../../../app/api-error.ts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { PageSkeleton } from '../../../../app/components/page-skeleton.tsx';
import { EmptyResult, formatDateTime, formatDay, QueryView } from '../../../../app/kit/index.ts';
import { useRequiredSession } from '../../../../app/session.tsx';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { isRequestId, useRequest } from '../../hooks/use-requests.ts';
import { RequestStatusBadge, RequestTypeBadge, SlaBadge } from '../shared/request-bits.tsx';
import { requesterNames } from '../shared/request-format.ts';
import { RequestActions } from './request-actions.tsx';
import { RequestAttachments } from './request-attachments.tsx';
import { RequestDeals } from './request-deals.tsx';
import { RequestDelivery } from './request-delivery.tsx';
import { RequestActivityLog, RequestComments } from './request-discussion.tsx';
import { ScoreBreakdown } from './score-breakdown.tsx';
import { PlanCard, SlaClocks } from './sla-and-plan.tsx';

/** One request: what is asked, why it stands where it does (score, line, SLA), the work on it and its history. */
export function RequestPage() {
  const ws = useWorkspace();
  const { requestId } = useParams();
  const request = useRequest(ws.slug, requestId);
  if (!isRequestId(requestId) || (request.isError && isApiError(request.error) && request.error.status === 404)) {
    return <RequestNotFound slug={ws.slug} />;
  }
  return (
    <QueryView
      query={request}
      skeleton={<PageSkeleton />}
      renderError={(box) => (
        <>
          <PageHeader title="Request" />
          {box}
        </>
      )}
    >
      {(data) => <RequestView request={data} />}
    </QueryView>
  );
}

function RequestNotFound({ slug }: { slug: string }) {
  return (
    <>
      <PageHeader title="Request not found" />
      <EmptyResult
        icon={<IconSearchOff size={28} />}
        title="There is no such request in this workspace"
        description="It may have been filed in another workspace, or the link is incomplete."
        action={
          <Button component={Link} to={`/w/${slug}/requests`}>
            Back to the requests
          </Button>
        }
      />
    </>
  );
}

function RequestView({ request: r }: { request: RequestDetail }) {
  const ws = useWorkspace();
  const tz = useRequiredSession().user.timeZone;
  const open = r.status === 'new' || r.status === 'triaged' || r.status === 'in_progress';
  return (
    <>
      <Breadcrumbs mb="xs" aria-label="Breadcrumb">
        <Anchor component={Link} to={`/w/${ws.slug}/requests`} size="sm">
          Requests
        </Anchor>
        <Text size="sm">#{r.number}</Text>
      </Breadcrumbs>
      <PageHeader title={`#${r.number} ${r.title}`} documentTitle={`#${r.number} ${r.title}`} />
      <Stack gap="lg">
        <Group gap="xs" wrap="wrap" mt={-12}>
          <RequestStatusBadge status={r.status} size="md" />
          <RequestTypeBadge type={r.type} size="md" />
          {open && <SlaBadge state={r.sla.state} size="md" />}
          <Text size="sm" c="dimmed">
            Filed {formatDateTime(r.createdAt, tz)} · asked by {requesterNames(r.requesters)}
          </Text>
        </Group>
        <RequestActions request={r} slug={ws.slug} />
        {r.status === 'declined' && r.declineReason && (
          <Alert color="gray" title="Declined">
            {r.declineReason}
          </Alert>
        )}
        {r.status === 'merged' && r.mergedInto && (
          <Alert color="blue" title="Merged">
            This request was merged into{' '}
            <Anchor component={Link} to={`/w/${ws.slug}/requests/${r.mergedInto.id}`} style={{ textDecoration: 'underline' }}>
              #{r.mergedInto.number} {r.mergedInto.title}
            </Anchor>
            , which carries its requesters and deals.
          </Alert>
        )}
        <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="ask-title">
          <Stack gap="xs">
            <Title order={2} size="h4" id="ask-title">
              What is asked
            </Title>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {r.description}
            </Text>
          </Stack>
        </Card>
        <Grid gap="lg" align="flex-start">
          <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
            <Stack gap="lg">
              <PlanCard request={r} />
              <SlaClocks request={r} tz={tz} />
              <Facts request={r} />
              <RequestAttachments request={r} slug={ws.slug} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
            <Stack gap="lg">
              <RequestDelivery request={r} slug={ws.slug} tz={tz} />
              <ScoreBreakdown score={r.score} />
              <RequestDeals request={r} slug={ws.slug} />
              <RequestComments request={r} slug={ws.slug} tz={tz} />
              <RequestActivityLog request={r} slug={ws.slug} tz={tz} />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}

function Facts({ request: r }: { request: RequestDetail }) {
  const rows: [string, string][] = [
    ['Requesters', r.requesters.map((p) => p.name).join(', ') || '—'],
    ['Assignee', r.assignee?.name ?? 'Not assigned yet'],
    ['Estimate', r.estimateHours !== null ? `${r.estimateHours} h` : 'Not estimated yet'],
    ['Needed by', r.neededBy ? formatDay(r.neededBy) : 'No date given'],
  ];
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="facts-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="facts-title">
          People and dates
        </Title>
        <dl style={{ margin: 0 }}>
          {rows.map(([k, v]) => (
            <Group key={k} gap="xs" justify="space-between" wrap="nowrap" py={2}>
              <Text component="dt" size="sm" c="dimmed">
                {k}
              </Text>
              <Text component="dd" size="sm" m={0} ta="right" style={{ overflowWrap: 'anywhere' }}>
                {v}
              </Text>
            </Group>
          ))}
        </dl>
      </Stack>
    </Card>
  );
}
