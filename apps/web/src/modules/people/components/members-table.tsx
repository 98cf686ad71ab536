import { ActionIcon, Badge, Group, Menu, Paper, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { usePhone } from '../../../app/use-phone.ts';
import { IconDots, IconKey, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { ROLE_LABELS, type Member, type Role } from '@tandem/contracts';
import { ROLE_OPTIONS } from './role-descriptions.ts';

interface MembersTableProps {
  members: Member[];
  currentUserId: string;
  manage: boolean;
  /** userId whose role change is in flight */
  pendingUserId: string | null;
  onRoleChange: (member: Member, role: Role) => void;
  onToggleActive: (member: Member) => void;
  onResetLink: (member: Member) => void;
}

export function MembersTable(props: MembersTableProps) {
  const { members, currentUserId, manage } = props;
  const phone = usePhone();
  if (phone) return <MembersList {...props} />;
  return (
    <Table.ScrollContainer minWidth={manage ? 820 : 640}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th w={manage ? 190 : undefined}>Role</Table.Th>
            <Table.Th>Teams</Table.Th>
            <Table.Th>Status</Table.Th>
            {manage && (
              <Table.Th w={56}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((m) => {
            const self = m.userId === currentUserId;
            return (
              <Table.Tr key={m.userId} opacity={m.active ? 1 : 0.65}>
                <Table.Td>
                  <MemberName member={m} self={self} fw={500} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{m.email}</Text>
                </Table.Td>
                <Table.Td>
                  {manage ? <RoleSelect member={m} self={self} {...props} /> : <Text size="sm">{ROLE_LABELS[m.role]}</Text>}
                </Table.Td>
                <Table.Td>
                  <TeamBadges member={m} />
                </Table.Td>
                <Table.Td>
                  <StatusBadge member={m} />
                </Table.Td>
                {manage && (
                  <Table.Td>
                    {!self && <MemberActions member={m} {...props} />}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function MembersList(props: MembersTableProps) {
  const { members, currentUserId, manage } = props;
  return (
    <Stack gap="xs">
      {members.map((m) => {
        const self = m.userId === currentUserId;
        return (
          <Paper key={m.userId} withBorder p="sm" radius="md" opacity={m.active ? 1 : 0.65}>
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <MemberName member={m} self={self} fw={600} truncate />
                  <Text size="xs" c="dimmed" truncate>
                    {m.email}
                  </Text>
                </Stack>
                {manage && !self && <MemberActions member={m} {...props} />}
              </Group>
              <Group gap="xs">
                {manage ? (
                  <RoleSelect member={m} self={self} {...props} />
                ) : (
                  <Badge variant="light" tt="none">
                    {ROLE_LABELS[m.role]}
                  </Badge>
                )}
                <StatusBadge member={m} />
              </Group>
              {m.teams.length > 0 && <TeamBadges member={m} />}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}

function RoleSelect({ member, self, pendingUserId, onRoleChange }: MembersTableProps & { member: Member; self: boolean }) {
  if (self) {
    // Changing your own role could lock you out; another admin does it.
    return (
      <Text size="sm" title="Another admin can change your role">
        {ROLE_LABELS[member.role]}
      </Text>
    );
  }
  return (
    <Select
      aria-label={`Role of ${member.name}`}
      size="xs"
      w={170}
      data={ROLE_OPTIONS}
      value={member.role}
      allowDeselect={false}
      disabled={pendingUserId === member.userId}
      onChange={(v) => v && v !== member.role && onRoleChange(member, v as Role)}
    />
  );
}

function MemberActions({ member, onResetLink, onToggleActive }: MembersTableProps & { member: Member }) {
  return (
    <Menu position="bottom-end" shadow="md" width={220}>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${member.name}`}>
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconKey size={16} />} onClick={() => onResetLink(member)} disabled={!member.active}>
          Reset password link
        </Menu.Item>
        {member.active ? (
          <Menu.Item color="red" leftSection={<IconUserOff size={16} />} onClick={() => onToggleActive(member)}>
            Deactivate
          </Menu.Item>
        ) : (
          <Menu.Item leftSection={<IconUserCheck size={16} />} onClick={() => onToggleActive(member)}>
            Reactivate
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

function MemberName({ member, self, ...text }: { member: Member; self: boolean; fw: number; truncate?: boolean }) {
  return (
    <Text size="sm" {...text}>
      {member.name}
      {self && (
        <Text span c="dimmed" size="xs">
          {' '}
          (you)
        </Text>
      )}
    </Text>
  );
}

function TeamBadges({ member }: { member: Member }) {
  if (member.teams.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Group gap={4}>
      {member.teams.map((t) => (
        <Badge key={t.id} variant="light" color="gray" size="sm" tt="none">
          {t.name}
        </Badge>
      ))}
    </Group>
  );
}

function StatusBadge({ member }: { member: Member }) {
  return (
    <Badge variant="dot" color={member.active ? 'teal' : 'gray'} size="sm" tt="none">
      {member.active ? 'Active' : 'Deactivated'}
    </Badge>
  );
}
