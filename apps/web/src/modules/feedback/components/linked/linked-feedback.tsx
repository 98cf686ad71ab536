import { Link } from 'react-router-dom';
import { Anchor, Badge, Card, Group, Kbd, Stack, Text, Title } from '@mantine/core';
import { InfiniteQueryView, LoadMore, TableSkeleton } from '../../../../app/kit/index.ts';
import { useRequiredSession } from '../../../../app/session.tsx';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useFeedbackPages } from '../../hooks/use-feedback.ts';
import { FeedbackRow } from '../shared/feedback-row.tsx';
import { LogFeedbackButton } from '../capture/log-feedback-button.tsx';
import { QUICK_LOG_KEY } from '../capture/quick-log-context.ts';

interface LinkedFeedbackProps {
  /** The deal page lists its deal's items; the account page (no dealId) its account's. */
  dealId?: string;
  /** The deal's account, so feedback logged here is linked to both. */
  accountId?: string;
}

/** The "Feedback" section of a deal or account page: what reps heard there, and a button to add to it. */
export function LinkedFeedback({ dealId, accountId }: LinkedFeedbackProps) {
  const ws = useWorkspace();
  const tz = useRequiredSession().user.timeZone;
  const filters = dealId ? { dealId } : { accountId };
  const items = useFeedbackPages(ws.slug, filters, { limit: 10, enabled: ws.can('feedback.read') && !!(dealId || accountId) });
  if (!ws.can('feedback.read')) return null;
  const total = items.data?.pages[0]?.total ?? 0;
  const what = dealId ? 'deal' : 'account';
  const inboxLink = `/w/${ws.slug}/feedback?${dealId ? `dealId=${dealId}` : `accountId=${accountId}`}`;

  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-label="Feedback">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <Title order={3} size="h4">
              Feedback
            </Title>
            {total > 0 && (
              <Badge variant="light" color="gray" size="sm">
                {total}
              </Badge>
            )}
          </Group>
          <LogFeedbackButton prefill={{ dealId, accountId }} variant="light" size="xs" />
        </Group>
        <InfiniteQueryView
          query={items}
          items={(p) => p.items}
          skeleton={<TableSkeleton rows={2} />}
          loadMore={false}
          empty={{
            content: (
              <Text size="sm" c="dimmed">
                Nothing heard on this {what} is logged yet. Objections, feature requests, a competitor’s name: log them here (or
                press <Kbd size="xs">{QUICK_LOG_KEY}</Kbd> anywhere) so marketing can act on them and tell you what came of it.
              </Text>
            ),
          }}
        >
          {(rows) => (
            <>
              <Stack gap={0} role="list" aria-label={`Feedback on this ${what}`}>
                {rows.map((item) => (
                  <FeedbackRow key={item.id} item={item} slug={ws.slug} tz={tz} within={{ dealId, accountId }} />
                ))}
              </Stack>
              <Group justify="space-between">
                <LoadMore query={items} />
                {total > rows.length || total > 3 ? (
                  <Anchor component={Link} to={inboxLink} size="sm">
                    Open in the feedback inbox
                  </Anchor>
                ) : null}
              </Group>
            </>
          )}
        </InfiniteQueryView>
      </Stack>
    </Card>
  );
}
