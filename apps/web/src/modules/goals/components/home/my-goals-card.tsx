import { Link } from 'react-router-dom';
import { Anchor, Group, Skeleton, Stack, Text } from '@mantine/core';
import { QueryView } from '../../../../app/kit/index.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useGoals } from '../../hooks/use-goals.ts';
import { GoalStatusBadge, KeyResultLine } from '../shared/goal-bits.tsx';
import { HomeCard, Quiet } from './home-card.tsx';

/** The goals the signed-in person owns, each with its key results' progress. */
export function MyGoalsCard() {
  const ws = useWorkspace();
  const goals = useGoals(ws.slug, { mine: 'true' });
  const base = `/w/${ws.slug}`;
  return (
    <HomeCard title="Your goals" hint="Shared goals you own, with where each key result stands." more={{ label: 'All goals', to: `${base}/goals` }}>
      <QueryView
        query={goals}
        skeleton={<Skeleton height={80} />}
        error="Could not load your goals"
        empty={{ when: (d) => d.items.length === 0, content: <Quiet>You own no goal this period. Goals are shared by marketing and sales owners.</Quiet> }}
      >
        {(d) => (
          <Stack gap="md" component="ul" aria-label="Your goals" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {d.items.slice(0, 4).map((g) => (
              <Stack key={g.id} gap={6} component="li" pt={6} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Anchor component={Link} to={`${base}/goals/${g.id}`} fw={600} size="sm">
                    {g.title}
                  </Anchor>
                  <Group gap={6}>
                    <Text size="xs" c="dimmed">
                      {g.period.label}
                    </Text>
                    <GoalStatusBadge status={g.status} size="xs" />
                  </Group>
                </Group>
                {g.keyResults.slice(0, 3).map((kr) => (
                  <KeyResultLine key={kr.id} slug={ws.slug} kr={kr} period={g.period} />
                ))}
              </Stack>
            ))}
          </Stack>
        )}
      </QueryView>
    </HomeCard>
  );
}
