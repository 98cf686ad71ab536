import { useState } from 'react';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconThumbDown, IconThumbUp } from '@tabler/icons-react';
import type { AssetUsage } from '@tandem/contracts';
import { errorMessage } from '../../../../app/api-error.ts';
import { notifySuccess } from '../../../../app/components/notify.ts';
import { FormError, formatRelative } from '../../../../app/kit/index.ts';
import { useUnvote, useVote } from '../../hooks/use-usage.ts';

type Votes = AssetUsage['votes'];

/** Helpful / not helpful counts, the newest comments, and the reader's own vote (one per person, changeable). */
export function UsageVotes({ slug, assetId, votes, canVote }: { slug: string; assetId: string; votes: Votes; canVote: boolean }) {
  const [helpful, setHelpful] = useState<boolean | null>(votes.mine?.helpful ?? null);
  const [comment, setComment] = useState(votes.mine?.comment ?? '');
  const vote = useVote(slug, assetId);
  const unvote = useUnvote(slug, assetId);
  const changed = helpful !== null && (helpful !== votes.mine?.helpful || comment.trim() !== (votes.mine?.comment ?? ''));
  const total = votes.helpful + votes.notHelpful;

  function save() {
    if (helpful === null) return;
    vote.mutate(
      { helpful, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      { onSuccess: () => notifySuccess(comment.trim() ? 'Your vote and comment are shown to everyone who opens this asset.' : 'Thanks: your vote counts in the totals.', 'Vote saved') },
    );
  }

  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        Did it help?
      </Text>
      <Text size="sm">
        {total === 0
          ? 'No votes yet.'
          : `${votes.helpful} found it helpful, ${votes.notHelpful} did not.`}
      </Text>
      {canVote && (
        <Stack gap="xs">
          <Group gap="xs" role="group" aria-label="Your vote">
            <Button
              size="xs"
              variant={helpful === true ? 'filled' : 'default'}
              color="teal"
              aria-pressed={helpful === true}
              leftSection={<IconThumbUp size={14} />}
              onClick={() => setHelpful(true)}
            >
              Helpful
            </Button>
            <Button
              size="xs"
              variant={helpful === false ? 'filled' : 'default'}
              color="red"
              aria-pressed={helpful === false}
              leftSection={<IconThumbDown size={14} />}
              onClick={() => setHelpful(false)}
            >
              Not helpful
            </Button>
          </Group>
          {helpful !== null && (
            <Textarea
              label="Comment (optional)"
              description="Shown with your name: what worked, or what is missing"
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              maxLength={1000}
              autosize
              minRows={2}
            />
          )}
          <FormError message={vote.isError ? errorMessage(vote.error) : unvote.isError ? errorMessage(unvote.error) : null} />
          <Group gap="xs">
            {changed && (
              <Button size="xs" onClick={save} loading={vote.isPending}>
                {votes.mine ? 'Change my vote' : 'Save my vote'}
              </Button>
            )}
            {votes.mine && (
              <Button
                size="xs"
                variant="subtle"
                color="gray"
                loading={unvote.isPending}
                onClick={() =>
                  unvote.mutate(undefined, {
                    onSuccess: () => {
                      setHelpful(null);
                      setComment('');
                      notifySuccess('Your vote no longer counts.', 'Vote taken back');
                    },
                  })
                }
              >
                Take back my vote
              </Button>
            )}
          </Group>
        </Stack>
      )}
      {votes.recentComments.length > 0 && (
        <Stack gap={6} mt={4} component="ul" p={0} style={{ listStyle: 'none' }} aria-label="Recent comments">
          {votes.recentComments.map((c) => (
            <li key={c.by.userId}>
              <Group gap={6} wrap="nowrap" align="flex-start">
                {c.helpful ? <IconThumbUp size={14} color="var(--mantine-color-teal-7)" aria-label="Helpful" /> : <IconThumbDown size={14} color="var(--mantine-color-red-7)" aria-label="Not helpful" />}
                <Text size="sm">
                  “{c.comment}”{' '}
                  <Text span size="xs" c="dimmed">
                    — {c.by.name}, {formatRelative(c.updatedAt)}
                  </Text>
                </Text>
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
