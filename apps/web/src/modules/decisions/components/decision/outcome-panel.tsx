import { useState } from 'react';
import { Alert, Button, Card, Group, Modal, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { DecideRequest, ReopenDecisionRequest, type DecisionDetail, type DecisionOutcome } from '@tandem/contracts';
import { browserTimeZone, FormError, formatDateTime } from '../../../../app/kit/index.ts';
import { useFormState } from '../../../../app/forms.ts';
import { useRequiredSession } from '../../../../app/session.tsx';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useDecisionActions } from '../../hooks/use-decisions.ts';
import { StanceCountsLine } from '../shared/decision-bits.tsx';
import { toldMessage } from '../shared/told.ts';
import { localInputToIso, windowDefaults } from '../shared/local-time.ts';

type Done = (message: string) => void;

/** The outcome (or the owner's form to record it), reopening, and the outcomes of earlier rounds. */
export function OutcomePanel({ decision: d, onDone }: { decision: DecisionDetail; onDone: Done }) {
  const tz = useRequiredSession().user.timeZone;
  return (
    <>
      {d.outcome && (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            Outcome
          </Title>
          <Outcome outcome={d.outcome} tz={tz} />
          {d.permissions.reopen && <ReopenButton decision={d} onDone={onDone} />}
        </Card>
      )}
      {d.permissions.decide && <DecideForm decision={d} onDone={onDone} />}
      {d.history.length > 0 && (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            Earlier outcomes
          </Title>
          <Stack gap="md">
            {d.history.map((o) => (
              <Stack key={o.round} gap={4}>
                <Outcome outcome={o} tz={tz} />
                {o.reopenedAt && (
                  <Text size="sm" c="dimmed">
                    Reopened {formatDateTime(o.reopenedAt, tz)} by {o.reopenedBy?.name ?? 'someone'}: {o.reopenReason}
                  </Text>
                )}
              </Stack>
            ))}
          </Stack>
        </Card>
      )}
    </>
  );
}

function Outcome({ outcome: o, tz }: { outcome: DecisionOutcome; tz: string }) {
  return (
    <Stack gap={6}>
      <Text size="sm">
        <strong>Chosen:</strong> {o.chosenOption}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        <strong>Why:</strong> {o.rationale}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        <strong>What changed because of the input:</strong> {o.whatChanged ?? 'Nothing was changed.'}
      </Text>
      <StanceCountsLine counts={o.counts} size="xs" />
      <Text size="xs" c="dimmed">
        Round {o.round}, decided {formatDateTime(o.decidedAt, tz)} by {o.decidedBy?.name ?? 'someone'}
      </Text>
    </Stack>
  );
}

function DecideForm({ decision: d, onDone }: { decision: DecisionDetail; onDone: Done }) {
  const ws = useWorkspace();
  const actions = useDecisionActions(ws.slug, d.id);
  const form = useFormState({ chosenOption: '', rationale: '', whatChanged: '' });
  const submit = form.handleSubmit(
    DecideRequest,
    async (body) => {
      const r = await actions.decide.mutateAsync(body);
      onDone(toldMessage(`Decided: ${body.chosenOption}.`, r.notified, 'No one gave input, so no one else was told.'));
    },
    { input: () => ({ ...form.values, whatChanged: form.values.whatChanged.trim() || null }) },
  );
  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            Record the outcome
          </Title>
          {d.anyObjection && (
            <Alert color="orange" variant="light">
              {d.counts.object === 1 ? 'One stakeholder objected' : `${d.counts.object} stakeholders objected`}: say what changed because of the input.
            </Alert>
          )}
          <Radio.Group label="Chosen option" required value={form.values.chosenOption} onChange={(v) => form.set('chosenOption', v)} error={form.errors.chosenOption}>
            <Stack gap={6} mt={4}>
              {d.options.map((o) => (
                <Radio key={o} value={o} label={o} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea label="Rationale" required autosize minRows={2} {...form.input('rationale')} />
          <Textarea
            label="What changed because of the input"
            required={d.anyObjection}
            description={d.anyObjection ? 'Required: someone objected.' : 'Optional when nobody objected.'}
            autosize
            minRows={2}
            {...form.input('whatChanged')}
          />
          <FormError message={form.formError} />
          <Text size="sm" c="dimmed">
            Everyone who gave input will be told the outcome.
          </Text>
          <Group>
            <Button type="submit" loading={form.submitting}>
              Record the decision
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function ReopenButton({ decision: d, onDone }: { decision: DecisionDetail; onDone: Done }) {
  const ws = useWorkspace();
  const actions = useDecisionActions(ws.slug, d.id);
  const [open, setOpen] = useState(false);
  const form = useFormState({ reason: '', ...windowDefaults() });
  const submit = form.handleSubmit(
    ReopenDecisionRequest,
    async (body) => {
      const r = await actions.reopen.mutateAsync(body);
      setOpen(false);
      onDone(toldMessage('Reopened for input; the earlier outcome stays in the history.', r.notified));
    },
    // A cleared date field reads "Required", not the API's ISO format.
    { input: () => ({ ...form.values, inputClosesAt: localInputToIso(form.values.inputClosesAt) || undefined, decideBy: form.values.decideBy || undefined }) },
  );
  return (
    <>
      <Group mt="md">
        <Button variant="default" onClick={() => setOpen(true)}>
          Reopen for input
        </Button>
      </Group>
      <Modal opened={open} onClose={() => setOpen(false)} title="Reopen the decision">
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Textarea label="Why reopen it?" required autosize minRows={2} {...form.input('reason')} />
            <TextInput type="datetime-local" label={`Input closes at (${browserTimeZone()})`} required {...form.input('inputClosesAt')} />
            <TextInput type="date" label="Decide by" required {...form.input('decideBy')} />
            <FormError message={form.formError} />
            <Button type="submit" loading={form.submitting}>
              Reopen and ask again
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
