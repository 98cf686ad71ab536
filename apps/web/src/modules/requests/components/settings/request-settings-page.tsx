import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Anchor, Breadcrumbs, Card, Stack, Text, Title } from '@mantine/core';
import type { RequestSettings } from '@tandem/contracts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { PageSkeleton } from '../../../../app/components/page-skeleton.tsx';
import { QueryView } from '../../../../app/kit/index.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useRequestSettings } from '../../hooks/use-request-settings.ts';
import { CalendarForm } from './calendar-form.tsx';
import { DueSoonForm } from './due-soon-form.tsx';
import { SlaTargetsForm } from './sla-targets-form.tsx';
import { WeightsForm } from './weights-form.tsx';

/** `/requests/settings`: SLA targets per type, the score's weights, the working calendar. Admins change them; others read them. */
export function RequestSettingsPage() {
  const ws = useWorkspace();
  const settings = useRequestSettings(ws.slug);
  const editable = ws.can('requests.settings');
  return (
    <>
      <Breadcrumbs mb="xs" separatorMargin={6}>
        <Anchor component={Link} to={`/w/${ws.slug}/requests`} size="sm">
          Requests
        </Anchor>
        <Text size="sm" c="dimmed">
          Settings
        </Text>
      </Breadcrumbs>
      <PageHeader
        title="Request settings"
        description="How fast each type of request should be answered and delivered, how the queue's score weighs pipeline, urgency, reach and a strategic boost, and the working hours the clocks count."
      />
      {!editable && (
        <Alert color="blue" variant="light" mb="lg" title="Only admins change these">
          <Text size="sm">You can read how the queue is ordered and how the clocks count. Ask an admin if something here looks wrong.</Text>
        </Alert>
      )}
      <QueryView query={settings} skeleton={<PageSkeleton />} error="Could not load the request settings">
        {(s) => <SettingsSections settings={s} editable={editable} />}
      </QueryView>
    </>
  );
}

function SettingsSections({ settings, editable }: { settings: RequestSettings; editable: boolean }) {
  return (
    <Stack gap="lg" maw={980}>
      <Section title="Response and delivery targets" description="Business hours from filing to the first answer by a PMM, and to delivery. Clocks turn “due soon”, then “breached”; the assignee and the requester’s lead are told.">
        <SlaTargetsForm settings={settings} editable={editable} />
      </Section>
      <Section title="How the queue is ordered" description="Each request gets a score: every part is worth 0–100 and is multiplied by its weight. Changing the weights reorders the queue for everyone and is recorded in the audit log.">
        <WeightsForm settings={settings} editable={editable} />
      </Section>
      <Section title="Working calendar" description="The clocks count only working hours in this time zone, and skip holidays.">
        <CalendarForm settings={settings} editable={editable} />
      </Section>
      <Section title="When a clock is due soon" description="A clock turns “due soon” when this share of its target is left.">
        <DueSoonForm settings={settings} editable={editable} />
      </Section>
    </Stack>
  );
}

function Section({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {description}
        </Text>
        {children}
      </Stack>
    </Card>
  );
}
