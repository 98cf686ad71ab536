import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { SegmentedControl, Select, SimpleGrid, TextInput } from '@mantine/core';
import { ROLE_LABELS, type GoalPeriodInput } from '@tandem/contracts';
import { errorMessage } from '../../../../app/api-error.ts';
import { notifySuccess } from '../../../../app/components/notify.ts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { useRequiredSession } from '../../../../app/session.tsx';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useAllMembers } from '../../../people/index.ts';
import { useWorkspaceDetails } from '../../../workspaces/index.ts';
import { useCreateGoal } from '../../hooks/use-goals.ts';
import { useMetricCatalogue } from '../../hooks/use-metrics.ts';
import { quarterOptions } from '../shared/periods.ts';
import { todayIn } from '../../../../app/kit/index.ts';
import { GoalForm } from './goal-form.tsx';
import { newKeyResultRow, toKeyResultInput, type KeyResultRow } from './key-result-draft.ts';

/** A new shared goal: what and why, the period, owners from both teams, and its key results. */
export function GoalEditorPage() {
  const ws = useWorkspace();
  const session = useRequiredSession();
  const navigate = useNavigate();
  const members = useAllMembers(ws.slug, { activeOnly: true });
  const catalogue = useMetricCatalogue(ws.slug);
  const startMonth = useWorkspaceDetails(ws.slug).data?.fiscalYearStartMonth;
  const periods = startMonth ? quarterOptions(todayIn(session.user.timeZone), startMonth, 2, 3) : [];
  const create = useCreateGoal(ws.slug);

  const [title, setTitle] = useState('');
  const [why, setWhy] = useState('');
  const [periodKind, setPeriodKind] = useState<'quarter' | 'custom'>('quarter');
  const [quarter, setQuarter] = useState<string | null>(null);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [ownerIds, setOwnerIds] = useState<string[]>([]);
  const [drafts, setDrafts] = useState<KeyResultRow[]>(() => [newKeyResultRow()]);

  const currentQuarter = periods.find((p) => p.start <= todayIn(session.user.timeZone) && todayIn(session.user.timeZone) <= p.end)?.label ?? null;
  const chosenQuarter = quarter ?? currentQuarter;
  const owners = (members.data ?? []).map((m) => ({ userId: m.userId, label: `${m.name} (${ROLE_LABELS[m.role]})`, role: m.role }));
  const metrics = catalogue.data?.items ?? [];
  const periodError = periodKind === 'quarter' ? (chosenQuarter ? null : 'Choose a quarter') : !start || !end ? 'Give the first and last day' : start > end ? 'The last day is before the first' : null;

  const submit = () => {
    const period: GoalPeriodInput = periodKind === 'quarter' ? { kind: 'quarter', label: chosenQuarter! } : { kind: 'custom', start, end };
    create.mutate(
      {
        title: title.trim(),
        why: why.trim() || undefined,
        period,
        ownerIds,
        keyResults: drafts.map((d) => toKeyResultInput(d.draft, metrics.find((m) => m.name === d.draft.metric))),
      },
      {
        onSuccess: (r) => {
          const told = r.notified.map((p) => p.name);
          notifySuccess(told.length ? `Goal created. Told its owners: ${told.join(', ')}.` : 'Goal created.');
          void navigate(`/w/${ws.slug}/goals/${r.goal.id}`);
        },
      },
    );
  };

  const periodFields = (showErrors: boolean) => (
    <>
      <SegmentedControl
        aria-label="Period"
        value={periodKind}
        onChange={(v) => setPeriodKind(v === 'custom' ? 'custom' : 'quarter')}
        data={[
          { value: 'quarter', label: 'A fiscal quarter' },
          { value: 'custom', label: 'Custom dates' },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {periodKind === 'quarter' ? (
        <Select label="Quarter" data={periods.map((p) => ({ value: p.label, label: `${p.label} (${p.start} – ${p.end})` }))} value={chosenQuarter} onChange={setQuarter} allowDeselect={false} error={showErrors ? periodError : null} w={300} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput type="date" label="First day" value={start} onChange={(e) => setStart(e.currentTarget.value)} error={showErrors ? periodError : null} />
          <TextInput type="date" label="Last day" value={end} onChange={(e) => setEnd(e.currentTarget.value)} />
        </SimpleGrid>
      )}
    </>
  );

  return (
    <>
      <PageHeader title="New goal" description="A shared goal is owned by marketing and sales together; its key results are computed from the same live data both teams see." />
      <GoalForm
        title={title}
        onTitle={setTitle}
        why={why}
        onWhy={setWhy}
        period={periodFields}
        periodError={periodError}
        owners={owners}
        ownerIds={ownerIds}
        onOwnerIds={setOwnerIds}
        keyResults={drafts}
        onKeyResult={(i, draft) => setDrafts(drafts.map((x, j) => (j === i ? { ...x, draft } : x)))}
        onAddKeyResult={() => setDrafts([...drafts, newKeyResultRow()])}
        onRemoveKeyResult={(i) => setDrafts(drafts.filter((_, j) => j !== i))}
        metrics={metrics}
        error={create.error ? errorMessage(create.error) : null}
        submitLabel="Create goal"
        pending={create.isPending}
        onCancel={() => void navigate(`/w/${ws.slug}/goals`)}
        onSubmit={submit}
      />
    </>
  );
}
