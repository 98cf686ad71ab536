import { Link } from 'react-router-dom';
import { Anchor, Badge, Button, Card, EmptyState, Grid, Group, Skeleton, Stack, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { IconCircle, IconCircleCheckFilled, IconUsersGroup } from '@tabler/icons-react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { ROLE_LABELS, ROLES, type Team } from '@tandem/contracts';
import { PageHeader } from '../../../app/components/page-header.tsx';
import { QueryError } from '../../../app/components/query-state.tsx';
import { MONTHS } from '../../../app/kit/format.ts';
import { useRequiredSession } from '../../../app/session.tsx';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useLatestAuditEntry } from '../../audit/index.ts';
import { peopleApi } from '../../people/api/people.api.ts';
import { membersKey, useInvitations } from '../../people/hooks/use-members.ts';
import { ROLE_DESCRIPTIONS } from '../../people/components/role-descriptions.ts';
import { useTeams } from '../../teams/hooks/use-teams.ts';
import { useWorkspaceDetails } from '../hooks/use-workspace-details.ts';

export function HomePage() {
  const ws = useWorkspace();
  const session = useRequiredSession();
  const firstName = session.user.name.split(/\s+/)[0] ?? session.user.name;
  const admin = ws.can('workspace.update');

  return (
    <>
      <PageHeader
        title={`Welcome, ${firstName}`}
        documentTitle={ws.membership.name}
        description={
          <>
            You’re <b>{ROLE_LABELS[ws.membership.role]}</b> in {ws.membership.name}. {ROLE_DESCRIPTIONS[ws.membership.role]}
          </>
        }
      />
      <Stack gap="lg">
        {admin && <AdminChecklist />}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <TeamsOverview />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <PeopleByRole />
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}

function AdminChecklist() {
  const ws = useWorkspace();
  const workspace = useWorkspaceDetails(ws.slug);
  const teams = useTeams(ws.slug);
  const invitations = useInvitations(ws.slug, true);
  const members = useQuery({
    queryKey: [...membersKey(ws.slug), 'count'],
    queryFn: () => peopleApi.members(ws.slug, { limit: 1 }),
  });
  // "Set" means an admin saved the settings or they differ from the defaults (USD, January).
  const settingsSaved = useLatestAuditEntry(ws.slug, 'workspace.settings_updated');

  const loading = teams.isPending || invitations.isPending || members.isPending || settingsSaved.isPending || workspace.isPending;
  const invited = (members.data?.total ?? 0) > 1 || (invitations.data?.total ?? 0) > 0;
  const haveTeams = (teams.data?.total ?? teams.data?.items.length ?? 0) > 0;
  const changedFromDefaults =
    workspace.data !== undefined && (workspace.data.baseCurrency !== 'USD' || workspace.data.fiscalYearStartMonth !== 1);
  const configured = (settingsSaved.data?.total ?? 0) > 0 || changedFromDefaults;
  const base = `/w/${ws.slug}`;
  const steps = [
    {
      done: invited,
      title: 'Invite your team',
      text: 'Create invite links for your PMMs, sales leads and reps.',
      to: `${base}/people`,
      cta: 'Invite people',
    },
    {
      done: haveTeams,
      title: 'Create teams',
      text: 'Group people by region or segment and give each team a lead.',
      to: `${base}/teams`,
      cta: 'Create teams',
    },
    {
      done: configured,
      title: 'Set base currency and fiscal year',
      text: workspace.data
        ? `Now ${workspace.data.baseCurrency}, fiscal year starting in ${MONTHS[workspace.data.fiscalYearStartMonth - 1] ?? 'January'}. Check they match how you report revenue.`
        : 'So revenue and quarters match how you report them.',
      to: `${base}/settings`,
      cta: 'Open settings',
    },
  ];
  const error = teams.error ?? invitations.error ?? members.error ?? settingsSaved.error ?? workspace.error;
  const doneCount = steps.filter((s) => s.done).length;
  if (!loading && !error && doneCount === steps.length) return null;

  return (
    <Card withBorder radius="md" p="lg">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={3} size="h4">
            Get your workspace ready
          </Title>
          {!loading && (
            <Badge variant="light" tt="none">
              {doneCount} of {steps.length} done
            </Badge>
          )}
        </Group>
        {error ? (
          <QueryError error={error} />
        ) : loading ? (
          <Stack gap="sm">
            <Skeleton height={48} />
            <Skeleton height={48} />
            <Skeleton height={48} />
          </Stack>
        ) : (
          <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {steps.map((step) => (
              <Group key={step.title} component="li" justify="space-between" gap="sm" align="center">
                <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0, flex: '1 1 260px' }}>
                  <ThemeIcon variant="transparent" color={step.done ? 'teal' : 'gray'} size={24} aria-hidden>
                    {step.done ? <IconCircleCheckFilled size={22} /> : <IconCircle size={22} />}
                  </ThemeIcon>
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text fw={600} size="sm" td={step.done ? 'line-through' : undefined} c={step.done ? 'dimmed' : undefined}>
                      {step.title}
                      <VisuallyHidden>{step.done ? ' (done)' : ' (to do)'}</VisuallyHidden>
                    </Text>
                    <Text size="sm" c="dimmed">
                      {step.text}
                    </Text>
                  </Stack>
                </Group>
                {!step.done && (
                  <Button component={Link} to={step.to} size="xs" variant="light" ml={36} style={{ flexShrink: 0 }}>
                    {step.cta}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function TeamsOverview() {
  const ws = useWorkspace();
  const teams = useTeams(ws.slug);
  const manage = ws.can('teams.manage');
  return (
    <Card withBorder radius="md" p="lg" h="100%">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={3} size="h4">
            Teams
          </Title>
          <Anchor component={Link} to={`/w/${ws.slug}/teams`} size="sm">
            All teams
          </Anchor>
        </Group>
        {teams.isPending ? (
          <Stack gap="xs">
            <Skeleton height={40} />
            <Skeleton height={40} />
          </Stack>
        ) : teams.isError ? (
          <QueryError error={teams.error} onRetry={() => void teams.refetch()} />
        ) : teams.data.items.length === 0 ? (
          <EmptyState
            size="sm"
            icon={<IconUsersGroup size={24} />}
            title="No teams yet"
            description={manage ? 'Create teams so everyone sees who sells where and who leads.' : 'An admin can create teams.'}
          />
        ) : (
          <Stack gap={0}>
            {teams.data.items.map((t) => (
              <TeamLine key={t.id} team={t} />
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function TeamLine({ team }: { team: Team }) {
  return (
    <Group justify="space-between" py="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }} wrap="nowrap">
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text fw={500} size="sm" truncate>
          {team.name}
        </Text>
        <Text size="xs" c="dimmed">
          {team.lead ? `Lead: ${team.lead.name}` : 'No lead yet'}
        </Text>
      </Stack>
      <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
        {team.members.length} {team.members.length === 1 ? 'member' : 'members'}
      </Text>
    </Group>
  );
}

function PeopleByRole() {
  const ws = useWorkspace();
  const counts = useQueries({
    queries: ROLES.map((role) => ({
      queryKey: [...membersKey(ws.slug), 'count', role],
      queryFn: () => peopleApi.members(ws.slug, { role, active: 'true', limit: 1 }),
    })),
  });
  const error = counts.find((c) => c.isError)?.error;
  const total = counts.reduce((sum, c) => sum + (c.data?.total ?? 0), 0);
  return (
    <Card withBorder radius="md" p="lg">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={3} size="h4">
            People
          </Title>
          <Anchor component={Link} to={`/w/${ws.slug}/people`} size="sm">
            Everyone
          </Anchor>
        </Group>
        {error ? (
          <QueryError error={error} />
        ) : (
          <Stack gap="xs">
            {ROLES.map((role, i) => (
              <Group key={role} justify="space-between">
                <Text size="sm">{ROLE_LABELS[role]}</Text>
                {counts[i]?.isPending ? (
                  <Skeleton height={16} width={24} />
                ) : (
                  <Text size="sm" fw={600}>
                    {counts[i]?.data?.total ?? 0}
                  </Text>
                )}
              </Group>
            ))}
            <Group justify="space-between" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
              <Text size="sm" fw={600}>
                Active people
              </Text>
              <Text size="sm" fw={700}>
                {counts.some((c) => c.isPending) ? '…' : total}
              </Text>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
