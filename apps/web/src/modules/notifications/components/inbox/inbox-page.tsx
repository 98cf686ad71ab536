import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Anchor, Button, Card, Group, SegmentedControl, Stack, Text, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconBellCheck, IconSettings } from '@tabler/icons-react';
import type { InboxItem } from '@tandem/contracts';
import { notifyError } from '../../../../app/components/notify.ts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { InfiniteQueryView, TableSkeleton } from '../../../../app/kit/index.ts';
import { useRequiredSession } from '../../../../app/session.tsx';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useInbox, useMarkRead, useUnreadCount } from '../../hooks/use-inbox.ts';
import { usePreferences } from '../../hooks/use-preferences.ts';
import { groupByDay, timeOf } from './day-groups.ts';

export function InboxPage() {
  const ws = useWorkspace();
  const session = useRequiredSession();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const prefs = usePreferences(ws.slug);
  const tz = prefs.data?.timeZone ?? session.user.timeZone;
  const inbox = useInbox(ws.slug, filter === 'unread');
  const count = useUnreadCount(ws.slug);
  const markRead = useMarkRead(ws.slug);
  const unread = count.data?.unread ?? inbox.data?.pages[0]?.unread ?? 0;

  function mark(body: { ids: string[] } | { all: true }) {
    markRead.mutate(body, { onError: (e) => notifyError(e, 'Could not mark as read') });
  }

  function open(item: InboxItem) {
    if (!item.readAt) mark({ ids: [item.id] });
    if (item.link) void navigate(item.link);
  }

  return (
    <>
      <PageHeader
        title="Notifications"
        description={`What happened that concerns you in ${ws.membership.name}. Times are in your time zone (${tz}).`}
        actions={
          <Button component={Link} to={`/w/${ws.slug}/profile/notifications`} variant="default" leftSection={<IconSettings size={16} />}>
            Notification settings
          </Button>
        }
      />
      <Card withBorder radius="md" p="md">
        <Stack gap="md">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <SegmentedControl
              value={filter}
              onChange={(v) => setFilter(v as 'all' | 'unread')}
              data={[
                { value: 'all', label: 'All' },
                { value: 'unread', label: unread ? `Unread (${unread})` : 'Unread' },
              ]}
              aria-label="Show"
            />
            <Button variant="light" disabled={unread === 0} loading={markRead.isPending} onClick={() => mark({ all: true })}>
              Mark all read
            </Button>
          </Group>

          <InfiniteQueryView
            query={inbox}
            items={(p) => p.items}
            skeleton={<TableSkeleton rows={4} />}
            empty={{
              icon: <IconBellCheck size={28} />,
              title: "You're all caught up",
              description:
                filter === 'unread'
                  ? 'Nothing unread. Switch to All to see what you have already read.'
                  : 'Imports that finish, role changes, new API tokens and deals that change stage show up here.',
            }}
          >
            {(items) =>
              groupByDay(items, tz).map((group) => (
                <Stack key={group.day} gap={0} component="section" aria-label={group.heading}>
                  <Title order={3} size="h6" c="dimmed" tt="uppercase" mb={4}>
                    {group.heading}
                  </Title>
                  <Stack gap={0} role="list">
                    {group.items.map((item) => (
                      <InboxRow key={item.id} item={item} tz={tz} onOpen={open} onMark={(id) => mark({ ids: [id] })} />
                    ))}
                  </Stack>
                </Stack>
              ))
            }
          </InfiniteQueryView>
        </Stack>
      </Card>
    </>
  );
}

interface InboxRowProps {
  item: InboxItem;
  tz: string;
  onOpen: (item: InboxItem) => void;
  onMark: (id: string) => void;
}

function InboxRow({ item, tz, onOpen, onMark }: InboxRowProps) {
  const unread = !item.readAt;
  return (
    <Group
      role="listitem"
      wrap="nowrap"
      align="flex-start"
      gap="sm"
      py="sm"
      px="xs"
      bg={unread ? 'var(--mantine-color-blue-0)' : undefined}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
    >
      <UnstyledButton onClick={() => onOpen(item)} style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" fw={unread ? 700 : 400}>
          {unread && <VisuallyHidden>Unread: </VisuallyHidden>}
          {/* Its own element: the title reads (and is found) as shown, the hidden word only by screen readers. */}
          <span>{item.title}</span>
        </Text>
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
          {item.body}
        </Text>
      </UnstyledButton>
      <Stack gap={2} align="flex-end" style={{ flex: 'none' }}>
        <Text size="xs" c="dimmed">
          {timeOf(item.createdAt, tz)}
        </Text>
        {unread && (
          <Anchor component="button" type="button" size="xs" onClick={() => onMark(item.id)}>
            Mark read
          </Anchor>
        )}
      </Stack>
    </Group>
  );
}
