import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ActionIcon, Anchor, Badge, Button, Card, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { AddAgendaItemRequest, AGENDA_ITEM_KIND_LABELS, type AgendaItem, type OccurrenceDetail } from '@tandem/contracts';
import { meetingTimeWords } from '../shared/when.ts';
import type { Actions, Run } from './occurrence-shared.ts';

interface Props {
  occurrence: OccurrenceDetail;
  actions: Actions;
  run: Run;
}

/** The agenda: each item says where it comes from and why; the owner reorders, removes and adds topics; attendees write notes. */
export function AgendaEditor({ occurrence: o, actions, run }: Props) {
  const [topic, setTopic] = useState('');
  const [topicError, setTopicError] = useState<string | null>(null);
  const move = (index: number, by: -1 | 1) => {
    const ids = o.items.map((i) => i.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id!);
    void run(actions.reorder.mutateAsync({ order: ids }), () => 'Agenda reordered.');
  };
  return (
    <Card withBorder>
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4">
            Agenda
          </Title>
          <Text size="sm" c="dimmed">
            {o.since
              ? `Written from what changed since the previous meeting (${meetingTimeWords(o.since, o.timeZone, o.timeZone)}): new or rising themes by revenue at stake, requests past their SLA or below the capacity line, decisions open for input, goals at risk or off track, and open action items.`
              : 'Written from live data: new or rising themes, requests past their SLA or below the capacity line, decisions open for input, goals at risk or off track.'}
          </Text>
        </div>
        {o.items.length === 0 && (
          <Text size="sm" c="dimmed">
            Nothing qualified from the data{o.canManage ? '; add a topic below.' : '.'}
          </Text>
        )}
        <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Agenda items">
          {o.items.map((item, index) => (
            <AgendaRow key={item.id} item={item} index={index} count={o.items.length} occurrence={o} actions={actions} run={run} move={move} />
          ))}
        </Stack>
        {o.canManage && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              // Checked here first, so an empty or too long topic is named beside the field; kept in the field until it is added.
              const checked = AddAgendaItemRequest.safeParse({ title: topic });
              setTopicError(checked.success ? null : (checked.error.issues[0]?.message ?? null));
              if (!checked.success) return;
              void run(actions.addItem.mutateAsync({ title: topic }), () => `Topic added: ${topic.trim()}.`).then((done) => done && setTopic(''));
            }}
          >
            <Group gap="xs" align="flex-end" wrap="wrap">
              <TextInput
                label="Add a topic"
                placeholder="e.g. Launch calendar for Q3"
                value={topic}
                onChange={(e) => {
                  setTopic(e.currentTarget.value);
                  setTopicError(null);
                }}
                error={topicError}
                style={{ flex: '1 1 240px' }}
              />
              <Button type="submit" variant="light" leftSection={<IconPlus size={16} />} loading={actions.addItem.isPending}>
                Add topic
              </Button>
            </Group>
          </form>
        )}
      </Stack>
    </Card>
  );
}

function AgendaRow({ item, index, count, occurrence: o, actions, run, move }: { item: AgendaItem; index: number; count: number; move: (i: number, by: -1 | 1) => void } & Props) {
  const [notes, setNotes] = useState(item.notes);
  const dirty = notes !== item.notes;
  return (
    <li>
      <Card withBorder padding="sm" radius="sm">
        <Stack gap={6}>
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={600}>{`${index + 1}.`}</Text>
                <Badge variant="light" color="gray" tt="none" c="gray.9">
                  {AGENDA_ITEM_KIND_LABELS[item.kind]}
                </Badge>
                {item.link ? (
                  <Anchor component={Link} to={item.link} size="sm" fw={600} style={{ textDecoration: 'underline' }}>
                    {item.title}
                  </Anchor>
                ) : (
                  <Text size="sm" fw={600}>
                    {item.title}
                  </Text>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {item.why}
              </Text>
            </Stack>
            {o.canManage && (
              <Group gap={2} wrap="nowrap">
                <ActionIcon variant="subtle" color="gray" aria-label={`Move "${item.title}" up`} disabled={index === 0} onClick={() => move(index, -1)}>
                  <IconArrowUp size={16} />
                </ActionIcon>
                <ActionIcon variant="subtle" color="gray" aria-label={`Move "${item.title}" down`} disabled={index === count - 1} onClick={() => move(index, 1)}>
                  <IconArrowDown size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Take "${item.title}" off the agenda`}
                  onClick={() => void run(actions.editItem.mutateAsync({ agendaItemId: item.id, hidden: true }), () => `"${item.title}" taken off the agenda.`)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            )}
          </Group>
          {o.canTakePart ? (
            <Group gap="xs" align="flex-end" wrap="wrap">
              <Textarea aria-label={`Notes on "${item.title}"`} placeholder="Notes" autosize minRows={1} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} style={{ flex: '1 1 240px' }} />
              {dirty && (
                <Button size="xs" variant="light" onClick={() => void run(actions.editItem.mutateAsync({ agendaItemId: item.id, notes }), () => `Notes saved on "${item.title}".`)}>
                  Save notes
                </Button>
              )}
            </Group>
          ) : (
            item.notes && <Text size="sm">{item.notes}</Text>
          )}
        </Stack>
      </Card>
    </li>
  );
}
