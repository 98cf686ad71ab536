import { useState } from 'react';
import { Alert, Button, Modal, MultiSelect, TextInput } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { z } from 'zod';
import { CreateWebhookSubscription, EventTypeSchema, type EventType, type WebhookSubscription } from '@tandem/contracts';
import { ModalForm } from '../../../../app/components/modal-form.tsx';
import { SecretShownOnce } from '../../../../app/components/secret-shown-once.tsx';
import { err, useFormState } from '../../../../app/forms.ts';
import { useCreateWebhook } from '../../hooks/use-webhooks.ts';
import { eventOptions } from './event-options.ts';

const CreateForm = CreateWebhookSubscription.extend({
  eventTypes: z.array(EventTypeSchema).min(1, 'Choose at least one event'),
});

/** How a receiver checks a call, in one line (docs/webhooks.md in Tandem's source has a ready-to-run example). */
export const SIGNATURE_DOCS =
  'Check the Tandem-Signature header: "v1=" + hex HMAC-SHA256 of "<Tandem-Timestamp>.<body>" with this secret; refuse calls older than 5 minutes. docs/webhooks.md has a ready-to-run example.';

/** Add a webhook; once created, its signing secret with a copy button and how to use it. */
export function WebhookCreateModal({ slug, opened, onClose }: { slug: string; opened: boolean; onClose: () => void }) {
  const createWebhook = useCreateWebhook(slug);
  const form = useFormState({ url: '', description: '', eventTypes: [] as EventType[] });
  const [created, setCreated] = useState<WebhookSubscription | null>(null);

  function close() {
    form.reset();
    setCreated(null);
    onClose();
  }

  const onSubmit = form.handleSubmit(CreateForm, async (body) => {
    setCreated(await createWebhook.mutateAsync(body));
  });

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? 'Webhook added: copy its signing secret' : 'Add webhook'}
      centered
      size="lg"
      closeOnClickOutside={!created}
    >
      {created ? (
        <SecretShownOnce
          label="Signing secret"
          value={created.secret}
          above={
            <Alert color="blue" variant="light" icon={<IconShieldLock size={18} />} title="Let the receiver check that calls come from Tandem">
              Every call to {created.url} carries a signature made with this secret. Store the secret with the receiver and
              reject calls whose signature does not match. {SIGNATURE_DOCS}
            </Alert>
          }
          actions={<Button onClick={close}>Done</Button>}
        >
          Admins can see the secret again on this page. Send a test call to check the receiver answers.
        </SecretShownOnce>
      ) : (
        <ModalForm form={form} onSubmit={onSubmit} onCancel={close} submitLabel="Add webhook">
          <TextInput
            label="URL"
            description="Tandem sends a POST with the event as JSON to this address"
            placeholder="https://example.com/hooks/tandem"
            required
            data-autofocus
            {...form.input('url')}
          />
          <TextInput label="Description" description="What receives it, e.g. “Data warehouse sync”" {...form.input('description')} />
          <MultiSelect
            label="Events"
            description="Call the URL when one of these happens"
            placeholder={form.values.eventTypes.length ? undefined : 'Choose events'}
            data={eventOptions('webhook')}
            value={form.values.eventTypes}
            onChange={(v) => form.set('eventTypes', v as EventType[])}
            error={err(form.errors, 'eventTypes')}
            required
          />
        </ModalForm>
      )}
    </Modal>
  );
}
