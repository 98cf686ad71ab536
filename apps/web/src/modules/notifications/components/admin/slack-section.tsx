import { useState } from 'react';
import { Badge, Button, Code, Group, Modal, MultiSelect, Stack, Text, TextInput } from '@mantine/core';
import { IconBrandSlack, IconPlus } from '@tabler/icons-react';
import { z } from 'zod';
import { CreateSlackChannel, EventTypeSchema, UpdateSlackChannel, type EventType, type SlackChannel, type TestResult } from '@tandem/contracts';
import { ConfirmModal } from '../../../../app/components/confirm-modal.tsx';
import { ModalForm } from '../../../../app/components/modal-form.tsx';
import { notifyError, notifySuccess } from '../../../../app/components/notify.ts';
import { err, useFormState } from '../../../../app/forms.ts';
import { DataTable, QueryView, TableSkeleton, type DataTableColumn } from '../../../../app/kit/index.ts';
import { useConfirmAction } from '../../../../app/use-confirm-action.ts';
import {
  useCreateSlackChannel,
  useDeleteSlackChannel,
  useSlackChannels,
  useTestSlackChannel,
  useUpdateSlackChannel,
} from '../../hooks/use-slack-channels.ts';
import { TestResultAlert } from './delivery-status.tsx';
import { eventLabel, eventOptions } from './event-options.ts';

const chooseEvents = z.array(EventTypeSchema).min(1, 'Choose at least one event');
const CreateForm = CreateSlackChannel.extend({ eventTypes: chooseEvents });
const UpdateForm = UpdateSlackChannel.extend({ eventTypes: chooseEvents });

/** Slack channels that receive a message for chosen events, through an incoming webhook. */
export function SlackSection({ slug }: { slug: string }) {
  const channels = useSlackChannels(slug);
  const deleteChannel = useDeleteSlackChannel(slug);
  const testChannel = useTestSlackChannel(slug);
  const [editing, setEditing] = useState<SlackChannel | 'new' | null>(null);
  const [testing, setTesting] = useState<string | null>(null);
  const [result, setResult] = useState<{ target: string; result: TestResult } | null>(null);
  const remove = useConfirmAction(async (c: SlackChannel) => {
    await deleteChannel.mutateAsync(c.id);
    notifySuccess(`${c.name} no longer receives messages.`, 'Channel removed');
  });

  async function test(c: SlackChannel) {
    setTesting(c.id);
    setResult(null);
    try {
      setResult({ target: c.name, result: await testChannel.mutateAsync(c.id) });
    } catch (e) {
      notifyError(e, 'Could not send the test message');
    } finally {
      setTesting(null);
    }
  }

  const columns: DataTableColumn<SlackChannel>[] = [
    {
      key: 'channel',
      header: 'Channel',
      cell: (c) => (
        <>
          <Text size="sm" fw={500}>
            {c.name}
          </Text>
          <Code fz="xs">{c.webhookUrlMasked}</Code>
        </>
      ),
    },
    { key: 'events', header: 'Events', cell: (c) => <EventBadges types={c.eventTypes} /> },
    {
      key: 'actions',
      header: '',
      label: 'Actions',
      cell: (c) => (
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <Button size="compact-sm" variant="light" loading={testing === c.id} onClick={() => void test(c)}>
            Send test message
          </Button>
          <Button size="compact-sm" variant="subtle" onClick={() => setEditing(c)} aria-label={`Edit ${c.name}`}>
            Edit
          </Button>
          <Button size="compact-sm" variant="subtle" color="red" onClick={() => remove.ask(c)} aria-label={`Delete ${c.name}`}>
            Delete
          </Button>
        </Group>
      ),
    },
  ];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Text size="sm" c="dimmed" maw={640}>
          Post to a Slack channel when something happens, e.g. every finished import to #revops. In Slack, add an
          “Incoming webhook” to the channel and paste its URL here.
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          Add Slack channel
        </Button>
      </Group>
      {result && <TestResultAlert target={result.target} result={result.result} onClose={() => setResult(null)} />}
      <QueryView
        query={channels}
        skeleton={<TableSkeleton rows={2} />}
        empty={{
          when: (d) => d.items.length === 0,
          icon: <IconBrandSlack size={28} />,
          title: 'No Slack channels yet',
          description: 'Add one to post finished imports, deal stage changes or role changes to Slack.',
        }}
      >
        {(d) => (
          <DataTable
            aria-label="Slack channels"
            rows={d.items}
            rowKey={(c) => c.id}
            columns={columns}
            minWidth={760}
            verticalSpacing="sm"
            // No cards yet: the table scrolls sideways on a phone.
            phone={false}
          />
        )}
      </QueryView>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? 'Add Slack channel' : 'Edit Slack channel'} centered size="lg">
        {editing !== null && <SlackForm slug={slug} channel={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
      <ConfirmModal title="Remove this Slack channel?" confirmLabel="Remove" danger {...remove.modal}>
        {`${remove.target?.name ?? 'The channel'} stops receiving messages from Tandem. The channel itself stays in Slack.`}
      </ConfirmModal>
    </Stack>
  );
}

export function EventBadges({ types }: { types: readonly string[] }) {
  return (
    <Group gap={4}>
      {types.map((t) => (
        <Badge key={t} variant="outline" color="gray" tt="none" fw={500}>
          {eventLabel(t)}
        </Badge>
      ))}
    </Group>
  );
}

function SlackForm({ slug, channel, onDone }: { slug: string; channel: SlackChannel | null; onDone: () => void }) {
  const createChannel = useCreateSlackChannel(slug);
  const updateChannel = useUpdateSlackChannel(slug);
  const form = useFormState({
    name: channel?.name ?? '#',
    webhookUrl: '',
    eventTypes: (channel?.eventTypes ?? []) as EventType[],
  });
  const onSubmit = channel
    ? form.handleSubmit(
        UpdateForm,
        async (body) => {
          await updateChannel.mutateAsync({ id: channel.id, body });
          notifySuccess(`${body.name ?? channel.name} is saved.`, 'Slack channel saved');
          onDone();
        },
        // A blank URL keeps the one Tandem has (it is shown masked only).
        { input: () => ({ ...form.values, webhookUrl: form.values.webhookUrl.trim() || undefined }) },
      )
    : form.handleSubmit(CreateForm, async (body) => {
        await createChannel.mutateAsync(body);
        notifySuccess(`${body.name} now receives the events you chose. Send a test message to check.`, 'Slack channel added');
        onDone();
      });

  return (
    <ModalForm form={form} onSubmit={onSubmit} onCancel={onDone} submitLabel={channel ? 'Save' : 'Add channel'}>
      <TextInput label="Name" description="How the channel is shown in Tandem, e.g. #sales-pmm" required data-autofocus {...form.input('name')} />
      <TextInput
        label="Incoming-webhook URL"
        description={channel ? `Now ${channel.webhookUrlMasked}. Leave blank to keep it.` : 'From Slack: Apps → Incoming WebHooks → Add to channel. It starts with https://hooks.slack.com/'}
        placeholder="https://hooks.slack.com/services/…"
        required={!channel}
        {...form.input('webhookUrl')}
      />
      <MultiSelect
        label="Events"
        description="Post a message when one of these happens"
        placeholder={form.values.eventTypes.length ? undefined : 'Choose events'}
        data={eventOptions('slack')}
        value={form.values.eventTypes}
        onChange={(v) => form.set('eventTypes', v as EventType[])}
        error={err(form.errors, 'eventTypes')}
        required
      />
    </ModalForm>
  );
}
