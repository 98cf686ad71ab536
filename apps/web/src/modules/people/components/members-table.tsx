import { ActionIcon, Badge, Group, Menu, Select, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconDots, IconKey, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { ROLE_LABELS, ROLES, type Member, type Role } from '@tandem/contracts';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

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
  const { members, currentUserId, manage, pendingUserId, onRoleChange, onToggleActive, onResetLink } = props;
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
                  <Text size="sm" fw={500}>
                    {m.name}
                    {self && (
                      <Text span c="dimmed" size="xs">
                        {' '}
                        (you)
                      </Text>
                    )}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{m.email}</Text>
                </Table.Td>
                <Table.Td>
                  {manage ? (
                    <Tooltip label="Another admin can change your role" disabled={!self} withArrow>
                      <Select
                        aria-label={`Role of ${m.name}`}
                        size="xs"
                        data={ROLE_OPTIONS}
                        value={m.role}
                        allowDeselect={false}
                        disabled={self || pendingUserId === m.userId}
                        onChange={(v) => v && v !== m.role && onRoleChange(m, v as Role)}
                      />
                    </Tooltip>
                  ) : (
                    <Text size="sm">{ROLE_LABELS[m.role]}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {m.teams.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  ) : (
                    <Group gap={4}>
                      {m.teams.map((t) => (
                        <Badge key={t.id} variant="light" color="gray" size="sm" tt="none">
                          {t.name}
                        </Badge>
                      ))}
                    </Group>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge variant="dot" color={m.active ? 'teal' : 'gray'} size="sm" tt="none">
                    {m.active ? 'Active' : 'Deactivated'}
                  </Badge>
                </Table.Td>
                {manage && (
                  <Table.Td>
                    {!self && (
                      <Menu position="bottom-end" shadow="md" width={220}>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${m.name}`}>
                            <IconDots size={18} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item leftSection={<IconKey size={16} />} onClick={() => onResetLink(m)} disabled={!m.active}>
                            Reset password link
                          </Menu.Item>
                          {m.active ? (
                            <Menu.Item color="red" leftSection={<IconUserOff size={16} />} onClick={() => onToggleActive(m)}>
                              Deactivate
                            </Menu.Item>
                          ) : (
                            <Menu.Item leftSection={<IconUserCheck size={16} />} onClick={() => onToggleActive(m)}>
                              Reactivate
                            </Menu.Item>
                          )}
                        </Menu.Dropdown>
                      </Menu>
                    )}
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
