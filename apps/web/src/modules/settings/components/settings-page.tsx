import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { UpdateWorkspaceRequest, type Workspace } from '@tandem/contracts';
import { notifySuccess } from '../../../app/components/notify.ts';
import { PageHeader } from '../../../app/components/page-header.tsx';
import { FormError, QueryView, TableSkeleton } from '../../../app/kit/index.ts';
import { useFormState } from '../../../app/forms.ts';
import { useSession } from '../../../app/session.tsx';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { CurrencyInput, FiscalMonthSelect, useUpdateWorkspace, useWorkspaceDetails } from '../../workspaces/index.ts';
import { NotificationSettingsCard } from '../../notifications/index.ts';
import { SsoSettingsCard } from '../../sso/index.ts';

export function SettingsPage() {
  const ws = useWorkspace();
  const details = useWorkspaceDetails(ws.slug);
  return (
    <>
      <PageHeader title="Settings" description="How this workspace is named and how it counts money and time." />
      <QueryView query={details} skeleton={<TableSkeleton rows={3} />}>
        {(workspace) => (
          <Stack gap="lg">
            <SettingsForm workspace={workspace} />
            {ws.can('deals.settings') && <DealSettingsCard slug={ws.slug} />}
            {ws.can('notifications.manage') && <NotificationSettingsCard slug={ws.slug} />}
            {ws.can('workspace.update') && <SsoSettingsCard slug={ws.slug} />}
          </Stack>
        )}
      </QueryView>
    </>
  );
}

function DealSettingsCard({ slug }: { slug: string }) {
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} maw={640}>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Stack gap={4} style={{ flex: '1 1 280px' }}>
          <Title order={3} size="h5">
            Deal stages and exchange rates
          </Title>
          <Text size="sm" c="dimmed">
            Which CRM stages count as open, won or lost, and the rates that convert deal amounts to the base currency.
          </Text>
        </Stack>
        <Button component={Link} to={`/w/${slug}/settings/deals`} variant="light" rightSection={<IconChevronRight size={16} />}>
          Stages and rates
        </Button>
      </Group>
    </Card>
  );
}

function SettingsForm({ workspace }: { workspace: Workspace }) {
  const updateWorkspace = useUpdateWorkspace(workspace.slug);
  const { refresh } = useSession();
  const initial = {
    name: workspace.name,
    baseCurrency: workspace.baseCurrency,
    fiscalYearStartMonth: workspace.fiscalYearStartMonth,
  };
  const form = useFormState(initial);

  useEffect(() => {
    form.reset(initial);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload the form when the server copy changes
  }, [workspace.name, workspace.baseCurrency, workspace.fiscalYearStartMonth]);

  const dirty =
    form.values.name !== workspace.name ||
    form.values.baseCurrency !== workspace.baseCurrency ||
    form.values.fiscalYearStartMonth !== workspace.fiscalYearStartMonth;

  const onSubmit = form.handleSubmit(UpdateWorkspaceRequest, async (body) => {
    const updated = await updateWorkspace.mutateAsync(body);
    if (updated.name !== workspace.name) await refresh();
    notifySuccess('Workspace settings saved.');
  });

  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} maw={640}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <FormError message={form.formError} />
          <TextInput label="Workspace name" required {...form.input('name')} />
          <TextInput
            label="Workspace URL"
            value={`/w/${workspace.slug}`}
            readOnly
            disabled
            description="The URL cannot be changed, so links people saved keep working."
          />
          <CurrencyInput {...form.field('baseCurrency')} />
          <FiscalMonthSelect {...form.field('fiscalYearStartMonth')} />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {dirty ? 'You have unsaved changes.' : ''}
            </Text>
            <Button type="submit" loading={form.submitting} disabled={!dirty}>
              Save settings
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
