import { Link } from 'react-router-dom';
import { Badge, Button, Card, Group, Skeleton, Stack, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { IconCircle, IconCircleCheckFilled } from '@tabler/icons-react';
import { MONTHS, QueryView, combineQueries } from '../../../app/kit/index.ts';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useLatestAuditEntry } from '../../audit/index.ts';
import { useInvitations, useMemberCount } from '../../people/index.ts';
import { useTeams } from '../../teams/index.ts';
import { useWorkspaceDetails } from '../hooks/use-workspace-details.ts';

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
