import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Anchor, Button, Card, Group, Loader, MultiSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { ROLE_LABELS, type GoalDetail, type MetricDefinition, type UpdateGoalRequest } from '@tandem/contracts';
import { errorMessage } from '../../../../app/api-error.ts';
import { notifySuccess } from '../../../../app/components/notify.ts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { FormError } from '../../../../app/kit/index.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useSegments } from '../../../deals/index.ts';
import { useAllMembers } from '../../../people/index.ts';
import { isGoalId, useGoal, useSaveGoal, type KeyResultChange } from '../../hooks/use-goals.ts';
import { useMetricCatalogue } from '../../hooks/use-metrics.ts';
import { draftErrors, draftFromKeyResult, emptyDraft, toKeyResultInput, type KeyResultDraft } from './key-result-draft.ts';
import { KeyResultFields } from './key-result-fields.tsx';
import { ownersProblem } from './owners-rule.ts';

/** Editing a shared goal: its title, why, owners (the owners rule holds) and key results (edit, add, remove). */
export function GoalEditPage() {
  const ws = useWorkspace();
  const { goalId } = useParams();
  const goal = useGoal(ws.slug, goalId);
  const catalogue = useMetricCatalogue(ws.slug);
  if (!isGoalId(goalId) || goal.isError) {
    return (
      <>
        <PageHeader title="Edit goal" />
        <Text>
          {goal.error ? errorMessage(goal.error) : 'No such goal in this workspace.'}{' '}
          <Anchor component={Link} to={`/w/${ws.slug}/goals`} underline="always">
            Back to goals
          </Anchor>
        </Text>
      </>
    );
  }
  if (!goal.data || !catalogue.data) {
    return (
      <>
        <PageHeader title="Edit goal" />
        <Loader aria-label="Loading the goal" />
      </>
    );
  }
  if (!goal.data.can.edit) {
    return (
      <>
        <PageHeader title="Edit goal" />
        <Text>Admins, marketing and sales leads edit goals; you can check in and comment on its page.</Text>
      </>
    );
  }
  return <GoalEditForm goal={goal.data} metrics={catalogue.data.items} />;
}

interface Row {
  /** The key result's id; null for one added here. */
  id: string | null;
  draft: KeyResultDraft;
  /** The draft as loaded, to send only what changed. */
  initial: string;
}

