import { useState } from 'react';
import { Badge, Button, Card, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { ROLE_LABELS, type Invitation } from '@tandem/contracts';
import { errorMessage } from '../../../app/api-client.ts';
import { ConfirmModal } from '../../../app/components/confirm-modal.tsx';
import { notifySuccess } from '../../../app/components/notify.ts';
import { QueryError, TableSkeleton } from '../../../app/components/query-state.tsx';
import { formatDate, formatRelative, isPast } from '../../../app/format.ts';
import { useRequiredSession } from '../../../app/session.tsx';
import { usePhone } from '../../../app/use-phone.ts';
import { wsKey } from '../../../app/workspace-context.tsx';
import { peopleApi } from '../api/people.api.ts';
import { useInvitations } from '../hooks/use-members.ts';

export function PendingInvitations({ slug }: { slug: string }) {
  const session = useRequiredSession();
  const queryClient = useQueryClient();
  const phone = usePhone();
  const invitations = useInvitations(slug, true);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function revoke() {
    if (!revoking) return;
    setBusy(true);
    setError(null);
    try {
      await peopleApi.revokeInvitation(slug, revoking.id);
      await queryClient.invalidateQueries({ queryKey: wsKey(slug, 'invitations') });
      notifySuccess(`The invitation for ${revoking.email} no longer works.`, 'Invitation revoked');
      setRevoking(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  if (invitations.isPending) return <TableSkeleton rows={2} />;
  if (invitations.isError) return <QueryError error={invitations.error} onRetry={() => void invitations.refetch()} />;
  const items = invitations.data.items;
  const expiryText = (inv: Invitation) =>
    isPast(inv.expiresAt) ? 'expired' : `expires ${formatRelative(inv.expiresAt)}`;
  if (items.length === 0) return null;

  return (
    <Card withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={3} size="h5">
          Pending invitations ({invitations.data.total})
        </Title>
        <Text size="sm" c="dimmed">
          These people have a link but haven’t joined yet. Revoke an invitation to make its link stop working.
        </Text>
        {phone ? (
          <Stack gap="xs">
            {items.map((inv) => (
              <Paper key={inv.id} withBorder p="sm" radius="md">
                <Group justify="space-between" wrap="nowrap">
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text size="sm" fw={600} truncate>
                      {inv.email}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {ROLE_LABELS[inv.role]} · {expiryText(inv)}
                    </Text>
                  </Stack>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => setRevoking(inv)}
                    aria-label={`Revoke invitation for ${inv.email}`}
                  >
                    Revoke
                  </Button>
                </Group>
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
                {items.map((inv) => {
                  const expired = isPast(inv.expiresAt);
                  return (
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
                        {expired ? (
                          <Badge color="gray" variant="light" tt="none">
                            Expired
                          </Badge>
                        ) : (
                          <Text size="sm" title={formatDate(inv.expiresAt, session.user.timeZone)}>
                            {formatRelative(inv.expiresAt)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setRevoking(inv)}
                          aria-label={`Revoke invitation for ${inv.email}`}
                        >
                          Revoke
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <ConfirmModal
        opened={revoking !== null}
        title="Revoke invitation?"
        confirmLabel="Revoke invitation"
        danger
        loading={busy}
        error={error}
        onConfirm={() => void revoke()}
        onClose={() => {
          setRevoking(null);
          setError(null);
        }}
      >
        {`The link sent to ${revoking?.email ?? ''} will stop working. You can invite them again later.`}
      </ConfirmModal>
    </Card>
  );
}
