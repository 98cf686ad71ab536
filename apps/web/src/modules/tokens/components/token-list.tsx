import { Badge, Button, Code, Group, Paper, Stack, Table, Text } from '@mantine/core';
import type { ApiToken } from '@tandem/contracts';
import { formatDate, formatRelative } from '../../../app/kit/format.ts';
import { usePhone } from '../../../app/use-phone.ts';
import { tokenStatus, type TokenStatus } from './token-status.ts';

const STATUS_BADGE: Record<TokenStatus, { color: string; label: string }> = {
  active: { color: 'teal', label: 'Active' },
  expired: { color: 'gray', label: 'Expired' },
  revoked: { color: 'red', label: 'Revoked' },
};

interface TokenListProps {
  tokens: ApiToken[];
  tz: string;
  onRevoke: (t: ApiToken) => void;
}

/** The person's tokens: a table, or cards on a phone. Only active ones can be revoked. */
export function TokenList({ tokens, tz, onRevoke }: TokenListProps) {
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
                  <StatusBadge status={status} />
                </Group>
                <Code w="fit-content">{t.prefix}…</Code>
                <Text size="xs" c="dimmed">
                  Created {formatDate(t.createdAt, tz)} · {t.expiresAt ? `expires ${formatDate(t.expiresAt, tz)}` : 'never expires'} ·{' '}
                  {t.lastUsedAt ? `last used ${formatRelative(t.lastUsedAt)}` : 'never used'}
                </Text>
                {status === 'active' && (
                  <RevokeButton token={t} onRevoke={onRevoke} variant="light" w="fit-content" />
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
                  <StatusBadge status={status} />
                </Table.Td>
                <Table.Td ta="right">
                  {status === 'active' && (
                    <RevokeButton token={t} onRevoke={onRevoke} variant="subtle" />
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

function StatusBadge({ status }: { status: TokenStatus }) {
  return (
    <Badge color={STATUS_BADGE[status].color} variant="light" tt="none">
      {STATUS_BADGE[status].label}
    </Badge>
  );
}

function RevokeButton(props: { token: ApiToken; onRevoke: (t: ApiToken) => void; variant: string; w?: string }) {
  const { token, onRevoke, ...look } = props;
  return (
    <Button size="xs" color="red" {...look} onClick={() => onRevoke(token)} aria-label={`Revoke token ${token.name}`}>
      Revoke
    </Button>
  );
}
