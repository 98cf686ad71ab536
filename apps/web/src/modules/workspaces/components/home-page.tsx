import { Link } from 'react-router-dom';
import { Anchor, Badge, Button, Card, Grid, Group, Skeleton, Stack, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { IconCircle, IconCircleCheckFilled, IconUsersGroup } from '@tabler/icons-react';
import { ROLE_LABELS, ROLES, type Team } from '@tandem/contracts';
import { PageHeader } from '../../../app/components/page-header.tsx';
import { MONTHS, QueryView, combineQueries } from '../../../app/kit/index.ts';
import { useRequiredSession } from '../../../app/session.tsx';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useLatestAuditEntry } from '../../audit/index.ts';
import { ROLE_DESCRIPTIONS, useActiveMemberCounts, useInvitations, useMemberCount } from '../../people/index.ts';
import { useTeams } from '../../teams/index.ts';
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

interface ChecklistStep {
  done: boolean;
  title: string;
  text: string;
  to: string;
  cta: string;
}

/** The first steps of a new workspace (invite, teams, currency and fiscal year); null once all are done. */
export function AdminChecklist() {
  const ws = useWorkspace();
  const workspace = useWorkspaceDetails(ws.slug);
  const teams = useTeams(ws.slug);
  const invitations = useInvitations(ws.slug, true);
  const members = useMemberCount(ws.slug);
  // "Set" means an admin saved the settings or they differ from the defaults (USD, January).
  const settingsSaved = useLatestAuditEntry(ws.slug, 'workspace.settings_updated');
  const base = `/w/${ws.slug}`;
  const checklist = combineQueries(
    [workspace, teams, invitations, members, settingsSaved],
    ([details, teamList, pending, people, saved]): ChecklistStep[] => [
      {
        done: people.total > 1 || pending.total > 0,
        title: 'Invite your team',
        text: 'Create invite links for your PMMs, sales leads and reps.',
        to: `${base}/people`,
        cta: 'Invite people',
      },
      {
        done: (teamList.total ?? teamList.items.length) > 0,
        title: 'Create teams',
        text: 'Group people by region or segment and give each team a lead.',
        to: `${base}/teams`,
        cta: 'Create teams',
      },
      {
        done: saved.total > 0 || details.baseCurrency !== 'USD' || details.fiscalYearStartMonth !== 1,
        title: 'Set base currency and fiscal year',
        text: `Now ${details.baseCurrency}, fiscal year starting in ${MONTHS[details.fiscalYearStartMonth - 1] ?? 'January'}. Check they match how you report revenue.`,
        to: `${base}/settings`,
        cta: 'Open settings',
      },
    ],
  );
  const steps = checklist.isError ? undefined : checklist.data;
  if (steps?.every((s) => s.done)) return null;
  const doneCount = steps?.filter((s) => s.done).length;

  return (
    <Card withBorder radius="md" p="lg">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={3} size="h4">
            Get your workspace ready
          </Title>
          {steps && (
            <Badge variant="light" tt="none">
              {doneCount} of {steps.length} done
            </Badge>
          )}
        </Group>
        <QueryView
          query={checklist}
          skeleton={
            <Stack gap="sm">
              <Skeleton height={48} />
              <Skeleton height={48} />
              <Skeleton height={48} />
            </Stack>
          }
        >
          {(all) => <ChecklistSteps steps={all} />}
        </QueryView>
      </Stack>
    </Card>
  );
}

function ChecklistSteps({ steps }: { steps: ChecklistStep[] }) {
  return (
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
        <QueryView
          query={teams}
          skeleton={
            <Stack gap="xs">
              <Skeleton height={40} />
              <Skeleton height={40} />
            </Stack>
          }
          empty={{
            when: (d) => d.items.length === 0,
            size: 'sm',
            icon: <IconUsersGroup size={24} />,
            title: 'No teams yet',
            description: manage ? 'Create teams so everyone sees who sells where and who leads.' : 'An admin can create teams.',
          }}
        >
          {(d) => (
            <Stack gap={0}>
              {d.items.map((t) => (
                <TeamLine key={t.id} team={t} />
              ))}
            </Stack>
          )}
        </QueryView>
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
  const counts = combineQueries(useActiveMemberCounts(ws.slug, ROLES), (pages) => pages.map((p) => p.total));
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
        <QueryView query={counts} skeleton={<RoleCounts totals={null} />}>
          {(totals) => <RoleCounts totals={totals} />}
        </QueryView>
      </Stack>
    </Card>
  );
}

/** Active people per role and in all; skeletons in place of the numbers until they are in. */
function RoleCounts({ totals }: { totals: number[] | null }) {
  return (
    <Stack gap="xs" aria-busy={totals === null || undefined}>
      {ROLES.map((role, i) => (
        <Group key={role} justify="space-between">
          <Text size="sm">{ROLE_LABELS[role]}</Text>
          {totals ? (
            <Text size="sm" fw={600}>
              {totals[i] ?? 0}
            </Text>
          ) : (
            <Skeleton height={16} width={24} />
          )}
        </Group>
      ))}
      <Group justify="space-between" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Text size="sm" fw={600}>
          Active people
        </Text>
        <Text size="sm" fw={700}>
          {totals ? totals.reduce((sum, n) => sum + n, 0) : '…'}
        </Text>
      </Group>
    </Stack>
  );
}
