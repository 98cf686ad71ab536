import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { LinkResponse, Member } from '@tandem/contracts';
import { errorMessage } from '../../../app/api-client.ts';
import { CopyField } from '../../../app/components/copy-field.tsx';
import { FormError } from '../../../app/components/query-state.tsx';
import { formatDateTime } from '../../../app/format.ts';
import { useRequiredSession } from '../../../app/session.tsx';
import { peopleApi } from '../api/people.api.ts';

export function ResetLinkModal({ slug, member, onClose }: { slug: string; member: Member | null; onClose: () => void }) {
  const session = useRequiredSession();
  const [link, setLink] = useState<LinkResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  function close() {
    setLink(null);
    setError(null);
    onClose();
  }

  async function create() {
    if (!member) return;
    setLoading(true);
    setError(null);
    try {
      setLink(await peopleApi.passwordResetLink(slug, member.userId));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }

  return (
    <Modal opened={member !== null} onClose={close} title="Password reset link" centered size="lg">
      {member && (
        <Stack gap="md">
          {link ? (
            <>
              <CopyField label="Reset link" value={link.url} />
              <Text size="sm" c="dimmed">
                Send this link to {member.name}; it works once and expires on{' '}
                {formatDateTime(link.expiresAt, session.user.timeZone)}. Opening it lets them choose a new password.
              </Text>
              <Group justify="flex-end">
                <Button onClick={close}>Done</Button>
              </Group>
            </>
          ) : (
            <>
              <Text size="sm">
                Create a link that lets <b>{member.name}</b> ({member.email}) choose a new password. Their current
                password keeps working until they use it.
              </Text>
              <FormError message={error} />
              <Group justify="flex-end">
                <Button variant="default" onClick={close} disabled={loading}>
                  Cancel
                </Button>
                <Button onClick={() => void create()} loading={loading}>
                  Create reset link
                </Button>
              </Group>
            </>
          )}
        </Stack>
      )}
    </Modal>
  );
}
