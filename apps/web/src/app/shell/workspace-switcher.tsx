import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Menu, Text } from '@mantine/core';
import { IconCheck, IconChevronDown, IconPlus } from '@tabler/icons-react';
import type { Membership } from '@tandem/contracts';
import { ROLE_LABELS } from '@tandem/contracts/roles';
import { useRequiredSession } from '../session.tsx';

// The form (currency and month pickers) loads only when someone opens it.
const CreateWorkspaceModal = lazy(async () => ({
  default: (await import('../../modules/workspaces/components/create-workspace-modal.tsx')).CreateWorkspaceModal,
}));

export function WorkspaceSwitcher({ current }: { current: Membership }) {
  const session = useRequiredSession();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);

  return (
    <>
      <Menu position="bottom-start" width={280} shadow="md">
        <Menu.Target>
          <Button
            variant="subtle"
            color="gray"
            rightSection={<IconChevronDown size={16} />}
            aria-label={`Workspace: ${current.name}. Switch workspace`}
            // Cut short on a narrow header: the whole name is its tooltip, and the menu shows it in full.
            title={current.name}
            px="xs"
            styles={{
              root: { minWidth: 0, maxWidth: '100%' },
              inner: { minWidth: 0 },
              label: { minWidth: 0, maxWidth: 240 },
            }}
          >
            <span style={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{current.name}</span>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Your workspaces</Menu.Label>
          {session.memberships.map((m) => (
            <Menu.Item
              key={m.workspaceId}
              onClick={() => navigate(`/w/${m.slug}`)}
              rightSection={m.slug === current.slug ? <IconCheck size={16} aria-label="Current workspace" /> : null}
            >
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {m.name}
              </Text>
              <Text size="xs" c="dimmed">
                {ROLE_LABELS[m.role]}
              </Text>
            </Menu.Item>
          ))}
          {session.canCreateWorkspace && (
            <>
              <Menu.Divider />
              <Menu.Item leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                Create workspace
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      {creating && (
        <Suspense fallback={null}>
          <CreateWorkspaceModal opened onClose={() => setCreating(false)} />
        </Suspense>
      )}
    </>
  );
}
