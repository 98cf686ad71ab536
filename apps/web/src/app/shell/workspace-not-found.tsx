import { Link } from 'react-router-dom';
import { Anchor, Button, Stack, Text } from '@mantine/core';
import { AuthLayout } from '../components/auth-layout.tsx';
import { useRequiredSession } from '../session.tsx';

export function WorkspaceNotFound({ slug }: { slug: string }) {
  const session = useRequiredSession();
  return (
    <AuthLayout
      title="Workspace not found"
      subtitle={`There is no workspace “${slug}”, or you are not a member of it. Ask its admin for an invitation.`}
    >
      {session.memberships.length > 0 ? (
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            Your workspaces
          </Text>
          {session.memberships.map((m) => (
            <Anchor key={m.workspaceId} component={Link} to={`/w/${m.slug}`}>
              {m.name}
            </Anchor>
          ))}
        </Stack>
      ) : (
        <Button component={Link} to="/welcome">
          Continue
        </Button>
      )}
    </AuthLayout>
  );
}
