import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Group, MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { ROLE_LABELS, type GoalPeriodInput } from '@tandem/contracts';
import { errorMessage } from '../../../../app/api-error.ts';
import { notifySuccess } from '../../../../app/components/notify.ts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { FormError } from '../../../../app/kit/index.ts';
import { useRequiredSession } from '../../../../app/session.tsx';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useSegments } from '../../../deals/index.ts';
import { useAllMembers } from '../../../people/index.ts';
import { useWorkspaceDetails } from '../../../workspaces/index.ts';
import { useCreateGoal } from '../../hooks/use-goals.ts';
import { useMetricCatalogue } from '../../hooks/use-metrics.ts';
import { quarterOptions, todayIn } from '../shared/periods.ts';
import { draftErrors, emptyDraft, toKeyResultInput, type KeyResultDraft } from './key-result-draft.ts';
import { KeyResultFields } from './key-result-fields.tsx';
import { ownersProblem } from './owners-rule.ts';

/** A new shared goal: what and why, the period, owners from both teams, and its key results. */
export function GoalEditorPage() {
  const ws = useWorkspace();
  const session = useRequiredSession();
  const navigate = useNavigate();
  const members = useAllMembers(ws.slug, { activeOnly: true });
  const catalogue = useMetricCatalogue(ws.slug);
  const segments = useSegments(ws.slug);
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
  const [drafts, setDrafts] = useState<KeyResultDraft[]>([emptyDraft()]);
  const [submitted, setSubmitted] = useState(false);

  const currentQuarter = periods.find((p) => p.start <= todayIn(session.user.timeZone) && todayIn(session.user.timeZone) <= p.end)?.label ?? null;
  const chosenQuarter = quarter ?? currentQuarter;
  const people = members.data ?? [];
  const ownerRoles = ownerIds.map((id) => people.find((m) => m.userId === id)?.role).filter((r) => r !== undefined);
  const ownersNote = ownersProblem(ownerRoles);
  const metrics = catalogue.data?.items ?? [];
  const periodError = periodKind === 'quarter' ? (chosenQuarter ? null : 'Choose a quarter') : !start || !end ? 'Give the first and last day' : start > end ? 'The last day is before the first' : null;
  const titleError = title.trim() ? null : 'A goal needs a title';
  const invalid = !!titleError || !!periodError || drafts.some((d) => Object.keys(draftErrors(d)).length > 0);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    // The owners rule is left to the server on purpose when broken: its 400 is the one message of record.
    if (invalid) return;
    const period: GoalPeriodInput = periodKind === 'quarter' ? { kind: 'quarter', label: chosenQuarter! } : { kind: 'custom', start, end };
    create.mutate(
      {
        title: title.trim(),
        why: why.trim() || undefined,
        period,
        ownerIds,
        keyResults: drafts.map((d) => toKeyResultInput(d, metrics.find((m) => m.name === d.metric))),
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

  return (
    <>
      <PageHeader title="New goal" description="A shared goal is owned by marketing and sales together; its key results are computed from the same live data both teams see." />
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={860}>
          <FormError message={create.error ? errorMessage(create.error) : null} />
          <Card withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
            <Stack gap="sm">
              <TextInput label="Title" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={submitted ? titleError : null} maxLength={200} />
              <Textarea label="Why it matters" autosize minRows={2} value={why} onChange={(e) => setWhy(e.currentTarget.value)} maxLength={5000} />
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
                <Select label="Quarter" data={periods.map((p) => ({ value: p.label, label: `${p.label} (${p.start} – ${p.end})` }))} value={chosenQuarter} onChange={setQuarter} allowDeselect={false} error={submitted ? periodError : null} w={300} />
              ) : (
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <TextInput type="date" label="First day" value={start} onChange={(e) => setStart(e.currentTarget.value)} error={submitted ? periodError : null} />
                  <TextInput type="date" label="Last day" value={end} onChange={(e) => setEnd(e.currentTarget.value)} />
                </SimpleGrid>
              )}
              <MultiSelect
                label="Owners"
                description="At least one from marketing and one from sales (a rep or a sales lead). An admin is welcome but counts for neither team."
                required
                searchable
                data={people.map((m) => ({ value: m.userId, label: `${m.name} (${ROLE_LABELS[m.role]})` }))}
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
          {drafts.map((d, i) => (
            <KeyResultFields
              key={i}
              index={i}
              draft={d}
              metrics={metrics}
              segments={segments.data ?? []}
              showErrors={submitted}
              onChange={(next) => setDrafts(drafts.map((x, j) => (j === i ? next : x)))}
              onRemove={() => setDrafts(drafts.filter((_, j) => j !== i))}
            />
          ))}
          <Group justify="space-between">
            <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setDrafts([...drafts, emptyDraft()])} disabled={drafts.length >= 10}>
              Add a key result
            </Button>
            <Group gap="sm">
              <Button variant="subtle" onClick={() => void navigate(`/w/${ws.slug}/goals`)}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create goal
              </Button>
            </Group>
          </Group>
          {submitted && invalid && (
            <Text size="sm" c="red" role="alert">
              Some fields need a look (marked above).
            </Text>
          )}
        </Stack>
      </form>
    </>
  );
}
