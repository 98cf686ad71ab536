import { Link } from 'react-router-dom';
import { Button, Group, Stack } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { ROLE_LABELS } from '@tandem/contracts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { QueryView } from '../../../../app/kit/index.ts';
import { useRequiredSession } from '../../../../app/session.tsx';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { AdminChecklist } from '../../../workspaces/index.ts';
import { ScorecardBody } from '../scorecard/scorecard-body.tsx';
import { ScorecardSkeleton, useScorecardView } from '../scorecard/scorecard-page.tsx';
import { PmmHome } from './pmm-home.tsx';
import { RepHome } from './rep-home.tsx';

const WHAT_YOU_SEE = {
  admin: 'The scorecard for this quarter: shared goals, key numbers and where revenue is at stake.',
  sales_lead: 'The scorecard for this quarter: shared goals, key numbers and where revenue is at stake.',
  marketing: 'What waits on you: feedback to triage, asks from sales, material due for review, and your goals.',
  sales: 'Your goals, your asks to marketing, the themes customers raised on your deals, and your open deals.',
} as const;

/** Home is what each role opens the app for: the scorecard for admins and leads, the work queue for PMMs, a rep's own. */
export function RoleHomePage() {
  const ws = useWorkspace();
  const session = useRequiredSession();
  const firstName = session.user.name.split(/\s+/)[0] ?? session.user.name;
  const role = ws.membership.role;
  return (
    <>
      <PageHeader
        title={`Welcome, ${firstName}`}
        documentTitle={ws.membership.name}
        description={
          <>
            You’re <b>{ROLE_LABELS[role]}</b> in {ws.membership.name}. {WHAT_YOU_SEE[role]}
          </>
        }
        actions={
          (role === 'admin' || role === 'sales_lead') && (
            <Button component={Link} to={`/w/${ws.slug}/scorecard`} variant="light" leftSection={<IconChartBar size={16} />}>
              Scorecard, CSV and print
            </Button>
          )
        }
      />
      <Stack gap="lg">
        {ws.can('workspace.update') && <AdminChecklist />}
        {role === 'marketing' ? <PmmHome /> : role === 'sales' ? <RepHome /> : <ScorecardHome />}
      </Stack>
    </>
  );
}

function ScorecardHome() {
  const ws = useWorkspace();
  const { scorecard, goals } = useScorecardView(undefined);
  return (
    <QueryView query={scorecard} skeleton={<ScorecardSkeleton />} error="Could not load the scorecard">
      {(s) => (
        <Stack gap="lg">
          <ScorecardBody slug={ws.slug} scorecard={s} goals={goals} />
          <Group>
            <Button component={Link} to={`/w/${ws.slug}/goals`} variant="default">
              All goals
            </Button>
            <Button component={Link} to={`/w/${ws.slug}/win-loss`} variant="default">
              Win/loss
            </Button>
          </Group>
        </Stack>
      )}
    </QueryView>
  );
}
