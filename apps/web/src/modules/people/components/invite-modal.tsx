import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { CreateInvitationRequest, ROLE_LABELS, ROLES, type CreateInvitationResponse, type Role } from '@tandem/contracts';
import { CopyField } from '../../../app/components/copy-field.tsx';
import { FormError } from '../../../app/components/query-state.tsx';
import { err, useFormState } from '../../../app/forms.ts';
import { formatDateTime } from '../../../app/format.ts';
import { useRequiredSession } from '../../../app/session.tsx';
import { wsKey } from '../../../app/workspace-context.tsx';
import { peopleApi } from '../api/people.api.ts';
import { ROLE_DESCRIPTIONS } from './role-descriptions.ts';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export function InviteModal({ slug, opened, onClose }: { slug: string; opened: boolean; onClose: () => void }) {
  const session = useRequiredSession();
  const queryClient = useQueryClient();
  const form = useFormState({ email: '', role: 'sales' as Role, name: '' });
  const [submitting, setSubmitting] = useState(false);
  const [created, setCreated] = useState<CreateInvitationResponse | null>(null);

  function close() {
    form.reset();
    setCreated(null);
    onClose();
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const body = form.validate(CreateInvitationRequest, {
      email: form.values.email,
      role: form.values.role,
      name: form.values.name.trim() || undefined,
    });
    if (!body) return;
    setSubmitting(true);
    try {
      const invitation = await peopleApi.invite(slug, body);
      setCreated(invitation);
      await queryClient.invalidateQueries({ queryKey: wsKey(slug, 'invitations') });
    } catch (error) {
      form.showServerError(error);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Modal opened={opened} onClose={close} title={created ? 'Invitation ready' : 'Invite a person'} centered size="lg">
      {created ? (
        <Stack gap="md">
          <Text size="sm">
            <b>{created.email}</b> is invited as <b>{ROLE_LABELS[created.role]}</b>.
          </Text>
          <CopyField label="Invite link" value={created.url} />
          <Text size="sm" c="dimmed">
            Send this link to the person; it expires on {formatDateTime(created.expiresAt, session.user.timeZone)}. Tandem
            does not email it for you.
          </Text>
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                form.reset();
                setCreated(null);
              }}
            >
              Invite another person
            </Button>
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <FormError message={form.formError} />
            <TextInput
              label="Email"
              type="email"
              required
              data-autofocus
              value={form.values.email}
              onChange={(e) => form.set('email', e.currentTarget.value)}
              error={err(form.errors, 'email')}
            />
            <Select
              label="Role"
              data={ROLE_OPTIONS}
              value={form.values.role}
              onChange={(v) => v && form.set('role', v as Role)}
              allowDeselect={false}
              required
              description={ROLE_DESCRIPTIONS[form.values.role]}
              error={err(form.errors, 'role')}
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              label="Name (optional)"
              description="Pre-fills their name; they can change it when they accept."
              value={form.values.name}
              onChange={(e) => form.set('name', e.currentTarget.value)}
              error={err(form.errors, 'name')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={submitting}>
                Cancel
              </Button>
              <Button type="submit" loading={submitting}>
                Create invite link
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
