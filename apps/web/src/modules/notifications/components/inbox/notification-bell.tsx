import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ActionIcon, Anchor, Badge, Box, Button, Divider, Group, Loader, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell, IconSettings } from '@tabler/icons-react';
import type { InboxItem } from '@tandem/contracts';
import { notifyError } from '../../../../app/components/notify.ts';
import { QueryError, formatRelative } from '../../../../app/kit/index.ts';
import { useLatestItems, useMarkRead, useUnreadCount } from '../../hooks/use-inbox.ts';

/** The header's bell: how many notifications are unread, and the latest few a click away. */
export function NotificationBell({ slug }: { slug: string }) {
  const [opened, setOpened] = useState(false);
  const navigate = useNavigate();
  const count = useUnreadCount(slug);
  const latest = useLatestItems(slug, opened);
  const markRead = useMarkRead(slug);
  const unread = count.data?.unread ?? 0;
  const base = `/w/${slug}`;

  function go(path: string) {
    setOpened(false);
    void navigate(path);
  }

  function open(item: InboxItem) {
    if (!item.readAt) markRead.mutate({ ids: [item.id] }, { onError: (e) => notifyError(e, 'Could not mark it read') });
    if (item.link) go(item.link);
  }

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} shadow="md" withArrow>
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          radius="xl"
          aria-label={unread ? `Notifications: ${unread > 99 ? '99+' : unread} unread` : 'Notifications'}
          title={unread ? `${unread} unread notifications` : 'Notifications'}
          onClick={() => setOpened((o) => !o)}
          pos="relative"
          style={{ overflow: 'visible' }}
        >
          <IconBell size={20} stroke={1.6} />
          {unread > 0 && (
            <Badge
              size="xs"
              color="red"
              variant="filled"
              circle={unread < 10}
              pos="absolute"
              top={-2}
              right={-4}
              style={{ pointerEvents: 'none' }}
              data-testid="unread-badge"
            >
              {unread > 99 ? '99+' : unread}
            </Badge>
          )}
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <Group justify="space-between" px="md" py="xs">
          <Text fw={600} size="sm">
            Notifications
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            disabled={unread === 0}
            loading={markRead.isPending && !markRead.variables?.ids}
            onClick={() => markRead.mutate({ all: true }, { onError: (e) => notifyError(e, 'Could not mark them read') })}
          >
            Mark all read
          </Button>
        </Group>
        <Divider />
        <ScrollArea.Autosize mah={420}>
          {latest.isPending ? (
            <Group justify="center" p="lg">
              <Loader size="sm" />
            </Group>
          ) : latest.isError ? (
            <Box p="sm">
              <QueryError error={latest.error} onRetry={() => void latest.refetch()} />
            </Box>
          ) : latest.data.items.length === 0 ? (
            <Text size="sm" c="dimmed" ta="center" p="lg">
              You're all caught up. New notifications appear here.
            </Text>
          ) : (
            <Stack gap={0} role="list" aria-label="Latest notifications">
              {latest.data.items.map((item) => (
                <BellItem key={item.id} item={item} onOpen={open} />
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
        <Divider />
        <Group justify="space-between" px="md" py="xs">
          <Anchor component={Link} to={`${base}/notifications`} size="sm" onClick={() => setOpened(false)}>
            See all
          </Anchor>
          <Anchor
            component={Link}
            to={`${base}/profile/notifications`}
            size="sm"
            c="dimmed"
            onClick={() => setOpened(false)}
          >
            <Group gap={4} wrap="nowrap">
              <IconSettings size={14} />
              Notification settings
            </Group>
          </Anchor>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}

function BellItem({ item, onOpen }: { item: InboxItem; onOpen: (item: InboxItem) => void }) {
  const unread = !item.readAt;
  return (
    <UnstyledButton
      role="listitem"
      onClick={() => onOpen(item)}
      px="md"
      py="xs"
      bg={unread ? 'var(--mantine-color-blue-0)' : undefined}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
      aria-label={`${unread ? 'Unread: ' : ''}${item.title}`}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Box
          mt={6}
          w={8}
          h={8}
          style={{ borderRadius: 4, flex: 'none' }}
          bg={unread ? 'var(--mantine-color-blue-6)' : 'transparent'}
          aria-hidden
        />
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" fw={unread ? 700 : 400} lineClamp={2}>
            {item.title}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={2}>
            {item.body}
          </Text>
          <Text size="xs" c="dimmed">
            {formatRelative(item.createdAt)}
          </Text>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}
