import { Link } from 'react-router-dom';
import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { RequestSummary } from '@tandem/contracts';
import { formatDay, QueryView } from '../../../../app/kit/index.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useDealRequests } from '../../hooks/use-deal-requests.ts';
import { NewRequestButton } from '../form/new-request-button.tsx';
import { RequestStatusBadge } from '../shared/request-bits.tsx';
import { requestStanding } from '../shared/standing.ts';

/**
 * On a deal page: "Request help from marketing" (the request form with this deal linked) and the requests already
 * linked to the deal, each with where it stands.
 */
export function DealRequestsPanel({ dealId }: { dealId: string }) {
  const ws = useWorkspace();
  const requests = useDealRequests(ws.slug, dealId);
  if (!ws.can('requests.read')) return null;
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="deal-requests-title">
      <Stack gap="sm">
        <Group justify="space-between" align="center" gap="sm">
          <Title order={2} size="h4" id="deal-requests-title">
            Requests to marketing
          </Title>
          <NewRequestButton prefill={{ dealId }} label="Request help from marketing" variant="light" size="sm" />
        </Group>
        <QueryView
          query={requests}
          error="Could not load this deal’s requests"
          empty={{
            when: (d) => d.items.length === 0,
            content: (
              <Text size="sm" c="dimmed">
                Nobody has asked marketing for anything on this deal yet.
              </Text>
            ),
          }}
        >
          {(d) => (
            <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Requests linked to this deal">
              {d.items.map((r) => (
                <DealRequestLine key={r.id} request={r} slug={ws.slug} />
              ))}
              {d.total > d.items.length && (
                <Text component="li" size="sm" c="dimmed">
                  And {d.total - d.items.length} more in the queue.
                </Text>
              )}
            </Stack>
          )}
        </QueryView>
      </Stack>
    </Card>
  );
}

function DealRequestLine({ request: r, slug }: { request: RequestSummary; slug: string }) {
  const standing = requestStanding(r);
  return (
    <li>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <RequestStatusBadge status={r.status} />
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Anchor component={Link} to={`/w/${slug}/requests/${r.id}`} size="sm" fw={500} underline="always">
            #{r.number} {r.title}
          </Anchor>
          <Text size="xs" c={standing.belowLine ? 'red.9' : 'dimmed'}>
            {standing.place}
            {standing.belowLine ? ', below the line' : ''}
            {r.neededBy ? ` · needed by ${formatDay(r.neededBy)}` : ''} · {r.requesters.map((p) => p.name).join(', ')}
          </Text>
        </Stack>
      </Group>
    </li>
  );
}
