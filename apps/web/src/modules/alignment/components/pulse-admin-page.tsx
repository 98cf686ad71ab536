import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Anchor, Badge, Button, Card, Group, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { FRICTION_LABELS, PULSE_CADENCES, type AlignmentSettings, type PulseCadence } from '@tandem/contracts';
import { PageHeader } from '../../../app/components/page-header.tsx';
import { notifyError, notifySuccess } from '../../../app/components/notify.ts';
import { QueryView } from '../../../app/kit/index.ts';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useAlignmentSettings, useClosePulse, usePulses, useSchedulePulse, useUpdateAlignmentSettings } from '../hooks/use-alignment.ts';

const CADENCE_LABELS: Record<PulseCadence, string> = { off: 'Only when I run one', monthly: 'Monthly', quarterly: 'Quarterly' };

/** The admin's pulse page: run a pulse now, see who answered (counts only), close it, and edit the questions and rules. */
export function PulseAdminPage() {
  const ws = useWorkspace();
  const pulses = usePulses(ws.slug);
  const schedule = useSchedulePulse(ws.slug);
  const close = useClosePulse(ws.slug);
  const running = pulses.data?.items.find((p) => p.status !== 'closed');
  return (
    <>
      <PageHeader title="Pulse surveys" description="A short anonymous pulse both teams answer. Running one invites every marketing and sales member through their notifications; those who have not answered are reminded two days before it closes." />
      <Stack gap="lg">
        <Group>
          <Button
            disabled={!!running}
            loading={schedule.isPending}
            onClick={() =>
              schedule.mutate(
                { days: 7 },
                { onSuccess: (p) => notifySuccess(`Pulse ${p.number} is open for 7 days. ${p.invited} marketing and sales members were invited.`, 'Pulse running'), onError: (e) => notifyError(e) },
              )
            }
          >
            Run a pulse now
          </Button>
          {running && (
            <Text size="sm">
              Pulse {running.number} is {running.status}: {running.answered} of {running.invited} answered.
            </Text>
          )}
        </Group>
        <QueryView query={pulses} error="Could not load the pulses">
          {(d) =>
            d.items.length === 0 ? (
              <Text size="sm">No pulse yet.</Text>
            ) : (
              <Table.ScrollContainer minWidth={520}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Pulse</Table.Th>
                      <Table.Th>Status</Table.Th>
                      <Table.Th>Window</Table.Th>
                      <Table.Th>Answered</Table.Th>
                      <Table.Th>Actions</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.items.map((p) => (
                      <Table.Tr key={p.id}>
                        <Table.Td>#{p.number}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={p.status === 'open' ? 'blue' : 'gray'}>
                            {p.status}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          {p.opensAt.slice(0, 10)} – {p.closesAt.slice(0, 10)}
                        </Table.Td>
                        <Table.Td>
                          {p.answered} of {p.invited}
                        </Table.Td>
                        <Table.Td>
                          {p.status === 'closed' ? (
                            <Anchor component={Link} to={`/w/${ws.slug}/alignment/pulses/${p.id}/results`} style={{ textDecoration: 'underline' }}>
                              Results of pulse {p.number}
                            </Anchor>
                          ) : (
                            <Button
                              size="xs"
                              variant="light"
                              color="red"
                              loading={close.isPending}
                              onClick={() => close.mutate(p.id, { onSuccess: () => notifySuccess(`Pulse ${p.number} is closed; its results are readable.`, 'Pulse closed'), onError: (e) => notifyError(e) })}
                            >
                              Close pulse {p.number} now
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          }
        </QueryView>
        <SettingsCard />
      </Stack>
    </>
  );
}

function SettingsCard() {
  const ws = useWorkspace();
  const settings = useAlignmentSettings(ws.slug);
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        Questions and rules
      </Title>
      <QueryView query={settings} error="Could not load the settings">
        {(s) => <SettingsForm key={JSON.stringify(s)} initial={s} />}
      </QueryView>
    </Card>
  );
}

function SettingsForm({ initial }: { initial: AlignmentSettings }) {
  const ws = useWorkspace();
  const [s, setS] = useState(initial);
  const save = useUpdateAlignmentSettings(ws.slug);
  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <NumberInput label="Minimum group size" description="No figure for fewer answers; never below 3" min={3} max={50} value={s.minGroupSize} onChange={(v) => setS({ ...s, minGroupSize: Number(v) || 3 })} w={220} />
        <Select
          label="Cadence"
          data={PULSE_CADENCES.map((c) => ({ value: c, label: CADENCE_LABELS[c] }))}
          value={s.cadence}
          onChange={(v) => v && setS({ ...s, cadence: v as PulseCadence })}
          allowDeselect={false}
          w={220}
        />
      </Group>
      {s.questions.map((q, i) => (
        <TextInput
          key={q.id}
          label={`${FRICTION_LABELS[q.friction]}${q.mirrorOf ? ' (mirrored)' : ''}`}
          value={q.text}
          onChange={(e) => {
            const text = e.currentTarget.value;
            setS({ ...s, questions: s.questions.map((x, j) => (j === i ? { ...x, text } : x)) });
          }}
        />
      ))}
      <TextInput label="Free-text question (optional to answer)" value={s.freeTextQuestion} onChange={(e) => setS({ ...s, freeTextQuestion: e.currentTarget.value })} />
      <Alert color="gray">A pulse keeps the statements it was asked with; edits apply from the next pulse.</Alert>
      <Group>
        <Button loading={save.isPending} onClick={() => save.mutate(s, { onSuccess: () => notifySuccess('The next pulse uses these statements and rules.', 'Saved'), onError: (e) => notifyError(e, 'Not saved') })}>
          Save questions and rules
        </Button>
      </Group>
    </Stack>
  );
}
