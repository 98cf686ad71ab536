import type { ReactNode } from 'react';
import { Text } from '@mantine/core';
import { ROLE_LABELS, type CreateInvitationResponse } from '@tandem/contracts';
import { SecretShownOnce } from '../../../app/components/secret-shown-once.tsx';
import { formatDateTime } from '../../../app/kit/index.ts';
import { useRequiredSession } from '../../../app/session.tsx';

/** A fresh invitation link to pass on, after inviting someone or making them a new link. */
export function InvitationLink({ invitation, actions }: { invitation: CreateInvitationResponse; actions: ReactNode }) {
  const session = useRequiredSession();
  return (
    <SecretShownOnce
      label="Invite link"
      value={invitation.url}
      above={
        <Text size="sm">
          <b>{invitation.email}</b> is invited as <b>{ROLE_LABELS[invitation.role]}</b>.
        </Text>
      }
      actions={actions}
    >
      Tandem emails this link to {invitation.email}; you can also send it yourself. It expires on{' '}
      {formatDateTime(invitation.expiresAt, session.user.timeZone)}.
    </SecretShownOnce>
  );
}
