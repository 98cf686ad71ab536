import { useState } from 'react';
import { ActionIcon, Badge, Button, Card, Group, Menu, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { IconDots, IconPencil, IconPlus, IconTrash, IconUsersGroup } from '@tabler/icons-react';
import { ROLE_LABELS, type Team } from '@tandem/contracts';
import { ConfirmModal } from '../../../app/components/confirm-modal.tsx';
import { notifySuccess } from '../../../app/components/notify.ts';
import { PageHeader } from '../../../app/components/page-header.tsx';
import { CardsSkeleton, EmptyResult, QueryView } from '../../../app/kit/index.ts';
import { useConfirmAction } from '../../../app/use-confirm-action.ts';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useDeleteTeam, useTeams } from '../hooks/use-teams.ts';
import { TeamFormModal } from './team-form-modal.tsx';

export function TeamsPage() {
  const ws = useWorkspace();
  const manage = ws.can('teams.manage');
  const teams = useTeams(ws.slug);
  const deleteTeam = useDeleteTeam(ws.slug);
  const [editing, setEditing] = useState<Team | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const remove = useConfirmAction(async (team: Team) => {
    await deleteTeam.mutateAsync(team.id);
    notifySuccess(`${team.name} is deleted. Its people stay in the workspace.`, 'Team deleted');
  });

  function openForm(team: Team | null) {
    setEditing(team);
    setFormOpen(true);
  }

  return (
    <>
      <PageHeader
        title="Teams"
        description="Sales and marketing teams and who leads them. A person can be on more than one team."
        actions={
          manage && (
            <Button leftSection={<IconPlus size={18} />} onClick={() => openForm(null)}>
              Create team
            </Button>
          )
        }
      />
      <QueryView
        query={teams}
        skeleton={<CardsSkeleton />}
        empty={{
          when: (d) => d.items.length === 0,
          // The page's only content, so the empty state sits in a card like the teams would.
          content: (
            <Card withBorder radius="md" p="xl">
              <EmptyResult
                icon={<IconUsersGroup size={28} />}
                title="No teams yet"
                description={
                  manage
                    ? 'Create a team for each sales region or segment, and one for product marketing. Pick a lead and add people.'
                    : 'An admin of this workspace can create teams.'
                }
                action={
                  manage && (
                    <Button leftSection={<IconPlus size={18} />} onClick={() => openForm(null)}>
                      Create the first team
                    </Button>
                  )
                }
              />
            </Card>
          ),
        }}
      >
        {(d) => (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {d.items.map((team) => (
              <TeamCard key={team.id} team={team} manage={manage} onEdit={() => openForm(team)} onDelete={() => remove.ask(team)} />
            ))}
          </SimpleGrid>
        )}
      </QueryView>

      {manage && (
        <>
          <TeamFormModal slug={ws.slug} opened={formOpen} team={editing} onClose={() => setFormOpen(false)} />
          <ConfirmModal {...remove.modal} title={`Delete ${remove.target?.name ?? 'team'}?`} confirmLabel="Delete team" danger>
            The team is removed. Its {remove.target?.members.length ?? 0} members stay in the workspace with their roles.
          </ConfirmModal>
        </>
      )}
    </>
  );
}

function TeamCard({ team, manage, onEdit, onDelete }: { team: Team; manage: boolean; onEdit: () => void; onDelete: () => void }) {
  const others = team.members.filter((m) => m.userId !== team.lead?.userId);
  return (
    <Card withBorder radius="md" p="md" component="article" aria-label={team.name}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600} size="lg" truncate>
              {team.name}
            </Text>
            <Text size="sm" c="dimmed">
              {team.members.length} {team.members.length === 1 ? 'member' : 'members'}
            </Text>
          </Stack>
          {manage && (
            <Menu position="bottom-end" shadow="md">
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${team.name}`}>
                  <IconDots size={18} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconPencil size={16} />} onClick={onEdit}>
                  Edit team
                </Menu.Item>
                <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={onDelete}>
                  Delete team
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
        {team.description && (
          <Text size="sm" lineClamp={3}>
            {team.description}
          </Text>
        )}
        <Stack gap={4}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Lead
          </Text>
          {team.lead ? (
            <Text size="sm" fw={500}>
              {team.lead.name}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {manage ? 'None yet — edit the team to pick one' : 'None yet'}
            </Text>
          )}
        </Stack>
        <Stack gap={4}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Members
          </Text>
          {others.length > 0 ? (
            <Group gap={6}>
              {others.map((m) => (
                <Tooltip key={m.userId} label={ROLE_LABELS[m.role]} withArrow>
                  <Badge variant="default" tt="none" fw={500} size="lg" radius="sm">
                    {m.name}
                  </Badge>
                </Tooltip>
              ))}
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {manage ? 'Nobody besides the lead yet. Edit the team to add people.' : 'Nobody besides the lead yet.'}
            </Text>
          )}
        </Stack>
      </Stack>
    </Card>
  );
}
