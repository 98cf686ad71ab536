import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Anchor, Loader, Text } from '@mantine/core';
import { ROLE_LABELS, type GoalDetail, type MetricDefinition, type UpdateGoalRequest } from '@tandem/contracts';
import { errorMessage } from '../../../../app/api-error.ts';
import { notifySuccess } from '../../../../app/components/notify.ts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useAllMembers } from '../../../people/index.ts';
import { isGoalId, useGoal, useSaveGoal, type KeyResultChange } from '../../hooks/use-goals.ts';
import { useMetricCatalogue } from '../../hooks/use-metrics.ts';
import { GoalForm } from './goal-form.tsx';
import { draftFromKeyResult, newKeyResultRow, toKeyResultInput, type KeyResultRow } from './key-result-draft.ts';

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

interface Row extends KeyResultRow {
  /** The key result's id; null for one added here. */
  id: string | null;
  /** The draft as loaded, to send only what changed. */
  initial: string;
}

function GoalEditForm({ goal, metrics }: { goal: GoalDetail; metrics: MetricDefinition[] }) {
  const ws = useWorkspace();
  const navigate = useNavigate();
  const members = useAllMembers(ws.slug, { activeOnly: true });
  const save = useSaveGoal(ws.slug, goal.id);
  const defOf = (name: string | null) => metrics.find((m) => m.name === name);

  const [title, setTitle] = useState(goal.title);
  const [why, setWhy] = useState(goal.why);
  const [ownerIds, setOwnerIds] = useState(goal.owners.map((o) => o.userId));
  const [rows, setRows] = useState<Row[]>(() =>
    goal.keyResults.map((kr) => {
      const draft = draftFromKeyResult(kr, defOf(kr.metric));
      return { id: kr.id, key: kr.id, draft, initial: JSON.stringify(draft) };
    }),
  );
  const [removed, setRemoved] = useState<string[]>([]);

  // Owners who left the workspace still show by name until they are taken off.
  const owners = [
    ...(members.data ?? []).map((m) => ({ userId: m.userId, label: `${m.name} (${ROLE_LABELS[m.role]})`, role: m.role })),
    ...goal.owners.filter((o) => !(members.data ?? []).some((m) => m.userId === o.userId)).map((o) => ({ userId: o.userId, label: o.name, role: o.role })),
  ];

  const submit = () => {
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
      <GoalForm
        title={title}
        onTitle={setTitle}
        why={why}
        onWhy={setWhy}
        owners={owners}
        ownerIds={ownerIds}
        onOwnerIds={setOwnerIds}
        keyResults={rows}
        onKeyResult={(i, draft) => setRows(rows.map((x, j) => (j === i ? { ...x, draft } : x)))}
        onAddKeyResult={() => setRows([...rows, { ...newKeyResultRow(), id: null, initial: '' }])}
        onRemoveKeyResult={(i) => {
          const r = rows[i];
          if (r?.id) setRemoved([...removed, r.id]);
          setRows(rows.filter((_, j) => j !== i));
        }}
        metrics={metrics}
        note={
          removed.length > 0 && (
            <Text size="sm" c="dimmed" role="status">
              {removed.length} key result{removed.length === 1 ? '' : 's'} will be removed with {removed.length === 1 ? 'its' : 'their'} history when you save.
            </Text>
          )
        }
        error={save.error ? `Not everything was saved: ${errorMessage(save.error)}` : null}
        submitLabel="Save changes"
        pending={save.isPending}
        onCancel={() => void navigate(`/w/${ws.slug}/goals/${goal.id}`)}
        onSubmit={submit}
      />
    </>
  );
}
