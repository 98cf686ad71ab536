import { Link, useSearchParams } from 'react-router-dom';
import { Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPlus, IconTargetArrow } from '@tabler/icons-react';
import { GOAL_STATUS_LABELS, GOAL_STATUSES, type GoalStatus } from '@tandem/contracts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { CardsSkeleton, QueryView, todayIn } from '../../../../app/kit/index.ts';
import { useRequiredSession } from '../../../../app/session.tsx';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useWorkspaceDetails } from '../../../workspaces/index.ts';
import { useGoalPages } from '../../hooks/use-goals.ts';
import { GoalStatusBadge, KeyResultLine } from '../shared/goal-bits.tsx';
import { quarterOptions } from '../shared/periods.ts';

const QUARTER = /^FY\d{4} Q[1-4]$/;
const isStatus = (v: string | null): v is GoalStatus => !!v && (GOAL_STATUSES as readonly string[]).includes(v);

/** Every shared goal of a quarter (or all), with status and key results; filters in the address bar. */
export function GoalsPage() {
  const ws = useWorkspace();
  const session = useRequiredSession();
  const [sp, setSp] = useSearchParams();
  const period = sp.get('period');
  const status = sp.get('status');
  const mine = sp.get('mine') === 'true';
  const startMonth = useWorkspaceDetails(ws.slug).data?.fiscalYearStartMonth;
  const periods = startMonth ? quarterOptions(todayIn(session.user.timeZone), startMonth) : [];
  const goals = useGoalPages(ws.slug, {
    ...(period && QUARTER.test(period) ? { period } : {}),
    ...(isStatus(status) ? { status } : {}),
    ...(mine ? { mine: 'true' } : {}),
  });
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(sp);
    if (v) next.set(k, v);
    else next.delete(k);
    setSp(next, { replace: true });
  };
  const base = `/w/${ws.slug}`;

  return (
    <>
      <PageHeader
        title="Goals"
        description="Shared goals: each is owned by marketing and sales together, and its key results are computed from the same live data."
        actions={
          ws.can('goals.write') && (
            <Button component={Link} to={`${base}/goals/new`} leftSection={<IconPlus size={16} />}>
              New goal
            </Button>
          )
        }
      />
      <Stack gap="md">
        <Group gap="sm" wrap="wrap">
          <Select
            label="Quarter"
            placeholder="Any quarter"
            data={periods.map((p) => p.label)}
            value={period && QUARTER.test(period) ? period : null}
            onChange={(v) => set('period', v)}
            clearable
            w={160}
          />
          <Select
            label="Status"
            placeholder="Any status"
            data={GOAL_STATUSES.map((s) => ({ value: s, label: GOAL_STATUS_LABELS[s] }))}
            value={isStatus(status) ? status : null}
            onChange={(v) => set('status', v)}
            clearable
            w={160}
          />
          <Select
            label="Whose"
            data={[
              { value: 'all', label: 'Everyone’s goals' },
              { value: 'mine', label: 'Goals I own' },
            ]}
            value={mine ? 'mine' : 'all'}
            onChange={(v) => set('mine', v === 'mine' ? 'true' : null)}
            allowDeselect={false}
            w={180}
          />
        </Group>
        <QueryView
          query={goals}
          skeleton={<CardsSkeleton />}
          error="Could not load the goals"
          empty={{
            when: (d) => d.pages[0]!.items.length === 0,
            icon: <IconTargetArrow size={28} />,
            title: 'No goals here',
            description: ws.can('goals.write') ? 'Create a goal owned by someone from marketing and someone from sales.' : 'Marketing, sales leads and admins create goals.',
          }}
        >
          {(d) => (
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                {d.pages.flatMap((p) => p.items).map((g) => (
                  <Card key={g.id} withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="article" aria-label={g.title}>
                    <Stack gap="xs">
                      <Group justify="space-between" gap="xs" wrap="wrap">
                        <Anchor component={Link} to={`${base}/goals/${g.id}`} fw={600}>
                          {g.title}
                        </Anchor>
                        <GoalStatusBadge status={g.status} />
                      </Group>
                      <Text size="xs" c="dimmed">
                        {g.period.label} · Owners: {g.owners.map((o) => o.name).join(', ')}
                      </Text>
                      {g.keyResults.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          No key result yet.
                        </Text>
                      ) : (
                        g.keyResults.map((kr) => <KeyResultLine key={kr.id} slug={ws.slug} kr={kr} period={g.period} />)
                      )}
                    </Stack>
                  </Card>
                ))}
              </SimpleGrid>
              <Group justify="space-between" wrap="wrap">
                <Text size="sm" c="dimmed" role="status">
                  {`Showing ${d.pages.reduce((n, p) => n + p.items.length, 0)} of ${d.pages[0]!.total} goal${d.pages[0]!.total === 1 ? '' : 's'}`}
                </Text>
                {goals.hasNextPage && (
                  <Button variant="default" onClick={() => void goals.fetchNextPage()} loading={goals.isFetchingNextPage}>
                    More goals
                  </Button>
                )}
              </Group>
            </Stack>
          )}
        </QueryView>
      </Stack>
    </>
  );
}
