import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { Alert, Anchor, Badge, Breadcrumbs, Button, Card, Grid, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconSearchOff } from '@tabler/icons-react';
import { DECISION_KIND_LABELS, type DecisionDetail } from '@tandem/contracts';
import { isApiError } from '../../../../app/api-error.ts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { PageSkeleton } from '../../../../app/components/page-skeleton.tsx';
import { EmptyResult, formatDateTime, formatDay, QueryView } from '../../../../app/kit/index.ts';
import { useRequiredSession } from '../../../../app/session.tsx';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { isDecisionId, useDecision } from '../../hooks/use-decisions.ts';
import { countdownWords } from '../shared/countdown.ts';
import { PhaseBadge } from '../shared/decision-bits.tsx';
import { useNow } from '../shared/use-now.ts';
import { InputPanel } from './input-panel.tsx';
import { LinksPanel } from './links-panel.tsx';
import { OutcomePanel } from './outcome-panel.tsx';

/** One decision: what is decided and why now, the options, input by stakeholder, the outcome and its history. */
export function DecisionPage() {
  const ws = useWorkspace();
  const { decisionId } = useParams();
  const decision = useDecision(ws.slug, decisionId);
  if (!isDecisionId(decisionId) || (decision.isError && isApiError(decision.error) && decision.error.status === 404)) {
    return (
      <>
        <PageHeader title="Decision not found" />
        <EmptyResult
          icon={<IconSearchOff size={28} />}
          title="There is no such decision in this workspace"
          description="It may belong to another workspace, or the link is incomplete."
          action={
            <Button component={Link} to={`/w/${ws.slug}/decisions`}>
              Back to the decisions
            </Button>
          }
        />
      </>
    );
  }
  return (
    <QueryView
      query={decision}
      skeleton={<PageSkeleton />}
      renderError={(box) => (
        <>
          <PageHeader title="Decision" />
          {box}
        </>
      )}
    >
      {(d) => <DecisionView decision={d} />}
    </QueryView>
  );
}

function DecisionView({ decision: d }: { decision: DecisionDetail }) {
  const ws = useWorkspace();
  const tz = useRequiredSession().user.timeZone;
  // A new decision arrives here with what happened and who was told.
  const [told, setTold] = useState<string | null>((useLocation().state as { told?: string } | null)?.told ?? null);
  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to={`/w/${ws.slug}/decisions`} size="sm">
          Decisions
        </Anchor>
        <Text size="sm" c="dimmed" lineClamp={1}>
          {d.title}
        </Text>
      </Breadcrumbs>
      <PageHeader
        title={d.title}
        description={
          <Group gap="xs" component="span">
            <PhaseBadge phase={d.phase} />
            <Badge variant="outline" color="gray" tt="none">
              {DECISION_KIND_LABELS[d.kind]}
            </Badge>
            <span>
              Owned by {d.owner.name} · decide by {formatDay(d.decideBy)}
              {d.round > 1 ? ` · round ${d.round} (reopened)` : ''}
            </span>
          </Group>
        }
      />
      {told && (
        <Alert color="teal" mb="md" role="status" withCloseButton closeButtonLabel="Dismiss" onClose={() => setTold(null)} title="Done">
          {told}
        </Alert>
      )}
      <Window decision={d} tz={tz} />
      <Grid gap="md" mt="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                Context
              </Title>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {d.context}
              </Text>
              <Title order={3} size="h5" mt="md" mb={4}>
                Options considered
              </Title>
              <List size="sm" spacing={4}>
                {d.options.map((o) => (
                  <List.Item key={o}>
                    {o}
                    {d.outcome?.chosenOption === o && (
                      <Badge ml="xs" color="green" variant="light" tt="none">
                        Chosen
                      </Badge>
                    )}
                  </List.Item>
                ))}
              </List>
            </Card>
            <OutcomePanel decision={d} onDone={setTold} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <InputPanel decision={d} onDone={setTold} />
            <LinksPanel decision={d} onDone={setTold} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

/** The window in words: the countdown while input is taken, then when it closed. */
function Window({ decision: d, tz }: { decision: DecisionDetail; tz: string }) {
  const now = useNow();
  const closes = formatDateTime(d.inputClosesAt, tz);
  if (d.phase === 'decided') {
    return (
      <Alert color="green" variant="light" title={`Decided ${formatDateTime(d.decidedAt, tz)}: ${d.chosenOption ?? ''}`}>
        {d.decidedAt && Date.parse(d.decidedAt) < Date.parse(d.inputClosesAt) ? `Decided before input was due to close (${closes}): input ended with the decision.` : `Input closed ${closes}.`} Everyone who
        gave input was told the outcome.
      </Alert>
    );
  }
  if (d.phase === 'collecting_input') {
    return (
      <Alert color="blue" variant="light" title={countdownWords(d.inputClosesAt, now)}>
        Stakeholders can give or change their input until {closes} ({tz}). {d.awaitingMyInput ? 'Your input is asked.' : ''}
      </Alert>
    );
  }
  return (
    <Alert color="orange" variant="light" title={countdownWords(d.inputClosesAt, now)}>
      Input closed {closes}; the decision is due by {formatDay(d.decideBy)}.
    </Alert>
  );
}
