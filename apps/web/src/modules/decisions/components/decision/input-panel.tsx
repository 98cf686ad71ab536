import { Button, Card, Group, Radio, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { DecisionInputRequest, type DecisionDetail, type DecisionStance } from '@tandem/contracts';
import { FormError, formatDateTime } from '../../../../app/kit/index.ts';
import { useFormState } from '../../../../app/forms.ts';
import { useRequiredSession } from '../../../../app/session.tsx';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useDecisionActions } from '../../hooks/use-decisions.ts';
import { StanceBadge, StanceCountsLine } from '../shared/decision-bits.tsx';

/** Input by stakeholder with the counts, and — for a stakeholder while the window is open — the caller's own form. */
export function InputPanel({ decision: d, onDone }: { decision: DecisionDetail; onDone: (message: string) => void }) {
  const { timeZone: tz, id: me } = useRequiredSession().user;
  const answered = d.stakeholders.filter((s) => s.input).length;
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb={4}>
        Input
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {answered} of {d.stakeholders.length} stakeholders answered{d.round > 1 ? ' in this round' : ''}.
      </Text>
      <StanceCountsLine counts={d.counts} />
      <Table mt="sm" verticalSpacing={6} aria-label="Input by stakeholder">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Stakeholder</Table.Th>
            <Table.Th>Input</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.stakeholders.map((s) => (
            <Table.Tr key={s.userId}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {s.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {s.viaLabel ?? 'Asked by name'}
                </Text>
              </Table.Td>
              <Table.Td>
                {s.input ? (
                  <Stack gap={2}>
                    <StanceBadge stance={s.input.stance} />
                    {s.input.comment && <Text size="sm">{s.input.comment}</Text>}
                    <Text size="xs" c="dimmed">
                      {formatDateTime(s.input.updatedAt, tz)}
                    </Text>
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed">
                    No answer yet
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {d.permissions.giveInput && <InputForm decision={d} onDone={onDone} />}
      {d.phase === 'collecting_input' && !d.permissions.giveInput && !d.permissions.decide && !d.stakeholders.some((s) => s.userId === me) && (
        <Text size="sm" c="dimmed" mt="sm">
          You were not asked for input on this decision; only the stakeholders above give it. {d.owner.name} owns it.
        </Text>
      )}
    </Card>
  );
}

function InputForm({ decision: d, onDone }: { decision: DecisionDetail; onDone: (message: string) => void }) {
  const ws = useWorkspace();
  const me = useRequiredSession().user.id;
  const mine = d.stakeholders.find((s) => s.userId === me)?.input;
  const form = useFormState({ stance: (mine?.stance ?? '') as DecisionStance | '', comment: mine?.comment ?? '' });
  const actions = useDecisionActions(ws.slug, d.id);
  const submit = form.handleSubmit(DecisionInputRequest, async (body) => {
    await actions.giveInput.mutateAsync(body);
    onDone(`Your input was recorded (${body.stance}). ${d.owner.name}, the owner, sees it on this page; you can change it until input closes.`);
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" mt="md">
        <Title order={3} size="h5">
          {mine ? 'Change your input' : 'Your input'}
        </Title>
        <Radio.Group label="Your stance" required value={form.values.stance} onChange={(v) => form.set('stance', v as DecisionStance)} error={form.errors.stance}>
          <Group gap="md" mt={4}>
            <Radio value="support" label="Support" />
            <Radio value="concern" label="Concern" />
            <Radio value="object" label="Object" />
          </Group>
        </Radio.Group>
        <Textarea
          label="Comment"
          description="Required for a concern or an objection: what would change your mind?"
          autosize
          minRows={2}
          {...form.input('comment')}
        />
        <FormError message={form.formError} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {mine ? 'Update my input' : 'Send my input'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
