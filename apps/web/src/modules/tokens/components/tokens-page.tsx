import { useState } from 'react';
import { Anchor, Badge, Button, Card, Code, EmptyState, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconExternalLink, IconKey, IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ROLE_LABELS, type ApiToken } from '@tandem/contracts';
import { errorMessage } from '../../../app/api-client.ts';
import { ConfirmModal } from '../../../app/components/confirm-modal.tsx';
import { notifySuccess } from '../../../app/components/notify.ts';
import { PageHeader } from '../../../app/components/page-header.tsx';
import { QueryError, TableSkeleton } from '../../../app/components/query-state.tsx';
import { formatDate, formatRelative } from '../../../app/format.ts';
import { useRequiredSession } from '../../../app/session.tsx';
import { usePhone } from '../../../app/use-phone.ts';
import { useWorkspace, wsKey } from '../../../app/workspace-context.tsx';
import { tokensApi } from '../api/tokens.api.ts';
import { CreateTokenModal } from './create-token-modal.tsx';
import { tokenStatus, type TokenStatus } from './token-status.ts';

const STATUS_BADGE: Record<TokenStatus, { color: string; label: string }> = {
  active: { color: 'teal', label: 'Active' },
  expired: { color: 'gray', label: 'Expired' },
  revoked: { color: 'red', label: 'Revoked' },
};

export function TokensPage() {
  const ws = useWorkspace();
  const session = useRequiredSession();
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: wsKey(ws.slug, 'tokens'), queryFn: () => tokensApi.list(ws.slug) });
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [busy, setBusy] = useState(false);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const tz = session.user.timeZone;

  async function revoke() {
    if (!revoking) return;
    setBusy(true);
    setRevokeError(null);
    try {
      await tokensApi.revoke(ws.slug, revoking.id);
      await queryClient.invalidateQueries({ queryKey: wsKey(ws.slug, 'tokens') });
      notifySuccess(`“${revoking.name}” no longer works.`, 'Token revoked');
      setRevoking(null);
    } catch (e) {
      setRevokeError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader
        title="API tokens"
        description="Personal tokens let scripts and integrations use the Tandem API on your behalf."
        actions={
          <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>
            Create token
          </Button>
        }
      />
      <Stack gap="lg">
        <Card withBorder radius="md" p="md">
          <Stack gap="xs">
            <Title order={3} size="h5">
              How to use a token
            </Title>
            <Text size="sm">
              Send it in the <Code>Authorization</Code> header of each request:{' '}
              <Code>Authorization: Bearer &lt;token&gt;</Code>
            </Text>
            <Text size="sm">
              A token acts as you, with your role in <b>{ws.membership.name}</b> ({ROLE_LABELS[ws.membership.role]}), and
              only in this workspace. If your role changes, so does what the token can do. Revoke a token as soon as you
              no longer need it.
            </Text>
            <Anchor href="/api/docs" target="_blank" rel="noreferrer" size="sm">
              <Group gap={4} component="span">
                API reference <IconExternalLink size={14} />
              </Group>
            </Anchor>
          </Stack>
        </Card>

        <Card withBorder radius="md" p="md">
          {tokens.isPending ? (
            <TableSkeleton rows={3} />
          ) : tokens.isError ? (
            <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} />
          ) : tokens.data.items.length === 0 ? (
            <EmptyState
              icon={<IconKey size={28} />}
              title="You have no API tokens"
              description="Create one when a script or integration needs to read or write Tandem data as you."
            >
              <EmptyState.Actions>
                <Button variant="light" leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>
                  Create token
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          ) : (
            <TokenList tokens={tokens.data.items} tz={tz} onRevoke={setRevoking} />
          )}
        </Card>
      </Stack>

      <CreateTokenModal slug={ws.slug} opened={creating} onClose={() => setCreating(false)} />
      <ConfirmModal
        opened={revoking !== null}
        title="Revoke token?"
        confirmLabel="Revoke token"
        danger
        loading={busy}
        error={revokeError}
        onConfirm={() => void revoke()}
        onClose={() => {
          setRevoking(null);
          setRevokeError(null);
        }}
      >
        {`Anything using “${revoking?.name ?? ''}” will get “401 Unauthorized” from now on. This cannot be undone.`}
      </ConfirmModal>
    </>
  );
}

function TokenList({ tokens, tz, onRevoke }: { tokens: ApiToken[]; tz: string; onRevoke: (t: ApiToken) => void }) {
  const phone = usePhone();
  if (phone) {
    return (
      <Stack gap="xs">
        {tokens.map((t) => {
          const status = tokenStatus(t);
          return (
            <Paper key={t.id} withBorder p="sm" radius="md" opacity={status === 'active' ? 1 : 0.65}>
              <Stack gap={4}>
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm" fw={600} truncate>
                    {t.name}
                  </Text>
                  <Badge color={STATUS_BADGE[status].color} variant="light" tt="none">
                    {STATUS_BADGE[status].label}
                  </Badge>
                </Group>
                <Code w="fit-content">{t.prefix}…</Code>
                <Text size="xs" c="dimmed">
                  Created {formatDate(t.createdAt, tz)} · {t.expiresAt ? `expires ${formatDate(t.expiresAt, tz)}` : 'never expires'} ·{' '}
                  {t.lastUsedAt ? `last used ${formatRelative(t.lastUsedAt)}` : 'never used'}
                </Text>
                {status === 'active' && (
                  <Button
                    size="xs"
                    variant="light"
                    color="red"
                    w="fit-content"
                    onClick={() => onRevoke(t)}
                    aria-label={`Revoke token ${t.name}`}
                  >
                    Revoke
                  </Button>
                )}
              </Stack>
            </Paper>
          );
        })}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Token</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((t) => {
            const status = tokenStatus(t);
            return (
              <Table.Tr key={t.id} opacity={status === 'active' ? 1 : 0.65}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {t.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Code>{t.prefix}…</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDate(t.createdAt, tz)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t.expiresAt ? formatDate(t.expiresAt, tz) : 'Never'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" title={t.lastUsedAt ? formatDate(t.lastUsedAt, tz) : undefined}>
                    {t.lastUsedAt ? formatRelative(t.lastUsedAt) : 'Never used'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={STATUS_BADGE[status].color} variant="light" tt="none">
                    {STATUS_BADGE[status].label}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">
                  {status === 'active' && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => onRevoke(t)}
                      aria-label={`Revoke token ${t.name}`}
                    >
                      Revoke
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
