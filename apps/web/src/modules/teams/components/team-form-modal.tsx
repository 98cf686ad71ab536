import { useEffect } from 'react';
import { Modal, MultiSelect, Select, Textarea, TextInput } from '@mantine/core';
import { CreateTeamRequest, ROLE_LABELS, type Team } from '@tandem/contracts';
import { ModalForm } from '../../../app/components/modal-form.tsx';
import { notifySuccess } from '../../../app/components/notify.ts';
import { err, useFormState } from '../../../app/forms.ts';
import { useAllMembers } from '../../people/index.ts';
import { useCreateTeam, useUpdateTeam } from '../hooks/use-teams.ts';

interface TeamFormModalProps {
  slug: string;
  opened: boolean;
  /** null creates a new team */
  team: Team | null;
  onClose: () => void;
}

const EMPTY = { name: '', description: '', leadUserId: '', memberUserIds: [] as string[] };

export function TeamFormModal({ slug, opened, team, onClose }: TeamFormModalProps) {
  const createTeam = useCreateTeam(slug);
  const updateTeam = useUpdateTeam(slug);
  const members = useAllMembers(slug, { activeOnly: true, enabled: opened });
  const form = useFormState(EMPTY);

  useEffect(() => {
    if (!opened) return;
    form.reset(
      team
        ? {
            name: team.name,
            description: team.description ?? '',
            leadUserId: team.lead?.userId ?? '',
            memberUserIds: team.members.map((m) => m.userId),
          }
        : EMPTY,
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset only when the modal opens
  }, [opened, team]);

  const people = (members.data ?? []).map((m) => ({
    value: m.userId,
    label: `${m.name} · ${ROLE_LABELS[m.role]}`,
  }));
  // Keep people already on the team selectable even if they were since deactivated.
  for (const m of team?.members ?? []) {
    if (!people.some((p) => p.value === m.userId)) people.push({ value: m.userId, label: `${m.name} · ${ROLE_LABELS[m.role]}` });
  }
  if (team?.lead && !people.some((p) => p.value === team.lead?.userId)) {
    people.push({ value: team.lead.userId, label: team.lead.name });
  }

  const onSubmit = form.handleSubmit(
    CreateTeamRequest,
    async (body) => {
      if (team) {
        await updateTeam.mutateAsync({ teamId: team.id, body: { ...body, description: body.description ?? null } });
        notifySuccess(`${body.name} is saved.`, 'Team updated');
      } else {
        await createTeam.mutateAsync(body);
        notifySuccess(`${body.name} is created.`, 'Team created');
      }
      onClose();
    },
    {
      input: () => ({
        name: form.values.name,
        description: form.values.description.trim() || undefined,
        leadUserId: form.values.leadUserId || null,
        memberUserIds: form.values.memberUserIds,
      }),
    },
  );

  return (
    <Modal opened={opened} onClose={onClose} title={team ? `Edit ${team.name}` : 'Create team'} centered size="lg">
      <ModalForm form={form} onSubmit={onSubmit} onCancel={onClose} submitLabel={team ? 'Save team' : 'Create team'}>
        <TextInput label="Team name" placeholder="e.g. EMEA Enterprise" required data-autofocus {...form.input('name')} />
        <Textarea
          label="Description (optional)"
          placeholder="What this team sells, or which region it covers"
          autosize
          minRows={2}
          maxRows={5}
          {...form.input('description')}
        />
        <Select
          label="Team lead (optional)"
          placeholder={members.isPending ? 'Loading people…' : 'Pick a person'}
          data={people}
          searchable
          clearable
          nothingFoundMessage="Nobody with that name"
          value={form.values.leadUserId || null}
          onChange={(v) => {
            form.set('leadUserId', v ?? '');
            if (v && !form.values.memberUserIds.includes(v)) form.set('memberUserIds', [...form.values.memberUserIds, v]);
          }}
          error={err(form.errors, 'leadUserId')}
        />
        <MultiSelect
          label="Members"
          description="Pick everyone on this team. The lead is added automatically."
          placeholder={form.values.memberUserIds.length ? undefined : 'Search people'}
          data={people}
          searchable
          clearable
          hidePickedOptions
          nothingFoundMessage="Nobody with that name"
          {...form.field('memberUserIds')}
        />
      </ModalForm>
    </Modal>
  );
}
