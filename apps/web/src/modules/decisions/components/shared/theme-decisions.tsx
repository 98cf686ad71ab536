import { Link } from 'react-router-dom';
import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useDecisionLog } from '../../hooks/use-decisions.ts';
import { PhaseBadge } from './decision-bits.tsx';

/** The decisions that concern a feedback theme, for the theme's page; nothing when there are none. */
export function ThemeDecisions({ themeId }: { themeId: string }) {
  const ws = useWorkspace();
  const log = useDecisionLog(ws.slug, { theme: themeId }, 20);
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  if (!ws.can('decisions.read') || items.length === 0) return null;
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="theme-decisions-title">
      <Stack gap="xs">
        <Title order={3} size="h4" id="theme-decisions-title">
          Decisions about this theme
        </Title>
        {items.map((d) => (
          <Group key={d.id} justify="space-between" gap="xs" wrap="wrap">
            <Anchor component={Link} to={`/w/${ws.slug}/decisions/${d.id}`} size="sm" style={{ textDecoration: 'underline' }}>
              {d.title}
            </Anchor>
            <Group gap="xs">
              <PhaseBadge phase={d.phase} />
              {d.chosenOption && <Text size="xs" c="dimmed">{d.chosenOption}</Text>}
            </Group>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
