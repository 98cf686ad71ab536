import { useState } from 'react';
import { Button, Card, Stack, Text } from '@mantine/core';
import { IconUserPlus, IconUsers } from '@tabler/icons-react';
import { ROLE_LABELS, ROLES, type Member, type Role } from '@tandem/contracts';
import { ConfirmModal } from '../../../app/components/confirm-modal.tsx';
import { notifyError, notifySuccess } from '../../../app/components/notify.ts';
import { PageHeader } from '../../../app/components/page-header.tsx';
import { FilterBar, InfiniteQueryView } from '../../../app/kit/index.ts';
import { useRequiredSession, useSession } from '../../../app/session.tsx';
import { useConfirmAction } from '../../../app/use-confirm-action.ts';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useUpdateMember } from '../hooks/use-member-actions.ts';
import { useMemberPages } from '../hooks/use-members.ts';
import { useExportPerson } from '../hooks/use-person-data.ts';
import { ErasePersonModal } from './erase-person-modal.tsx';
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
  const updateMember = useUpdateMember(ws.slug);
  const manage = ws.can('members.manage');
  // The search as committed once typing pauses; role and status are 'all' when not filtering.
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | 'all'>('all');
  const [status, setStatus] = useState<'all' | 'true' | 'false'>('all');
  const [inviting, setInviting] = useState(false);
  const [resetFor, setResetFor] = useState<Member | null>(null);
  const [pendingUserId, setPendingUserId] = useState<string | null>(null);
  const [erasing, setErasing] = useState<Member | null>(null);
  const exportPerson = useExportPerson(ws.slug);

  const q = search.trim();
  const members = useMemberPages(ws.slug, {
    q: q || undefined,
    role: role === 'all' ? undefined : role,
    active: status === 'all' ? undefined : status,
    limit: 100,
  });
  const filtered = Boolean(q || role !== 'all' || status !== 'all');

  async function changeRole(member: Member, next: Role) {
    setPendingUserId(member.userId);
    try {
      await updateMember.mutateAsync({ userId: member.userId, role: next });
      notifySuccess(`${member.name} is now ${ROLE_LABELS[next]}.`, 'Role changed');
      if (member.userId === session.user.id) await refresh();
    } catch (e) {
      notifyError(e, `Could not change ${member.name}’s role`);
    } finally {
      setPendingUserId(null);
    }
  }

  async function exportData(member: Member) {
    try {
      const { fileName } = await exportPerson.mutateAsync(member.userId);
      notifySuccess(`Everything Tandem holds about ${member.name} in ${ws.membership.name} is in ${fileName}. The audit log notes the export.`, 'Data exported');
    } catch (e) {
      notifyError(e, `Could not export ${member.name}’s data`);
    }
  }

  const toggleActive = useConfirmAction(async (member: Member) => {
    await updateMember.mutateAsync({ userId: member.userId, active: !member.active });
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
            ? 'Everyone in this workspace. Invite people with a link, set their role, and deactivate those who leave. For a data request, export or erase a person from their actions menu.'
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
            <FilterBar
              fields={[
                { type: 'search', key: 'q', label: 'Search', placeholder: 'Name or email', value: search, onChange: setSearch, debounceMs: 250, width: 320 },
                {
                  type: 'select',
                  key: 'role',
                  label: 'Role',
                  data: ROLE_FILTER,
                  value: role,
                  emptyValue: 'all',
                  onChange: (v) => setRole(!v || v === 'all' ? 'all' : (v as Role)),
                  width: 180,
                },
                {
                  type: 'select',
                  key: 'status',
                  label: 'Status',
                  data: STATUS_FILTER,
                  value: status,
                  emptyValue: 'all',
                  onChange: (v) => setStatus(v === 'true' || v === 'false' ? v : 'all'),
                  width: 150,
                },
              ]}
            />
            <InfiniteQueryView
              query={members}
              items={(page) => page.items}
              empty={{
                icon: <IconUsers size={28} />,
                title: filtered ? 'Nobody matches these filters' : 'No people yet',
                description: filtered
                  ? 'Try another name, or set Role and Status back to everyone.'
                  : manage
                    ? 'Invite your PMMs and sales reps with “Invite people”.'
                    : 'An admin can invite people to this workspace.',
              }}
            >
              {(rows, data) => {
                const total = data.pages[0]?.total ?? 0;
                return (
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
                      onExportData={(m) => void exportData(m)}
                      onErase={(m) => setErasing(m)}
                    />
                  </>
                );
              }}
            </InfiniteQueryView>
          </Stack>
        </Card>
      </Stack>

      {manage && (
        <>
          <InviteModal slug={ws.slug} opened={inviting} onClose={() => setInviting(false)} />
          <ResetLinkModal slug={ws.slug} member={resetFor} onClose={() => setResetFor(null)} />
          <ErasePersonModal
            slug={ws.slug}
            workspaceName={ws.membership.name}
            member={erasing}
            self={erasing?.userId === session.user.id}
            exporting={exportPerson.isPending}
            onExport={(m) => void exportData(m)}
            onClose={() => setErasing(null)}
          />
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
