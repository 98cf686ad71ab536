import { useSearchParams } from 'react-router-dom';
import { Card, Tabs } from '@mantine/core';
import { IconBrandSlack, IconSend, IconWebhook } from '@tabler/icons-react';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { useRequiredSession } from '../../../../app/session.tsx';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { DeliveriesSection } from './deliveries-section.tsx';
import { SlackSection } from './slack-section.tsx';
import { WebhooksSection } from './webhooks-section.tsx';

const TABS = ['slack', 'webhooks', 'deliveries'] as const;
type Tab = (typeof TABS)[number];

/** Admin: where workspace events go besides each person's own inbox and email. */
export function NotificationsAdminPage() {
  const ws = useWorkspace();
  const tz = useRequiredSession().user.timeZone;
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = TABS.includes(asked as Tab) ? (asked as Tab) : 'slack';

  return (
    <>
      <PageHeader
        title="Notifications and webhooks"
        description={`Send ${ws.membership.name}'s events to Slack channels and other systems, and see what was sent. Each person chooses their own in-app and email notifications in their profile.`}
      />
      <Card withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Tabs value={tab} onChange={(v) => setParams(v && v !== 'slack' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="slack" leftSection={<IconBrandSlack size={16} />}>
              Slack
            </Tabs.Tab>
            <Tabs.Tab value="webhooks" leftSection={<IconWebhook size={16} />}>
              Webhooks
            </Tabs.Tab>
            <Tabs.Tab value="deliveries" leftSection={<IconSend size={16} />}>
              Deliveries and jobs
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="slack">
            <SlackSection slug={ws.slug} />
          </Tabs.Panel>
          <Tabs.Panel value="webhooks">
            <WebhooksSection slug={ws.slug} tz={tz} />
          </Tabs.Panel>
          <Tabs.Panel value="deliveries">
            <DeliveriesSection slug={ws.slug} tz={tz} />
          </Tabs.Panel>
        </Tabs>
      </Card>
    </>
  );
}
