import { Badge, Button, Code, Group, Stack, Text } from '@mantine/core';
import type { ApiToken } from '@tandem/contracts';
import { DataTable, formatDate, formatRelative, type DataTableColumn } from '../../../app/kit/index.ts';
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
  const columns: DataTableColumn<ApiToken>[] = [
    {
      key: 'name',
      header: 'Name',
      cell: (t) => (
        <Text size="sm" fw={500}>
          {t.name}
        </Text>
      ),
    },
    { key: 'token', header: 'Token', cell: (t) => <Code>{t.prefix}…</Code> },
    { key: 'created', header: 'Created', cell: (t) => <Text size="sm">{formatDate(t.createdAt, tz)}</Text> },
    { key: 'expires', header: 'Expires', cell: (t) => <Text size="sm">{t.expiresAt ? formatDate(t.expiresAt, tz) : 'Never'}</Text> },
    {
      key: 'lastUsed',
      header: 'Last used',
      cell: (t) => (
        <Text size="sm" title={t.lastUsedAt ? formatDate(t.lastUsedAt, tz) : undefined}>
          {t.lastUsedAt ? formatRelative(t.lastUsedAt) : 'Never used'}
        </Text>
      ),
    },
    { key: 'status', header: 'Status', cell: (t) => <StatusBadge status={tokenStatus(t)} /> },
    {
      key: 'revoke',
      header: null,
      label: 'Revoke',
      align: 'right',
      cell: (t) => tokenStatus(t) === 'active' && <RevokeButton token={t} onRevoke={onRevoke} variant="subtle" />,
    },
  ];
  const faded = (t: ApiToken) => ({ opacity: tokenStatus(t) === 'active' ? 1 : 0.65 });
  return (
    <DataTable
      aria-label="API tokens"
      rows={tokens}
      rowKey={(t) => t.id}
      columns={columns}
      minWidth={760}
      verticalSpacing="sm"
      rowProps={faded}
      cardProps={faded}
      renderCard={(t) => <TokenCard token={t} tz={tz} onRevoke={onRevoke} />}
    />
  );
}

function TokenCard({ token: t, tz, onRevoke }: { token: ApiToken; tz: string; onRevoke: (t: ApiToken) => void }) {
  const status = tokenStatus(t);
  return (
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
      {status === 'active' && <RevokeButton token={t} onRevoke={onRevoke} variant="light" w="fit-content" />}
    </Stack>
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
