import { Button, Text } from '@mantine/core';
import { ROLE_LABELS, type Invitation } from '@tandem/contracts';
import { useInvite } from '../hooks/use-member-actions.ts';
import { CreateLinkModal } from './create-link-modal.tsx';
import { InvitationLink } from './invitation-link.tsx';

/**
 * For an admin who lost an invitation link (Tandem keeps only a hash): inviting the same
 * email and role again replaces the pending invitation, so the old link stops working.
 */
export function NewInvitationLinkModal(props: { slug: string; invitation: Invitation | null; onClose: () => void }) {
  const { slug, invitation, onClose } = props;
  const invite = useInvite(slug);
  return (
    <CreateLinkModal
      target={invitation}
      title="New invitation link"
      intro={(inv) => (
        <Text size="sm">
          Create a new link for <b>{inv.email}</b> to join as <b>{ROLE_LABELS[inv.role]}</b>. The link sent before stops
          working.
        </Text>
      )}
      createLabel="Create new link"
      create={(inv) => invite.mutateAsync({ email: inv.email, role: inv.role })}
      shown={(created, _inv, close) => <InvitationLink invitation={created} actions={<Button onClick={close}>Done</Button>} />}
      onClose={onClose}
    />
  );
}
