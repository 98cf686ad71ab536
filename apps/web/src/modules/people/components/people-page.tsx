import { useState } from 'react';
import { Button, Card, EmptyState, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { ROLE_LABELS, ROLES, type Member, type Role } from '@tandem/contracts';
import { ConfirmModal } from '../../../app/components/confirm-modal.tsx';
import { notifyError, notifySuccess } from '../../../app/components/notify.ts';
import { PageHeader } from '../../../app/components/page-header.tsx';
import { LoadMore, QueryError, TableSkeleton } from '../../../app/components/query-state.tsx';
import { useRequiredSession, useSession } from '../../../app/session.tsx';
import { useConfirmAction } from '../../../app/use-confirm-action.ts';
import { useWorkspace, wsKey } from '../../../app/workspace-context.tsx';
import { peopleApi } from '../api/people.api.ts';
import { membersKey, useMemberPages } from '../hooks/use-members.ts';
import { InviteModal } from './invite-modal.tsx';
import { MembersTable } from './members-table.tsx';
import { PendingInvitations } from './pending-invitations.tsx';
import { ResetLinkModal } from './reset-link-modal.tsx';

const ROLE_FILTER = [{ value: 'all', label: 'All roles' }, ...ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))];
const STATUS_FILTER = [
  { value: 'all', label: 'Everyone' },
  { value: 'true', label: 'Active' },
  { value: 'false', label: 'Deactivated' },
];

export function PeoplePage() {
  const ws = useWorkspace();
  const session = useRequiredSession();
  const { refresh } = useSession();
  const queryClient = useQueryClient();
  const manage = ws.can('members.manage');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [role, setRole] = useState<Role | ''>('');
  const [status, setStatus] = useState<'' | 'true' | 'false'>('');
  const [inviting, setInviting] = useState(false);
  const [resetFor, setResetFor] = useState<Member | null>(null);
  const [pendingUserId, setPendingUserId] = useState<string | null>(null);

  const members = useMemberPages(ws.slug, { q: q || undefined, role: role || undefined, active: status || undefined, limit: 100 });
  const rows = members.data?.pages.flatMap((p) => p.items) ?? [];
  const total = members.data?.pages[0]?.total ?? 0;
  const filtered = Boolean(q || role || status);

  async function afterMemberChange() {
    await queryClient.invalidateQueries({ queryKey: membersKey(ws.slug) });
    await queryClient.invalidateQueries({ queryKey: wsKey(ws.slug, 'teams') });
  }

  async function changeRole(member: Member, next: Role) {
    setPendingUserId(member.userId);
    try {
      await peopleApi.updateMember(ws.slug, member.userId, { role: next });
      await afterMemberChange();
      notifySuccess(`${member.name} is now ${ROLE_LABELS[next]}.`, 'Role changed');
      if (member.userId === session.user.id) await refresh();
    } catch (e) {
      notifyError(e, `Could not change ${member.name}’s role`);
    } finally {
      setPendingUserId(null);
    }
  }

  const toggleActive = useConfirmAction(async (member: Member) => {
    await peopleApi.updateMember(ws.slug, member.userId, { active: !member.active });
    await afterMemberChange();
    notifySuccess(
      member.active ? `${member.name} can no longer sign in to ${ws.membership.name}.` : `${member.name} can sign in again.`,
      member.active ? 'Member deactivated' : 'Member reactivated',
    );
  });
  const toggling = toggleActive.target;

  return (
    <>
      <PageHeader
        title="People"
        description={
          manage
            ? 'Everyone in this workspace. Invite people with a link, set their role, and deactivate those who leave.'
            : 'Everyone in this workspace and the teams they belong to.'
        }
        actions={
          manage && (
            <Button leftSection={<IconUserPlus size={18} />} onClick={() => setInviting(true)}>
              Invite people
            </Button>
          )
        }
      />
      <Stack gap="lg">
        {manage && <PendingInvitations slug={ws.slug} />}
        <Card withBorder radius="md" p="md">
          <Stack gap="md">
            <Group gap="sm" align="flex-end" wrap="wrap">
              <TextInput
                label="Search"
                placeholder="Name or email"
                leftSection={<IconSearch size={16} />}
                value={search}
                onChange={(e) => setSearch(e.currentTarget.value)}
                style={{ flex: '1 1 220px' }}
              />
              <Select
                label="Role"
                data={ROLE_FILTER}
                value={role || 'all'}
                onChange={(v) => setRole(!v || v === 'all' ? '' : (v as Role))}
                allowDeselect={false}
                w={{ base: '100%', xs: 180 }}
              />
              <Select
                label="Status"
                data={STATUS_FILTER}
                value={status || 'all'}
                onChange={(v) => setStatus(v === 'true' || v === 'false' ? v : '')}
                allowDeselect={false}
                w={{ base: '100%', xs: 150 }}
              />
            </Group>
            {members.isPending ? (
              <TableSkeleton />
            ) : members.isError ? (
              <QueryError error={members.error} onRetry={() => void members.refetch()} />
            ) : rows.length === 0 ? (
              <EmptyState
                icon={<IconUsers size={28} />}
                title={filtered ? 'Nobody matches these filters' : 'No people yet'}
                description={
                  filtered
                    ? 'Try another name, or set Role and Status back to everyone.'
                    : manage
                      ? 'Invite your PMMs and sales reps with “Invite people”.'
                      : 'An admin can invite people to this workspace.'
                }
              />
            ) : (
              <>
                <Text size="sm" c="dimmed">
                  {filtered ? `${total} matching` : `${total} ${total === 1 ? 'person' : 'people'}`}
                </Text>
                <MembersTable
                  members={rows}
                  currentUserId={session.user.id}
                  manage={manage}
                  pendingUserId={pendingUserId}
                  onRoleChange={(m, r) => void changeRole(m, r)}
                  onToggleActive={toggleActive.ask}
                  onResetLink={(m) => setResetFor(m)}
                />
                <LoadMore query={members} />
              </>
            )}
          </Stack>
        </Card>
      </Stack>

      {manage && (
        <>
          <InviteModal slug={ws.slug} opened={inviting} onClose={() => setInviting(false)} />
          <ResetLinkModal slug={ws.slug} member={resetFor} onClose={() => setResetFor(null)} />
          <ConfirmModal
            {...toggleActive.modal}
            title={toggling?.active ? `Deactivate ${toggling.name}?` : `Reactivate ${toggling?.name ?? ''}?`}
            confirmLabel={toggling?.active ? 'Deactivate' : 'Reactivate'}
            danger={toggling?.active}
          >
            {toggling?.active
              ? `${toggling.name} will be signed out and can no longer sign in to ${ws.membership.name}. Their history stays. You can reactivate them later.`
              : `${toggling?.name ?? ''} will be able to sign in to ${ws.membership.name} again with their current role.`}
          </ConfirmModal>
        </>
      )}
    </>
  );
}
