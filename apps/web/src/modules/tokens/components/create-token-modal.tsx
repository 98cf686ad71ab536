import { useState } from 'react';
import { Alert, Button, Code, Modal, Select, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { CreateApiTokenRequest, type CreateApiTokenResponse } from '@tandem/contracts';
import { ModalForm } from '../../../app/components/modal-form.tsx';
import { SecretShownOnce } from '../../../app/components/secret-shown-once.tsx';
import { err, useFormState } from '../../../app/forms.ts';
import { formatDate } from '../../../app/kit/index.ts';
import { useRequiredSession } from '../../../app/session.tsx';
import { useCreateToken } from '../hooks/use-tokens.ts';

const EXPIRY = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'never', label: 'Never' },
];

export function CreateTokenModal({ slug, opened, onClose }: { slug: string; opened: boolean; onClose: () => void }) {
  const session = useRequiredSession();
  const createToken = useCreateToken(slug);
  const form = useFormState({ name: '', expiry: '90' });
  const [created, setCreated] = useState<CreateApiTokenResponse | null>(null);

  function close() {
    form.reset();
    setCreated(null);
    onClose();
  }

  const onSubmit = form.handleSubmit(
    CreateApiTokenRequest,
    async (body) => {
      setCreated(await createToken.mutateAsync(body));
    },
    {
      input: () => ({
        name: form.values.name,
        expiresInDays: form.values.expiry === 'never' ? null : Number(form.values.expiry),
      }),
    },
  );

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? 'Copy your new token' : 'Create API token'}
      centered
      size="lg"
      // The token is shown once: don't lose it to a stray click outside.
      closeOnClickOutside={!created}
    >
      {created ? (
        <SecretShownOnce
          label="API token"
          value={created.token}
          above={
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="This is the only time you’ll see it">
              Copy the token now and store it somewhere safe, such as your password manager. Tandem keeps only a hash and
              cannot show it again.
            </Alert>
          }
          actions={<Button onClick={close}>I’ve copied it</Button>}
        >
          “{created.name}” {created.expiresAt ? `expires on ${formatDate(created.expiresAt, session.user.timeZone)}` : 'never expires'}.
          Use it as <Code>Authorization: Bearer {created.prefix}…</Code>
        </SecretShownOnce>
      ) : (
        <ModalForm form={form} onSubmit={onSubmit} onCancel={close} submitLabel="Create token">
          <TextInput
            label="Token name"
            description="What will use it, so you can recognise it later, e.g. “CRM sync script”"
            required
            data-autofocus
            {...form.input('name')}
          />
          <Select
            label="Expires after"
            data={EXPIRY}
            value={form.values.expiry}
            onChange={(v) => v && form.set('expiry', v)}
            allowDeselect={false}
            error={err(form.errors, 'expiresInDays')}
          />
        </ModalForm>
      )}
    </Modal>
  );
}
