import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Button, Card, Group, MultiSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { MetricDefinition, Role } from '@tandem/contracts';
import { FormError } from '../../../../app/kit/index.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useSegments } from '../../../deals/index.ts';
import { useTeams } from '../../../teams/index.ts';
import { draftErrors, type KeyResultDraft, type KeyResultRow } from './key-result-draft.ts';
import { KeyResultFields } from './key-result-fields.tsx';
import { ownersProblem } from './owners-rule.ts';

/** A person who may own the goal; `role` null for an owner who has left the workspace (shown by name until removed). */
export interface OwnerOption {
  userId: string;
  label: string;
  role: Role | null;
}

interface GoalFormProps {
  title: string;
  onTitle: (v: string) => void;
  why: string;
  onWhy: (v: string) => void;
  /** Fields between "why" and the owners (the new goal's period), drawn with errors once the form was submitted. */
  period?: (showErrors: boolean) => ReactNode;
  /** A problem of those fields that stops the submit (it is shown by them). */
  periodError?: string | null;
  owners: readonly OwnerOption[];
  ownerIds: string[];
  onOwnerIds: (ids: string[]) => void;
  keyResults: readonly KeyResultRow[];
  onKeyResult: (index: number, draft: KeyResultDraft) => void;
  onAddKeyResult: () => void;
  onRemoveKeyResult: (index: number) => void;
  metrics: MetricDefinition[];
  /** Under the key results (e.g. what will be removed on save). */
  note?: ReactNode;
  /** The server's refusal, in words. */
  error: string | null;
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
  /** Called when every field the form checks is valid; the owners rule is left to the server, whose 400 names who is missing. */
  onSubmit: () => void;
}

const MAX_KEY_RESULTS = 10;

/** The new-goal and edit-goal form: what and why, the period (new goals), owners from both teams, key results. */
export function GoalForm(p: GoalFormProps) {
  const ws = useWorkspace();
  const segments = useSegments(ws.slug);
  const teams = useTeams(ws.slug);
  const teamOptions = (teams.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }));
  const [submitted, setSubmitted] = useState(false);
  const titleError = p.title.trim() ? null : 'A goal needs a title';
  const invalid = !!titleError || !!p.periodError || p.keyResults.some((r) => Object.keys(draftErrors(r.draft)).length > 0);
  const roles = p.ownerIds.map((id) => p.owners.find((o) => o.userId === id)?.role).filter((r) => r !== undefined && r !== null);
  const ownersNote = ownersProblem(roles);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (!invalid) p.onSubmit();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={860}>
        <FormError message={p.error} />
        <Card withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
          <Stack gap="sm">
            <TextInput label="Title" required value={p.title} onChange={(e) => p.onTitle(e.currentTarget.value)} error={submitted ? titleError : null} maxLength={200} />
            <Textarea label="Why it matters" autosize minRows={2} value={p.why} onChange={(e) => p.onWhy(e.currentTarget.value)} maxLength={5000} />
            {p.period?.(submitted)}
            <MultiSelect
              label="Owners"
              description="At least one from marketing and one from sales (a rep or a sales lead). An admin is welcome but counts for neither team."
              required
              searchable
              data={p.owners.map((o) => ({ value: o.userId, label: o.label }))}
              value={p.ownerIds}
              onChange={p.onOwnerIds}
              nothingFoundMessage="Nobody by that name"
            />
            {ownersNote && p.ownerIds.length > 0 && (
              <Alert color="orange" variant="light" role="status">
                {ownersNote}
              </Alert>
            )}
          </Stack>
        </Card>
        {p.keyResults.map((r, i) => (
          <KeyResultFields
            key={r.key}
            index={i}
            draft={r.draft}
            metrics={p.metrics}
            segments={segments.data ?? []}
            teams={teamOptions}
            showErrors={submitted}
            onChange={(next) => p.onKeyResult(i, next)}
            onRemove={() => p.onRemoveKeyResult(i)}
          />
        ))}
        {p.note}
        <Group justify="space-between">
          <Button variant="default" leftSection={<IconPlus size={16} />} onClick={p.onAddKeyResult} disabled={p.keyResults.length >= MAX_KEY_RESULTS}>
            Add a key result
          </Button>
          <Group gap="sm">
            <Button variant="subtle" onClick={p.onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={p.pending}>
              {p.submitLabel}
            </Button>
          </Group>
        </Group>
        {submitted && invalid && (
          // red.9: plain `red` on white fails the 4.5:1 contrast a small text needs.
          <Text size="sm" c="red.9" role="alert">
            Some fields need a look (marked above).
          </Text>
        )}
      </Stack>
    </form>
  );
}
