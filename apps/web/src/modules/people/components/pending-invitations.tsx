import { useState } from 'react';
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { ROLE_LABELS, type Invitation } from '@tandem/contracts';
import { ConfirmModal } from '../../../app/components/confirm-modal.tsx';
import { notifySuccess } from '../../../app/components/notify.ts';
import { DataTable, QueryView, TableSkeleton, formatDate, formatRelative, isPast, type DataTableColumn } from '../../../app/kit/index.ts';
import { useRequiredSession } from '../../../app/session.tsx';
import { useConfirmAction } from '../../../app/use-confirm-action.ts';
import { useRevokeInvitation } from '../hooks/use-member-actions.ts';
import { useInvitations } from '../hooks/use-members.ts';
import { NewInvitationLinkModal } from './new-invitation-link-modal.tsx';

/** Invitations nobody has accepted yet; nothing at all while there are none. */
export function PendingInvitations({ slug }: { slug: string }) {
  const session = useRequiredSession();
  const invitations = useInvitations(slug, true);
  const [renewing, setRenewing] = useState<Invitation | null>(null);
  const revokeInvitation = useRevokeInvitation(slug);
  const revoke = useConfirmAction(async (inv: Invitation) => {
    await revokeInvitation.mutateAsync(inv.id);
    notifySuccess(`The invitation for ${inv.email} no longer works.`, 'Invitation revoked');
  });

  const actions = (inv: Invitation, phone: boolean) => (
    <InvitationActions invitation={inv} phone={phone} onNewLink={() => setRenewing(inv)} onRevoke={() => revoke.ask(inv)} />
  );
  const columns: DataTableColumn<Invitation>[] = [
    { key: 'email', header: 'Email', cell: (inv) => <Text size="sm">{inv.email}</Text> },
    { key: 'role', header: 'Role', cell: (inv) => <Text size="sm">{ROLE_LABELS[inv.role]}</Text> },
    { key: 'invitedBy', header: 'Invited by', cell: (inv) => <Text size="sm">{inv.invitedBy ?? '—'}</Text> },
    {
      key: 'expires',
      header: 'Expires',
      cell: (inv) =>
        isPast(inv.expiresAt) ? (
          <Badge color="gray" variant="light" tt="none">
            Expired
          </Badge>
        ) : (
          <Text size="sm" title={formatDate(inv.expiresAt, session.user.timeZone)}>
            {formatRelative(inv.expiresAt)}
          </Text>
        ),
    },
    { key: 'actions', header: null, label: 'Actions', align: 'right', cell: (inv) => actions(inv, false) },
  ];

  return (
    <>
      <QueryView
        query={invitations}
        skeleton={<TableSkeleton rows={2} />}
        empty={{ when: (d) => d.items.length === 0, content: null }}
      >
        {(d) => (
          <Card withBorder radius="md" p="md">
            <Stack gap="sm">
              <Title order={3} size="h5">
                Pending invitations ({d.total})
              </Title>
              <Text size="sm" c="dimmed">
                These people have a link but haven’t joined yet. Make a new link if theirs was lost or has expired; revoke an
                invitation to make its link stop working.
              </Text>
              <DataTable
                aria-label="Pending invitations"
                rows={d.items}
                rowKey={(inv) => inv.id}
                columns={columns}
                minWidth={640}
                renderCard={(inv) => (
                  <Stack gap={6}>
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Text size="sm" fw={600} truncate>
                        {inv.email}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {ROLE_LABELS[inv.role]} · {isPast(inv.expiresAt) ? 'expired' : `expires ${formatRelative(inv.expiresAt)}`}
                      </Text>
                    </Stack>
                    {actions(inv, true)}
                  </Stack>
                )}
              />
            </Stack>
          </Card>
        )}
      </QueryView>
      <NewInvitationLinkModal slug={slug} invitation={renewing} onClose={() => setRenewing(null)} />
      <ConfirmModal {...revoke.modal} title="Revoke invitation?" confirmLabel="Revoke invitation" danger>
        {`The link sent to ${revoke.target?.email ?? ''} will stop working. You can invite them again later.`}
      </ConfirmModal>
    </>
  );
}

interface InvitationActionsProps {
  invitation: Invitation;
  /** On a phone the buttons sit under the details, tinted so they read as buttons. */
  phone: boolean;
  onNewLink: () => void;
  onRevoke: () => void;
}

function InvitationActions({ invitation, phone, onNewLink, onRevoke }: InvitationActionsProps) {
  const variant = phone ? 'light' : 'subtle';
  return (
    <Group gap={phone ? 'xs' : 4} wrap="nowrap" justify={phone ? 'flex-start' : 'flex-end'}>
      <Button size="xs" variant={variant} onClick={onNewLink} aria-label={`New link for ${invitation.email}`}>
        New link
      </Button>
      <Button size="xs" variant={variant} color="red" onClick={onRevoke} aria-label={`Revoke invitation for ${invitation.email}`}>
        Revoke
      </Button>
    </Group>
  );
}
