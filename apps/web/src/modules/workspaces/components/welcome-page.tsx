import { useState } from 'react';
import { Navigate } from 'react-router-dom';
import { Button, Group, Text } from '@mantine/core';
import { AuthLayout } from '../../../app/components/auth-layout.tsx';
import { notifyError } from '../../../app/components/notify.ts';
import { landingPath } from '../../../app/landing.ts';
import { useRequiredSession } from '../../../app/session.tsx';
import { useLogout } from '../../auth/index.ts';
import { CreateWorkspaceModal } from './create-workspace-modal.tsx';

/** Signed in but member of no active workspace (e.g. deactivated everywhere). */
export function WelcomePage() {
  const session = useRequiredSession();
  const [creating, setCreating] = useState(false);
  const logout = useLogout();

  if (session.memberships.length > 0) return <Navigate to={landingPath(session)} replace />;

  async function signOut() {
    try {
      await logout.mutateAsync();
    } catch (err) {
      notifyError(err, 'Could not sign out');
      return;
    }
    window.location.replace('/login');
  }

  return (
    <AuthLayout title={`Hi ${session.user.name}`} subtitle="You’re not a member of any workspace right now.">
      <Text size="sm">
        {session.canCreateWorkspace
          ? 'Create a workspace to get started, or ask a workspace admin to invite you.'
          : 'Ask a workspace admin to invite you. The invitation link signs you in to their workspace.'}
      </Text>
      <Group justify="space-between">
        <Button variant="default" onClick={() => void signOut()}>
          Sign out
        </Button>
        {session.canCreateWorkspace && <Button onClick={() => setCreating(true)}>Create workspace</Button>}
      </Group>
      <CreateWorkspaceModal opened={creating} onClose={() => setCreating(false)} />
    </AuthLayout>
  );
}
