import { Link } from 'react-router-dom';
import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import type { SimilarRequests } from '@tandem/contracts';
import { RequestStatusBadge } from '../shared/request-bits.tsx';

interface SimilarRequestsPanelProps {
  similar: SimilarRequests;
  /** The matches are for the text before its latest change: not to be joined until the new ones arrive. */
  pending: boolean;
  joining: string | null;
  onJoin: (requestId: string) => void;
  /** The reader: a request they already asked for or joined says so instead of offering a +1. */
  me: string;
  slug: string;
}

/** "Someone already asked for this": open requests like the one being typed, each one click from a +1. */
export function SimilarRequestsPanel({ similar, pending, joining, onJoin, me, slug }: SimilarRequestsPanelProps) {
  return (
    <Paper withBorder radius="md" p="sm" bg="var(--mantine-color-yellow-0)" role="region" aria-label="Similar open requests" aria-live="polite">
      <Stack gap="xs">
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconUsers size={18} style={{ flex: 'none', marginTop: 2 }} aria-hidden />
          <Text size="sm" fw={600}>
            Already asked? Join an open request instead of filing a new one: your deals add to its priority.
          </Text>
        </Group>
        {similar.items.map(({ request: r }) => (
          <Group key={r.id} gap="sm" wrap="nowrap" align="flex-start" justify="space-between">
            <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
              <Text size="sm" lineClamp={2}>
                #{r.number} {r.title}
              </Text>
              <Group gap={6} wrap="wrap">
                <RequestStatusBadge status={r.status} size="xs" />
                <Text size="xs" c="dimmed">
                  {r.requesters.length} requester{r.requesters.length === 1 ? '' : 's'}
                  {r.rank ? ` · number ${r.rank} in the queue` : ''}
                </Text>
              </Group>
            </Stack>
            {r.requesters.some((p) => p.userId === me) ? (
              <Anchor component={Link} to={`/w/${slug}/requests/${r.id}`} size="xs" style={{ flex: 'none', textDecoration: 'underline' }}>
                You are on it: open #{r.number}
              </Anchor>
            ) : (
              <Button
                size="xs"
                variant="default"
                onClick={() => onJoin(r.id)}
                disabled={pending || (joining !== null && joining !== r.id)}
                loading={joining === r.id}
                style={{ flex: 'none' }}
                aria-label={`+1 this instead (#${r.number})`}
              >
                +1 this instead
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
