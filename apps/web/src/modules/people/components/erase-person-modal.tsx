import { useState } from 'react';
import { Alert, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { ErasePersonRequest, type ErasePersonResponse, type Member } from '@tandem/contracts';
import { useFormState } from '../../../app/forms.ts';
import { FormError } from '../../../app/kit/index.ts';
import { useErasePerson } from '../hooks/use-person-data.ts';

/** The placeholder the server gives a person (people-data's `placeholderFor`): the same whoever erases them, whenever. */
function placeholderName(userId: string): string {
  return `Former member ${userId.replace(/-/g, '').slice(0, 8)}`;
}

interface ErasePersonModalProps {
  slug: string;
  workspaceName: string;
  /** The person to erase; null when closed. */
  member: Member | null;
  self: boolean;
  exporting: boolean;
  onExport: (member: Member) => void;
  onClose: () => void;
}

/**
 * Erasing a person for a data-subject request: says exactly what goes and what stays, asks for their email typed
 * again, and afterwards says what was done. Erasing yourself is refused here in plain words (the server refuses too).
 */
export function ErasePersonModal({ slug, workspaceName, member, self, exporting, onExport, onClose }: ErasePersonModalProps) {
  const erase = useErasePerson(slug);
  const form = useFormState({ email: '' });
  const [done, setDone] = useState<{ name: string; result: ErasePersonResponse } | null>(null);

  function close() {
    form.reset();
    setDone(null);
    onClose();
  }

  const onSubmit = form.handleSubmit(ErasePersonRequest, async (body) => {
    if (!member) return;
    const result = await erase.mutateAsync({ userId: member.userId, email: body.email });
    setDone({ name: member.name, result });
  });

  const title = done ? `${done.name} was erased` : self ? 'You cannot erase yourself' : `Erase ${member?.name ?? ''}?`;
  return (
    <Modal opened={member !== null || done !== null} onClose={close} title={title} centered size="lg">
      {done ? (
        <Stack gap="md">
          <Text size="sm">
            {done.name} is now <b>{done.result.placeholderName}</b> ({done.result.placeholderEmail}) everywhere in Tandem.{' '}
            {plural(done.result.sessionsEnded, 'session')} ended, {plural(done.result.tokensRevoked, 'API token')} revoked, and the
            name or email was replaced in {plural(done.result.valuesReplaced, 'stored value')}. What they wrote stays, under the
            placeholder. The audit log records the erasure under the placeholder.
          </Text>
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : self && member ? (
        <Stack gap="md">
          <Text size="sm">
            Tandem does not let anyone erase their own account, so that the workspace is never left without someone who can
            act on it. Ask another admin of {workspaceName} to erase you. You can still export your data.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => onExport(member)} loading={exporting}>
              Export my data
            </Button>
            <Button onClick={close}>OK</Button>
          </Group>
        </Stack>
      ) : (
        member && (
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="md">
              <Text size="sm">
                Erasing answers a request to delete a person’s data. It cannot be undone and reaches every workspace{' '}
                {member.name} belongs to:
              </Text>
              <List size="sm" spacing={6}>
                <List.Item>
                  Their password, sessions, API tokens, password-reset links and single sign-on link are deleted: they are signed
                  out and can no longer sign in.
                </List.Item>
                <List.Item>
                  Their name and email are replaced by <b>{placeholderName(member.userId)}</b> everywhere Tandem stores them,
                  including in what others wrote about them.
                </List.Item>
                <List.Item>
                  What they wrote (feedback, comments, requests, decisions) stays, but it is no longer attributed to them.
                </List.Item>
                <List.Item>The audit log records the erasure under the placeholder, not their name.</List.Item>
                <List.Item>
                  Backups made before now still hold them until they are deleted. If your identity provider still lets them in,
                  single sign-on would make them a new account: remove them there too.
                </List.Item>
              </List>
              <Alert color="blue" variant="light" p="sm">
                <Group justify="space-between" gap="xs">
                  <Text size="sm">To give them a copy, export their data first.</Text>
                  <Button size="xs" variant="default" onClick={() => onExport(member)} loading={exporting}>
                    Export their data
                  </Button>
                </Group>
              </Alert>
              <FormError message={form.formError} />
              <TextInput
                label={`Type ${member.email} to confirm`}
                type="email"
                autoComplete="off"
                data-autofocus
                {...form.input('email')}
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={close} disabled={form.submitting}>
                  Cancel
                </Button>
                <Button type="submit" color="red" loading={form.submitting}>
                  Erase {member.name}
                </Button>
              </Group>
            </Stack>
          </form>
        )
      )}
    </Modal>
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
