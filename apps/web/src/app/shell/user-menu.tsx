import { useNavigate } from 'react-router-dom';
import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useLogout } from '../../modules/auth/index.ts';
import { isApiError } from '../api-error.ts';
import { notifyError } from '../components/notify.ts';
import { initials } from '../kit/format.ts';
import { useRequiredSession } from '../session.tsx';
import classes from './user-menu.module.css';

export function UserMenu({ slug }: { slug: string }) {
  const session = useRequiredSession();
  const navigate = useNavigate();
  const logout = useLogout();

  async function signOut() {
    try {
      await logout.mutateAsync();
    } catch (err) {
      // Already signed out elsewhere: nothing left to end.
      if (!(isApiError(err) && err.status === 401)) {
        notifyError(err, 'Could not sign out');
        return;
      }
    }
    // A full page load drops every cached answer of the signed-out person.
    window.location.replace('/login');
  }

  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu for ${session.user.name}`}>
          <Group gap={8} wrap="nowrap">
            <Avatar size={32} radius="xl" color="blue" aria-hidden>
              <span className={classes.initials} data-initials={initials(session.user.name)} />
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" maw={160} truncate>
              {session.user.name}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
            {session.user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {session.user.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item leftSection={<IconUserCircle size={16} />} onClick={() => navigate(`/w/${slug}/profile`)}>
          Profile
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void signOut()}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
