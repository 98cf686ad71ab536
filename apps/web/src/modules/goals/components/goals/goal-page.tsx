import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Anchor, Button, Card, Group, NumberInput, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import type { GoalDetail, KeyResult } from '@tandem/contracts';
import { errorMessage } from '../../../../app/api-error.ts';
import { notifySuccess } from '../../../../app/components/notify.ts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { CardsSkeleton, CommentList, FormError, QueryView, formatRelative } from '../../../../app/kit/index.ts';
import { useRequiredSession } from '../../../../app/session.tsx';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useAddGoalComment, useArchiveGoal, useCheckIn, useGoal, useGoalComments, useKeyResultHistory } from '../../hooks/use-goals.ts';
import { GoalStatusBadge, KeyResultLine } from '../shared/goal-bits.tsx';
import { unitInfo } from '../shared/goal-paths.ts';

const HistoryChart = lazy(async () => ({ default: (await import('../scorecard/scorecard-charts.tsx')).HistoryChart }));

/** One goal: why, who owns it, each key result with its progress, history and check-ins, and the discussion. */
export function GoalPage() {
  const ws = useWorkspace();
  const { goalId } = useParams();
  const goal = useGoal(ws.slug, goalId);
  return (
    <QueryView
      query={goal}
      skeleton={<CardsSkeleton />}
      error="Could not load this goal"
      renderError={(box) => (
        <>
          <PageHeader title="Goal" />
          {box}
        </>
      )}
    >
      {(g) => <GoalView goal={g} />}
    </QueryView>
  );
}

function GoalView({ goal: g }: { goal: GoalDetail }) {
  const ws = useWorkspace();
  const navigate = useNavigate();
  const archive = useArchiveGoal(ws.slug, g.id);
  return (
    <>
      <PageHeader
        title={g.title}
        description={
          <>
            {g.period.label} ({g.period.start} – {g.period.end}) · Owners: {g.owners.map((o) => o.name).join(', ')}
          </>
        }
        actions={
          <Group gap="sm">
            <GoalStatusBadge status={g.status} size="lg" />
            {g.can.edit && (
              <Button component={Link} to={`/w/${ws.slug}/goals/${g.id}/edit`} variant="default">
                Edit
              </Button>
            )}
            {g.can.edit && (
              <Button
                variant="default"
                color="red"
                loading={archive.isPending}
                onClick={() =>
                  archive.mutate(undefined, {
                    onSuccess: () => {
                      notifySuccess('Goal archived.');
                      void navigate(`/w/${ws.slug}/goals`);
                    },
                  })
                }
              >
                Archive
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="lg">
        {g.why && (
          <Text size="sm" maw={760} style={{ whiteSpace: 'pre-wrap' }}>
            {g.why}
          </Text>
        )}
        <FormError message={archive.error ? errorMessage(archive.error) : null} />
        {g.keyResults.length === 0 && <Text c="dimmed">No key result yet.</Text>}
        {g.keyResults.map((kr) => (
          <KeyResultCard key={kr.id} goal={g} kr={kr} />
        ))}
        <Comments goal={g} />
        <Anchor component={Link} to={`/w/${ws.slug}/goals`} size="sm">
          All goals
        </Anchor>
      </Stack>
    </>
  );
}

function KeyResultCard({ goal, kr }: { goal: GoalDetail; kr: KeyResult }) {
  const ws = useWorkspace();
  const history = useKeyResultHistory(ws.slug, goal.id, kr.id);
  const u = unitInfo(kr);
  return (
    <Card withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} component="section" aria-label={`Key result: ${kr.title}`}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {kr.title}
        </Title>
        <KeyResultLine slug={ws.slug} kr={kr} period={goal.period} />
        <QueryView query={history} skeleton={<Skeleton height={200} />} error="Could not load the history">
          {(h) => {
            const path = new Map(h.path.map((p) => [p.day, p.value]));
            const days = [...new Set([...h.path.map((p) => p.day), ...h.points.map((p) => p.day)])].sort();
            const values = new Map(h.points.map((p) => [p.day, p.value]));
            return h.points.length === 0 ? (
              <Text size="sm" c="dimmed">
                No daily history yet: the first snapshot is taken tonight.
              </Text>
            ) : (
              <Suspense fallback={<Skeleton height={200} />}>
                <HistoryChart title={kr.title} unit={u} points={days.map((d) => ({ day: d, value: values.get(d) ?? null, path: path.get(d) ?? null }))} />
              </Suspense>
            );
          }}
        </QueryView>
        {history.data && history.data.checkins.length > 0 && (
          <Stack gap={4} component="ul" aria-label={`Check-ins on ${kr.title}`} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {history.data.checkins.map((c) => (
              <Text key={c.id} size="sm" component="li">
                <b>{c.author?.name ?? 'Someone'}</b> {formatRelative(c.createdAt)}
                {c.value !== null && ` · ${c.value}`}
                {c.note && `: ${c.note}`}
              </Text>
            ))}
          </Stack>
        )}
        {goal.can.checkIn && <CheckInForm goalId={goal.id} kr={kr} />}
      </Stack>
    </Card>
  );
}

function CheckInForm({ goalId, kr }: { goalId: string; kr: KeyResult }) {
  const ws = useWorkspace();
  const checkIn = useCheckIn(ws.slug, goalId);
  const [value, setValue] = useState<number | string>('');
  const [note, setNote] = useState('');
  const manual = kr.kind === 'manual';
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        checkIn.mutate(
          { keyResultId: kr.id, body: { value: value === '' ? undefined : Number(value), note: note.trim() || undefined } },
          {
            onSuccess: () => {
              setValue('');
              setNote('');
              notifySuccess('Check-in saved. The goal’s owners see it on the goal.');
            },
          },
        );
      }}
    >
      <Stack gap="xs">
        <FormError message={checkIn.error ? errorMessage(checkIn.error) : null} />
        <Group align="flex-end" gap="sm" wrap="wrap">
          {manual && <NumberInput label={`Value now (${kr.unit})`} value={value} onChange={setValue} w={180} required />}
          <Textarea label={manual ? 'Note' : 'Check-in note'} autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} style={{ flex: '1 1 240px' }} />
          <Button type="submit" variant="light" loading={checkIn.isPending} disabled={manual ? value === '' : !note.trim()}>
            Check in
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Comments({ goal }: { goal: GoalDetail }) {
  const ws = useWorkspace();
  const tz = useRequiredSession().user.timeZone;
  const comments = useGoalComments(ws.slug, goal.id);
  const add = useAddGoalComment(ws.slug, goal.id);
  const [body, setBody] = useState('');
  return (
    <Card withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} component="section" aria-label="Discussion">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Discussion
        </Title>
        <QueryView query={comments} skeleton={<Skeleton height={40} />} empty={{ when: (d) => d.items.length === 0, content: <Text size="sm" c="dimmed">No comments yet.</Text> }}>
          {(d) => <CommentList comments={d.items} timeZone={tz} aria-label="Comments" />}
        </QueryView>
        {goal.can.comment && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              add.mutate(body.trim(), { onSuccess: () => setBody('') });
            }}
          >
            <Stack gap="xs">
              <FormError message={add.error ? errorMessage(add.error) : null} />
              <Textarea label="Add a comment" autosize minRows={2} value={body} onChange={(e) => setBody(e.currentTarget.value)} maxLength={10000} />
              <Group justify="flex-end">
                <Button type="submit" loading={add.isPending} disabled={!body.trim()}>
                  Comment
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
