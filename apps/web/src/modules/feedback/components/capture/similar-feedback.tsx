import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCheck, IconUsers } from '@tabler/icons-react';
import type { SimilarFeedback } from '@tandem/contracts';
import { formatRelative } from '../../../../app/kit/index.ts';
import { ThemeStatusBadge } from '../shared/theme-bits.tsx';

interface SimilarFeedbackPanelProps {
  similar: SimilarFeedback;
  sameAsId: string | null;
  /** The matches shown are for the text before its latest change: not to be chosen until the new ones arrive. */
  pending?: boolean;
  onSame: (id: string | null) => void;
}

/** "3 reps reported this in the last 90 days — add yours to it?", with the closest three to join. */
export function SimilarFeedbackPanel({ similar, sameAsId, pending = false, onSame }: SimilarFeedbackPanelProps) {
  const top = similar.items.slice(0, 3);
  const reps = Math.max(similar.reporters, 1);
  return (
    <Paper withBorder radius="md" p="sm" bg="var(--mantine-color-yellow-0)" role="region" aria-label="Similar feedback" aria-live="polite">
      <Stack gap="xs">
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconUsers size={18} style={{ flex: 'none', marginTop: 2 }} />
          <Text size="sm" fw={600}>
            {reps === 1 ? '1 rep reported' : `${reps} reps reported`} this in the last 90 days — add yours to it?
          </Text>
        </Group>
        {top.map((item) => {
          const chosen = sameAsId === item.id;
          return (
            <Group key={item.id} gap="sm" wrap="nowrap" align="flex-start" justify="space-between">
              <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                <Text size="sm" lineClamp={2}>
                  {item.text}
                </Text>
                <Group gap={6} wrap="wrap">
                  <Text size="xs" c="dimmed">
                    {item.submittedBy?.name ?? 'Someone'} · {formatRelative(item.observedAt)}
                  </Text>
                  {item.theme ? (
                    <>
                      <Badge size="xs" variant="light" color="gray" tt="none" maw={220}>
                        {item.theme.name}
                      </Badge>
                      <ThemeStatusBadge status={item.theme.status} size="xs" />
                    </>
                  ) : (
                    <Text size="xs" c="dimmed">
                      not in a theme yet
                    </Text>
                  )}
                </Group>
              </Stack>
              <Button
                size="xs"
                variant={chosen ? 'filled' : 'default'}
                leftSection={chosen ? <IconCheck size={14} /> : undefined}
                onClick={() => onSame(chosen ? null : item.id)}
                disabled={pending}
                aria-pressed={chosen}
                style={{ flex: 'none' }}
              >
                Same thing
              </Button>
            </Group>
          );
        })}
        {sameAsId && (
          <Text size="xs" c="dimmed">
            Yours joins it{similar.items.find((i) => i.id === sameAsId)?.theme ? ' and its theme' : ''}: the marketer answering it answers you too.
            Press “Same thing” again to log it on its own.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