function GoalEditForm({ goal, metrics }: { goal: GoalDetail; metrics: MetricDefinition[] }) {
  const ws = useWorkspace();
  const navigate = useNavigate();
  const members = useAllMembers(ws.slug, { activeOnly: true });
  const segments = useSegments(ws.slug);
  const save = useSaveGoal(ws.slug, goal.id);
  const defOf = (name: string | null) => metrics.find((m) => m.name === name);

  const [title, setTitle] = useState(goal.title);
  const [why, setWhy] = useState(goal.why);
  const [ownerIds, setOwnerIds] = useState(goal.owners.map((o) => o.userId));
  const [rows, setRows] = useState<Row[]>(() =>
    goal.keyResults.map((kr) => {
      const draft = draftFromKeyResult(kr, defOf(kr.metric));
      return { id: kr.id, draft, initial: JSON.stringify(draft) };
    }),
  );
  const [removed, setRemoved] = useState<string[]>([]);
  const [submitted, setSubmitted] = useState(false);

  // Owners who left the workspace still show by name until they are taken off.
  const people = [
    ...(members.data ?? []).map((m) => ({ userId: m.userId, label: `${m.name} (${ROLE_LABELS[m.role]})`, role: m.role })),
    ...goal.owners.filter((o) => !(members.data ?? []).some((m) => m.userId === o.userId)).map((o) => ({ userId: o.userId, label: o.name, role: o.role })),
  ];
  const ownersNote = ownersProblem(ownerIds.map((id) => people.find((p) => p.userId === id)?.role).filter((r) => r !== undefined && r !== null));
  const titleError = title.trim() ? null : 'A goal needs a title';
  const invalid = !!titleError || rows.some((r) => Object.keys(draftErrors(r.draft)).length > 0);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    // The owners rule is the server's to refuse: its 400 names who is missing.
    if (invalid) return;
    const body: UpdateGoalRequest = {};
    if (title.trim() !== goal.title) body.title = title.trim();
    if (why.trim() !== goal.why) body.why = why.trim();
    const before = goal.owners.map((o) => o.userId);
    if (ownerIds.length !== before.length || ownerIds.some((id) => !before.includes(id))) body.ownerIds = ownerIds;
    const changes: KeyResultChange[] = [
      ...removed.map((keyResultId): KeyResultChange => ({ kind: 'remove', keyResultId })),
      ...rows.flatMap((r): KeyResultChange[] => {
        const input = toKeyResultInput(r.draft, defOf(r.draft.metric));
        if (!r.id) return [{ kind: 'add', body: input }];
        return JSON.stringify(r.draft) === r.initial ? [] : [{ kind: 'update', keyResultId: r.id, body: input }];
      }),
    ];
    const goalChanged = Object.keys(body).length > 0;
    if (!goalChanged && !changes.length) {
      void navigate(`/w/${ws.slug}/goals/${goal.id}`);
      return;
    }
    save.mutate(
      { goal: goalChanged ? body : null, keyResults: changes },
      {
        onSuccess: (r) => {
          const told = r.notified.map((p) => p.name);
          notifySuccess(told.length ? `Goal saved. Its status changed; told its owners: ${told.join(', ')}.` : 'Goal saved. Nobody needed telling: its status did not change.');
          void navigate(`/w/${ws.slug}/goals/${goal.id}`);
        },
      },
    );
  };

  return (
    <>
      <PageHeader title={`Edit goal: ${goal.title}`} description={`${goal.period.label} (${goal.period.start} – ${goal.period.end}). The period stays as it is.`} />
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={860}>
          <FormError message={save.error ? `Not everything was saved: ${errorMessage(save.error)}` : null} />
          <Card withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
            <Stack gap="sm">
              <TextInput label="Title" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={submitted ? titleError : null} maxLength={200} />
              <Textarea label="Why it matters" autosize minRows={2} value={why} onChange={(e) => setWhy(e.currentTarget.value)} maxLength={5000} />
              <MultiSelect
                label="Owners"
                description="At least one from marketing and one from sales (a rep or a sales lead). An admin is welcome but counts for neither team."
                required
                searchable
                data={people.map((p) => ({ value: p.userId, label: p.label }))}
                value={ownerIds}
                onChange={setOwnerIds}
                nothingFoundMessage="Nobody by that name"
              />
              {ownersNote && ownerIds.length > 0 && (
                <Alert color="orange" variant="light" role="status">
                  {ownersNote}
                </Alert>
              )}
            </Stack>
          </Card>
          {rows.map((r, i) => (
            <KeyResultFields
              key={r.id ?? `new-${i}`}
              index={i}
              draft={r.draft}
              metrics={metrics}
              segments={segments.data ?? []}
              showErrors={submitted}
              onChange={(next) => setRows(rows.map((x, j) => (j === i ? { ...x, draft: next } : x)))}
              onRemove={() => {
                if (r.id) setRemoved([...removed, r.id]);
                setRows(rows.filter((_, j) => j !== i));
              }}
            />
          ))}
          {removed.length > 0 && (
            <Text size="sm" c="dimmed" role="status">
              {removed.length} key result{removed.length === 1 ? '' : 's'} will be removed with {removed.length === 1 ? 'its' : 'their'} history when you save.
            </Text>
          )}
          <Group justify="space-between">
            <Button
              variant="default"
              leftSection={<IconPlus size={16} />}
              onClick={() => setRows([...rows, { id: null, draft: emptyDraft(), initial: '' }])}
              disabled={rows.length >= 10}
            >
              Add a key result
            </Button>
            <Group gap="sm">
              <Button variant="subtle" onClick={() => void navigate(`/w/${ws.slug}/goals/${goal.id}`)}>
                Cancel
              </Button>
              <Button type="submit" loading={save.isPending}>
                Save changes
              </Button>
            </Group>
          </Group>
          {submitted && invalid && (
            <Text size="sm" c="red.9" role="alert">
              Some fields need a look (marked above).
            </Text>
          )}
        </Stack>
      </form>
    </>
  );
}
