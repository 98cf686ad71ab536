import { Button, Text } from '@mantine/core';
import type { Member } from '@tandem/contracts';
import { SecretShownOnce } from '../../../app/components/secret-shown-once.tsx';
import { formatDateTime } from '../../../app/kit/index.ts';
import { useRequiredSession } from '../../../app/session.tsx';
import { useIssuePasswordReset } from '../hooks/use-member-actions.ts';
import { CreateLinkModal } from './create-link-modal.tsx';

export function ResetLinkModal({ slug, member, onClose }: { slug: string; member: Member | null; onClose: () => void }) {
  const session = useRequiredSession();
  const issue = useIssuePasswordReset(slug);
  return (
    <CreateLinkModal
      target={member}
      title="Password reset link"
      intro={(m) => (
        <Text size="sm">
          Create a link that lets <b>{m.name}</b> ({m.email}) choose a new password. Their current password keeps working
          until they use it.
        </Text>
      )}
      createLabel="Create reset link"
      create={(m) => issue.mutateAsync(m.userId)}
      shown={(link, m, close) => (
        <SecretShownOnce label="Reset link" value={link.url} actions={<Button onClick={close}>Done</Button>}>
          Tandem emails this link to {m.email}; you can also send it yourself. It works once and expires on{' '}
          {formatDateTime(link.expiresAt, session.user.timeZone)}. Opening it lets them choose a new password.
        </SecretShownOnce>
      )}
      onClose={onClose}
    />
  );
}
