import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { Alert, Anchor, Text } from '@mantine/core';
import { PERMISSIONS, type Action } from '@tandem/contracts/permissions';
import { ROLE_LABELS, type Role } from '@tandem/contracts/roles';
import { useSetupStatus } from '../modules/auth/index.ts';
import { FullPageLoader } from './components/full-page-loader.tsx';
import { PageHeader } from './components/page-header.tsx';
import { QueryError } from './kit/index.ts';
import { AuthLayout } from './components/auth-layout.tsx';
import { landingPath } from './landing.ts';
import { useSession } from './session.tsx';
import { useWorkspace } from './workspace-context.tsx';

/** Signed-in area: without a session, go to /login and come back here afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

/** A page only some roles may use; others reaching it by URL get an explanation. */
export function RequirePermission({ action, title, children }: { action: Action; title: string; children: ReactNode }) {
  const ws = useWorkspace();
  if (ws.can(action)) return <>{children}</>;
  return (
    <>
      <PageHeader title={title} />
      <Alert color="yellow" variant="light" title={`Only ${allowedRoles(action)} can open this page`}>
        <Text size="sm">
          Your role in {ws.membership.name} is {ROLE_LABELS[ws.membership.role]}. Ask an admin of this workspace if you
          need access.{' '}
          <Anchor component={Link} to={`/w/${ws.slug}`} size="sm">
            Back to Home
          </Anchor>
        </Text>
      </Alert>
    </>
  );
}

/** "/": first run goes to setup, signed-in people to their workspace, everyone else to login. */
export function RootRedirect() {
  const { session } = useSession();
  const status = useSetupStatus({ enabled: !session });
  if (session) return <Navigate to={landingPath(session)} replace />;
  if (status.isPending) return <FullPageLoader />;
  if (status.isError) {
    return (
      <AuthLayout title="Tandem">
        <QueryError error={status.error} onRetry={() => void status.refetch()} />
      </AuthLayout>
    );
  }
  return <Navigate to={status.data.needsSetup ? '/setup' : '/login'} replace />;
}

/** Each role as a group of people: "admins", "marketing (PMMs)", "sales leads", "sales reps". */
const ROLE_PEOPLE: Record<Role, string> = { admin: 'admins', marketing: 'marketing (PMMs)', sales_lead: 'sales leads', sales: 'sales reps' };

/** "admins", "admins and sales leads": who may use an action, in words. */
function allowedRoles(action: Action): string {
  const names = PERMISSIONS[action].map((r) => ROLE_PEOPLE[r]);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]!;
}
