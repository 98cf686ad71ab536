import { Stack, Text } from '@mantine/core';
import { formatDateTime } from './format.ts';

/** What a comment shows: who wrote it (null once they are gone), when, and the body as written. */
export interface CommentListItem {
  id: string;
  author?: { name: string } | null;
  createdAt: string;
  body: string;
}

export interface CommentListProps {
  comments: readonly CommentListItem[];
  /** The reader's time zone, for each comment's time. */
  timeZone: string;
  /** The list's accessible name: a label, or the id of the heading it sits under. */
  'aria-label'?: string;
  'aria-labelledby'?: string;
}

/** A thread of comments, oldest first as given: author and time above each body, line breaks kept. */
export function CommentList({ comments, timeZone, ...named }: CommentListProps) {
  return (
    <Stack gap="sm" component="ul" {...named} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {comments.map((c) => (
        <Stack key={c.id} gap={2} component="li">
          <Text size="xs" c="dimmed">
            {c.author?.name ?? 'Someone'} · {formatDateTime(c.createdAt, timeZone)}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c.body}
          </Text>
        </Stack>
      ))}
    </Stack>
  );
}
