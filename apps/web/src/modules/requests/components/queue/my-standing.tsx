import { Link } from 'react-router-dom';
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { RequestSummary } from '@tandem/contracts';
import { useMyOpenRequests } from '../../hooks/use-requests.ts';
import { requestStanding } from '../shared/standing.ts';

/** "Where my requests stand and why": each of the caller's open requests, its place, the line and the reason. */
export function MyStanding({ slug }: { slug: string }) {
  const mine = useMyOpenRequests(slug);
  const open = (mine.data?.items ?? []).filter((r) => r.status === 'new' || r.status === 'triaged' || r.status === 'in_progress');
  if (open.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="my-standing-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="my-standing-title">
          Where your requests stand
        </Title>
        <Stack gap="xs" role="list" aria-labelledby="my-standing-title">
          {open.slice(0, 5).map((r) => (
            <StandingLine key={r.id} r={r} slug={slug} />
          ))}
        </Stack>
        {open.length > 5 && (
          <Text size="xs" c="dimmed">
            And {open.length - 5} more: choose “Mine” in the filters to see them all.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

export function StandingLine({ r, slug }: { r: RequestSummary; slug: string }) {
  const s = requestStanding(r);
  return (
    <Stack gap={2} role="listitem">
      <Group gap={8} wrap="wrap">
        <Anchor component={Link} to={`/w/${slug}/requests/${r.id}`} size="sm" fw={600} style={{ textDecoration: 'underline' }}>
          #{r.number} {r.title}
        </Anchor>
        <Text size="sm">{s.place}</Text>
        {s.belowLine !== null && (
          <Badge variant="light" color={s.belowLine ? 'red' : 'green'} size="sm" tt="none">
            {s.belowLine ? 'Below the line' : 'Above the line'}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {s.reason}
      </Text>
    </Stack>
  );
}
