import { useState } from 'react';
import { Button, Modal, Select, TextInput } from '@mantine/core';
import { CreateInvitationRequest, type CreateInvitationResponse, type Role } from '@tandem/contracts';
import { ModalForm } from '../../../app/components/modal-form.tsx';
import { useFormState } from '../../../app/forms.ts';
import { useInvite } from '../hooks/use-member-actions.ts';
import { InvitationLink } from './invitation-link.tsx';
import { ROLE_DESCRIPTIONS, ROLE_OPTIONS } from './role-descriptions.ts';

export function InviteModal({ slug, opened, onClose }: { slug: string; opened: boolean; onClose: () => void }) {
  const invite = useInvite(slug);
  const form = useFormState({ email: '', role: 'sales' as Role, name: '' });
  const [created, setCreated] = useState<CreateInvitationResponse | null>(null);

  function startOver() {
    form.reset();
    setCreated(null);
  }

  function close() {
    startOver();
    onClose();
  }

  const onSubmit = form.handleSubmit(
    CreateInvitationRequest,
    async (body) => {
      setCreated(await invite.mutateAsync(body));
    },
    { input: () => ({ ...form.values, name: form.values.name.trim() || undefined }) },
  );

  return (
    <Modal opened={opened} onClose={close} title={created ? 'Invitation ready' : 'Invite a person'} centered size="lg">
      {created ? (
        <InvitationLink
          invitation={created}
          actions={
            <>
              <Button variant="default" onClick={startOver}>
                Invite another person
              </Button>
              <Button onClick={close}>Done</Button>
            </>
          }
        />
      ) : (
        <ModalForm form={form} onSubmit={onSubmit} onCancel={close} submitLabel="Create invite link">
          <TextInput label="Email" type="email" required data-autofocus {...form.input('email')} />
          <Select
            label="Role"
            data={ROLE_OPTIONS}
            {...form.field('role')}
            onChange={(v) => v && form.set('role', v as Role)}
            allowDeselect={false}
            required
            description={ROLE_DESCRIPTIONS[form.values.role]}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label="Name (optional)"
            description="Pre-fills their name; they can change it when they accept."
            {...form.input('name')}
          />
        </ModalForm>
      )}
    </Modal>
  );
}
