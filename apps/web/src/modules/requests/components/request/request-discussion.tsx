import { useState } from 'react';
import { Button, Card, Group, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import type { RequestDetail } from '@tandem/contracts';
import { notifyError, notifySuccess } from '../../../../app/components/notify.ts';
import { CommentList, formatDateTime, QueryView } from '../../../../app/kit/index.ts';
import { useAddComment, useRequestActivity, useRequestComments } from '../../hooks/use-request-actions.ts';
import { useMemberDirectory } from '../../hooks/use-request-options.ts';
import { toldSentence } from '../shared/told.ts';

/** Comments, oldest first, and a box to add one; each comment says who was told. */
export function RequestComments({ request: r, slug, tz }: { request: RequestDetail; slug: string; tz: string }) {
  const comments = useRequestComments(slug, r.id);
  const add = useAddComment(slug, r.id);
  const roles = useMemberDirectory(slug).byId;
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);

  const post = () => {
    if (!body.trim()) {
      setError('Write something first.');
      return;
    }
    add.mutate(
      { body },
      {
        onSuccess: (res) => {
          setBody('');
          setError(null);
          notifySuccess(`Comment posted. ${toldSentence(res.notified, (id) => roles.get(id)?.role)}`, 'Comment posted');
        },
        onError: (e) => notifyError(e, 'The comment was not posted'),
      },
    );
  };

  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="comments-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="comments-title">
          Comments
        </Title>
        <QueryView
          query={comments}
          error="Could not load the comments"
          empty={{ content: <Text size="sm" c="dimmed">No comments yet.</Text>, when: (d) => d.items.length === 0 }}
        >
          {(data) => <CommentList comments={data.items} timeZone={tz} aria-labelledby="comments-title" />}
        </QueryView>
        {r.permissions.comment && (
          <Stack gap="xs">
            <Textarea
              label="Add a comment"
              description="The requesters and the assignee are told."
              autosize
              minRows={2}
              maxRows={8}
              value={body}
              onChange={(e) => {
                setBody(e.currentTarget.value);
                if (error) setError(null);
              }}
              error={error}
            />
            <Group justify="flex-end">
              <Button size="sm" onClick={post} loading={add.isPending}>
                Post comment
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/** Everything that happened to the request, in the server's plain words. */
export function RequestActivityLog({ request: r, slug, tz }: { request: RequestDetail; slug: string; tz: string }) {
  const activity = useRequestActivity(slug, r.id);
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="activity-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="activity-title">
          Activity
        </Title>
        <QueryView
          query={activity}
          error="Could not load the activity"
          empty={{ content: <Text size="sm" c="dimmed">Nothing yet.</Text>, when: (d) => d.items.length === 0 }}
        >
          {(data) => (
            <Timeline bulletSize={12} lineWidth={2}>
              {data.items.map((a) => (
                <Timeline.Item key={a.id}>
                  <Text size="sm">{a.text}</Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(a.at, tz)}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </QueryView>
      </Stack>
    </Card>
  );
}
