import { Link } from 'react-router-dom';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';

/** A settings-page card leading to the admin page (Slack, webhooks, deliveries). */
export function NotificationSettingsCard({ slug }: { slug: string }) {
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} maw={640}>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Stack gap={4} style={{ flex: '1 1 280px' }}>
          <Title order={3} size="h5">
            Notifications and webhooks
          </Title>
          <Text size="sm" c="dimmed">
            Post events to Slack channels, call other systems with webhooks, and see what was sent.
          </Text>
        </Stack>
        <Button component={Link} to={`/w/${slug}/settings/notifications`} variant="light" rightSection={<IconChevronRight size={16} />}>
          Slack and webhooks
        </Button>
      </Group>
    </Card>
  );
}
