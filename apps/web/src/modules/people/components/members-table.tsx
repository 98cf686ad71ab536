import { ActionIcon, Badge, Group, Menu, Select, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconDots, IconDownload, IconKey, IconTrash, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { ROLE_LABELS, type Member, type Role } from '@tandem/contracts';
import { DataTable, type DataTableColumn } from '../../../app/kit/index.ts';
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
  /** Downloads everything Tandem holds about the person (a data-subject request). */
  onExportData: (member: Member) => void;
  /** Opens the erasure dialog (which refuses yourself in plain words). */
  onErase: (member: Member) => void;
}

/**
 * The workspace's people: a table, or cards on a phone. Deactivated people's names are grey (not faded with opacity:
 * faded grey text fell under axe's contrast minimum on a phone).
 */
export function MembersTable(props: MembersTableProps) {
  const { members, currentUserId, manage } = props;
  const isSelf = (m: Member) => m.userId === currentUserId;
  const columns: DataTableColumn<Member>[] = [
    { key: 'name', header: 'Name', cell: (m) => <MemberName member={m} self={isSelf(m)} fw={500} /> },
    { key: 'email', header: 'Email', cell: (m) => <Text size="sm">{m.email}</Text> },
    {
      key: 'role',
      header: 'Role',
      headerProps: { w: manage ? 190 : undefined },
      cell: (m) => (manage ? <RoleSelect member={m} self={isSelf(m)} {...props} /> : <Text size="sm">{ROLE_LABELS[m.role]}</Text>),
    },
    { key: 'teams', header: 'Teams', cell: (m) => <TeamBadges member={m} /> },
    { key: 'status', header: 'Status', cell: (m) => <StatusBadge member={m} /> },
  ];
  if (manage) {
    columns.push({
      key: 'actions',
      header: <VisuallyHidden>Actions</VisuallyHidden>,
      label: 'Actions',
      headerProps: { w: 56 },
      cell: (m) => <MemberActions member={m} self={isSelf(m)} {...props} />,
    });
  }
  return (
    <DataTable
      aria-label="People"
      rows={members}
      rowKey={(m) => m.userId}
      columns={columns}
      minWidth={manage ? 820 : 640}
      verticalSpacing="sm"
      highlightOnHover
      renderCard={(m) => <MemberCard member={m} self={isSelf(m)} {...props} />}
    />
  );
}

function MemberCard(props: MembersTableProps & { member: Member; self: boolean }) {
  const { member: m, self, manage } = props;
  return (
    <Stack gap={6}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <MemberName member={m} self={self} fw={600} truncate />
          <Text size="xs" c="dimmed" truncate>
            {m.email}
          </Text>
        </Stack>
        {manage && <MemberActions {...props} />}
      </Group>
      <Group gap="xs">
        {manage ? (
          <RoleSelect {...props} />
        ) : (
          <Badge variant="light" tt="none">
            {ROLE_LABELS[m.role]}
          </Badge>
        )}
        <StatusBadge member={m} />
      </Group>
      {m.teams.length > 0 && <TeamBadges member={m} />}
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

function MemberActions({ member, self, onResetLink, onToggleActive, onExportData, onErase }: MembersTableProps & { member: Member; self: boolean }) {
  return (
    <Menu position="bottom-end" shadow="md" width={230}>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${member.name}`}>
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {!self && (
          <Menu.Item leftSection={<IconKey size={16} />} onClick={() => onResetLink(member)} disabled={!member.active}>
            Reset password link
          </Menu.Item>
        )}
        {!self &&
          (member.active ? (
            <Menu.Item color="red" leftSection={<IconUserOff size={16} />} onClick={() => onToggleActive(member)}>
              Deactivate
            </Menu.Item>
          ) : (
            <Menu.Item leftSection={<IconUserCheck size={16} />} onClick={() => onToggleActive(member)}>
              Reactivate
            </Menu.Item>
          ))}
        {!self && <Menu.Divider />}
        <Menu.Label>Data requests</Menu.Label>
        <Menu.Item leftSection={<IconDownload size={16} />} onClick={() => onExportData(member)}>
          {self ? 'Export my data' : 'Export their data'}
        </Menu.Item>
        <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => onErase(member)}>
          {self ? 'Erase my account…' : 'Erase this person…'}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function MemberName({ member, self, ...text }: { member: Member; self: boolean; fw: number; truncate?: boolean }) {
  return (
    <Text size="sm" c={member.active ? undefined : 'dimmed'} {...text}>
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
