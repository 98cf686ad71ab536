import { useState } from 'react';
import { Badge, Button, Card, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { ROLE_LABELS, type Invitation } from '@tandem/contracts';
import { ConfirmModal } from '../../../app/components/confirm-modal.tsx';
import { notifySuccess } from '../../../app/components/notify.ts';
import { QueryError, TableSkeleton } from '../../../app/components/query-state.tsx';
import { formatDate, formatRelative, isPast } from '../../../app/kit/format.ts';
import { useRequiredSession } from '../../../app/session.tsx';
import { useConfirmAction } from '../../../app/use-confirm-action.ts';
import { usePhone } from '../../../app/use-phone.ts';
import { wsKey } from '../../../app/workspace-context.tsx';
import { peopleApi } from '../api/people.api.ts';
import { useInvitations } from '../hooks/use-members.ts';
import { NewInvitationLinkModal } from './new-invitation-link-modal.tsx';

export function PendingInvitations({ slug }: { slug: string }) {
  const session = useRequiredSession();
  const queryClient = useQueryClient();
  const phone = usePhone();
  const invitations = useInvitations(slug, true);
  const [renewing, setRenewing] = useState<Invitation | null>(null);
  const revoke = useConfirmAction(async (inv: Invitation) => {
    await peopleApi.revokeInvitation(slug, inv.id);
    await queryClient.invalidateQueries({ queryKey: wsKey(slug, 'invitations') });
    notifySuccess(`The invitation for ${inv.email} no longer works.`, 'Invitation revoked');
  });

  if (invitations.isPending) return <TableSkeleton rows={2} />;
  if (invitations.isError) return <QueryError error={invitations.error} onRetry={() => void invitations.refetch()} />;
  const items = invitations.data.items;
  const expiryText = (inv: Invitation) =>
    isPast(inv.expiresAt) ? 'expired' : `expires ${formatRelative(inv.expiresAt)}`;
  if (items.length === 0) return null;
  const actions = (inv: Invitation) => (
    <InvitationActions
      invitation={inv}
      phone={phone}
      onNewLink={() => setRenewing(inv)}
      onRevoke={() => revoke.ask(inv)}
    />
  );

  return (
    <Card withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={3} size="h5">
          Pending invitations ({invitations.data.total})
        </Title>
        <Text size="sm" c="dimmed">
          These people have a link but haven’t joined yet. Make a new link if theirs was lost or has expired; revoke an
          invitation to make its link stop working.
        </Text>
        {phone ? (
          <Stack gap="xs">
            {items.map((inv) => (
              <Paper key={inv.id} withBorder p="sm" radius="md">
                <Stack gap={6}>
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text size="sm" fw={600} truncate>
                      {inv.email}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {ROLE_LABELS[inv.role]} · {expiryText(inv)}
                    </Text>
                  </Stack>
                  {actions(inv)}
                </Stack>
              </Paper>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Email</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Invited by</Table.Th>
                  <Table.Th>Expires</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((inv) => (
                  <Table.Tr key={inv.id}>
                    <Table.Td>
                      <Text size="sm">{inv.email}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{ROLE_LABELS[inv.role]}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{inv.invitedBy ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      {isPast(inv.expiresAt) ? (
                        <Badge color="gray" variant="light" tt="none">
                          Expired
                        </Badge>
                      ) : (
                        <Text size="sm" title={formatDate(inv.expiresAt, session.user.timeZone)}>
                          {formatRelative(inv.expiresAt)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{actions(inv)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <NewInvitationLinkModal slug={slug} invitation={renewing} onClose={() => setRenewing(null)} />
      <ConfirmModal {...revoke.modal} title="Revoke invitation?" confirmLabel="Revoke invitation" danger>
        {`The link sent to ${revoke.target?.email ?? ''} will stop working. You can invite them again later.`}
      </ConfirmModal>
    </Card>
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
      <Button size="xs" variant={variant} onClick={onNewLink} aria-label={`New invitation link for ${invitation.email}`}>
        New link
      </Button>
      <Button size="xs" variant={variant} color="red" onClick={onRevoke} aria-label={`Revoke invitation for ${invitation.email}`}>
        Revoke
      </Button>
    </Group>
  );
}
