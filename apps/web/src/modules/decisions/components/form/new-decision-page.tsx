import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ActionIcon, Button, Card, Checkbox, Group, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { CreateDecisionRequest, DECISION_KIND_LABELS, DECISION_KINDS, ROLE_LABELS, ROLES, type DecisionKind, type Role } from '@tandem/contracts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { problemFieldErrors, serverErrorSummary, useFormState } from '../../../../app/forms.ts';
import { browserTimeZone, FormError } from '../../../../app/kit/index.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useCreateDecision, useStakeholderOptions } from '../../hooks/use-decisions.ts';
import { LinkSelect, linksInput } from '../shared/link-select.tsx';
import { localInputToIso, windowDefaults } from '../shared/local-time.ts';
import { toldMessage } from '../shared/told.ts';

const KIND_DATA = DECISION_KINDS.map((k) => ({ value: k, label: DECISION_KIND_LABELS[k] }));

/** Opens a decision for input: what, why now, the options, who is asked, until when. */
export function NewDecisionPage() {
  const ws = useWorkspace();
  const navigate = useNavigate();
  const create = useCreateDecision(ws.slug);
  const stakeholders = useStakeholderOptions(ws.slug);
  const start = windowDefaults();
  const form = useFormState({
    title: '',
    kind: 'positioning_messaging' as DecisionKind,
    context: '',
    inputClosesAt: start.inputClosesAt,
    decideBy: start.decideBy,
  });
  const [options, setOptions] = useState<string[]>(['', '']);
  const [people, setPeople] = useState<string[]>([]);
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [roles, setRoles] = useState<Role[]>([]);
  const [links, setLinks] = useState<string[]>([]);

  const teams = stakeholders.data?.teams ?? [];
  const suggested = teams.filter((t) => teamIds.includes(t.teamId) && t.lead && !people.includes(t.lead.userId)).map((t) => ({ team: t.name, lead: t.lead! }));

  const submit = form.handleSubmit(
    CreateDecisionRequest,
    async (body) => {
      const r = await create.mutateAsync(body);
      navigate(`/w/${ws.slug}/decisions/${r.decision.id}`, { state: { told: toldMessage('Opened for input.', r.notified) } });
    },
    {
      leaves: true,
      input: () => ({
        ...form.values,
        // A cleared date field reads "Required", not the API's ISO format.
        inputClosesAt: localInputToIso(form.values.inputClosesAt) || undefined,
        decideBy: form.values.decideBy || undefined,
        options: options.map((o) => o.trim()).filter(Boolean),
        stakeholderIds: people,
        stakeholderTeamIds: teamIds,
        stakeholderRoles: roles,
        links: linksInput(links),
      }),
      // The options and the people asked live outside the form's values but show the server's errors beside them too:
      // the alert points at them instead of repeating "body.stakeholderIds: …".
      onError: (error) => {
        const shown = [...Object.keys(form.values), 'options', 'stakeholderIds', ...options.map((_, i) => `options.${i}`)];
        form.setFormError(serverErrorSummary(error, problemFieldErrors(error), shown));
      },
    },
  );

  return (
    <>
      <PageHeader title="New decision" description="Open a decision for input: the people you ask are told now, reminded a day before input closes if they have not answered, and told the outcome." />
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={860}>
          <Card withBorder>
            <Stack gap="sm">
              <TextInput label="Title" required placeholder="What is being decided" {...form.input('title')} />
              <Select label="Kind" required data={KIND_DATA} allowDeselect={false} {...form.field('kind')} onChange={(v) => v && form.set('kind', v as DecisionKind)} />
              <Textarea label="Context" required description="What is being decided, and why now." autosize minRows={3} {...form.input('context')} />
              <Stack gap={6}>
                <Text size="sm" fw={500}>
                  Options considered
                </Text>
                {options.map((o, i) => (
                  <Group key={i} gap="xs" wrap="nowrap">
                    <TextInput
                      aria-label={`Option ${i + 1}`}
                      placeholder={`Option ${i + 1}`}
                      value={o}
                      onChange={(e) => {
                        const v = e.currentTarget.value;
                        setOptions((xs) => xs.map((x, k) => (k === i ? v : x)));
                      }}
                      error={form.errors[`options.${i}`]}
                      style={{ flex: 1 }}
                    />
                    {options.length > 2 && (
                      <ActionIcon variant="subtle" color="gray" aria-label={`Remove option ${i + 1}`} onClick={() => setOptions((xs) => xs.filter((_, k) => k !== i))}>
                        <IconX size={16} />
                      </ActionIcon>
                    )}
                  </Group>
                ))}
                {form.errors.options && (
                  <Text size="xs" c="red">
                    {form.errors.options}
                  </Text>
                )}
                <Group>
                  <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setOptions((xs) => [...xs, ''])} disabled={options.length >= 10}>
                    Add an option
                  </Button>
                </Group>
              </Stack>
            </Stack>
          </Card>
          <Card withBorder>
            <Stack gap="sm">
              <Title order={2} size="h4">
                Who is asked
              </Title>
              <MultiSelect
                label="Teams affected"
                description="Everyone in these teams is asked; their leads are suggested below."
                data={teams.map((t) => ({ value: t.teamId, label: `${t.name} (${t.memberCount})` }))}
                value={teamIds}
                onChange={setTeamIds}
                searchable
                clearable
              />
              {suggested.length > 0 && (
                <Group gap="xs">
                  <Text size="sm">Suggested:</Text>
                  {suggested.map((s) => (
                    <Button key={s.lead.userId} size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setPeople((p) => [...p, s.lead.userId])}>
                      {s.lead.name}, lead of {s.team}
                    </Button>
                  ))}
                </Group>
              )}
              <MultiSelect
                label="People"
                data={(stakeholders.data?.people ?? []).map((p) => ({ value: p.userId, label: `${p.name} (${ROLE_LABELS[p.role]})` }))}
                value={people}
                onChange={setPeople}
                error={form.errors.stakeholderIds}
                searchable
                clearable
              />
              <Checkbox.Group label="Whole roles" value={roles} onChange={(v) => setRoles(v as Role[])}>
                <Group gap="md" mt={4}>
                  {ROLES.map((r) => (
                    <Checkbox key={r} value={r} label={ROLE_LABELS[r]} />
                  ))}
                </Group>
              </Checkbox.Group>
            </Stack>
          </Card>
          <Card withBorder>
            <Stack gap="sm">
              <Title order={2} size="h4">
                Input window
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput type="datetime-local" label={`Input closes at (${browserTimeZone()})`} required description="Input is taken until this moment, not a second after." {...form.input('inputClosesAt')} />
                <TextInput type="date" label="Decide by" required {...form.input('decideBy')} />
              </SimpleGrid>
              <LinkSelect label="What it concerns (optional)" value={links} onChange={setLinks} />
            </Stack>
          </Card>
          <FormError message={form.formError} />
          <Group>
            <Button type="submit" loading={form.submitting}>
              Open for input
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
