import { useState } from 'react';
import { Badge, Button, Card, Checkbox, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { OccurrenceDetail } from '@tandem/contracts';
import { formatDay, todayIn } from '../../../../app/kit/index.ts';
import { useRequiredSession } from '../../../../app/session.tsx';
import { toldWords, type Actions, type Run } from './occurrence-shared.ts';

/** The default due date of a new action item. */
function aWeekFromToday() {
  return new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
}

interface Props {
  occurrence: OccurrenceDetail;
  actions: Actions;
  run: Run;
}

/** Who attended: the owner ticks and saves; the meeting then counts as held. */
export function AttendancePanel({ occurrence: o, actions, run }: Props) {
  const [present, setPresent] = useState<string[]>(o.attendance.filter((a) => a.present).map((a) => a.userId));
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h4">
          Attendance
        </Title>
        {!o.heldAt && !o.canManage && (
          <Text size="sm" c="dimmed">
            Not kept yet.
          </Text>
        )}
        {o.canManage ? (
          <>
            <Checkbox.Group value={present} onChange={setPresent} label="Who attended">
              <Stack gap={6} mt={6}>
                {o.attendance.map((a) => (
                  <Checkbox key={a.userId} value={a.userId} label={`${a.name} (${a.team === 'marketing' ? 'product marketing' : a.team})`} />
                ))}
              </Stack>
            </Checkbox.Group>
            <Group>
              <Button
                size="xs"
                variant="light"
                loading={actions.attendance.isPending}
                onClick={() => void run(actions.attendance.mutateAsync({ presentUserIds: present }), () => `Attendance saved: ${present.length} of ${o.attendance.length} attended.`)}
              >
                Save attendance
              </Button>
            </Group>
          </>
        ) : (
          o.heldAt && (
            <Stack gap={4}>
              {o.attendance.map((a) => (
                <Text size="sm" key={a.userId}>{`${a.name}: ${a.present ? 'attended' : 'absent'}`}</Text>
              ))}
            </Stack>
          )
        )}
      </Stack>
    </Card>
  );
}

/** Action items agreed here: owner and due date; each is on the next agendas until done. */
export function ActionItemsPanel({ occurrence: o, actions, run }: Props) {
  const me = useRequiredSession().user.id;
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState<string | null>(null);
  // Agreed at this meeting, so due no earlier than its day (in the series' zone).
  const meetingDay = todayIn(o.timeZone, new Date(o.startsAt));
  const [due, setDue] = useState(() => [aWeekFromToday(), meetingDay].sort()[1]!);
  const [dueError, setDueError] = useState<string | null>(null);
  const people = o.attendance.map((a) => ({ value: a.userId, label: a.name }));
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h4">
          Action items
        </Title>
        {o.actionItems.length === 0 && (
          <Text size="sm" c="dimmed">
            None agreed in this meeting.
          </Text>
        )}
        <Stack gap={6}>
          {o.actionItems.map((a) => (
            <Group key={a.id} gap="xs" wrap="nowrap" align="flex-start">
              <Checkbox
                checked={!!a.doneAt}
                disabled={!(o.canManage || a.owner.userId === me)}
                aria-label={`Done: ${a.title}`}
                onChange={(e) => {
                  const done = e.currentTarget.checked;
                  void run(actions.setDone.mutateAsync({ actionItemId: a.id, done }), () => (done ? `Marked done: ${a.title}.` : `Open again: ${a.title}.`));
                }}
              />
              <Stack gap={0}>
                <Text size="sm" td={a.doneAt ? 'line-through' : undefined}>
                  {a.title}
                </Text>
                <Group gap={6}>
                  <Text size="xs" c="dimmed">{`${a.owner.name}, due ${formatDay(a.dueOn)}`}</Text>
                  {a.overdue && (
                    <Badge size="xs" color="red" variant="outline" c="red.9" tt="none">
                      Overdue
                    </Badge>
                  )}
                </Group>
              </Stack>
            </Group>
          ))}
        </Stack>
        {o.canTakePart && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!title.trim() || !owner) return;
              if (!due || due < meetingDay) {
                setDueError(due ? `${formatDay(due)} is before this meeting (${formatDay(meetingDay)}): pick that day or a later one` : 'Pick a due date');
                return;
              }
              setDueError(null);
              void run(actions.addAction.mutateAsync({ title, ownerUserId: owner, dueOn: due }), (r) => toldWords(`Action item added: ${title.trim()}.`, r.notified)).then((done) => done && setTitle(''));
            }}
          >
            <Stack gap="xs">
              <TextInput label="New action item" placeholder="What is to be done" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
              <Group gap="xs" align="flex-end" wrap="wrap">
                <Select label="Owner" placeholder="Who" data={people} value={owner} onChange={setOwner} searchable style={{ flex: '1 1 160px' }} />
                <TextInput
                  type="date"
                  label="Due"
                  value={due}
                  onChange={(e) => {
                    setDue(e.currentTarget.value);
                    setDueError(null);
                  }}
                  error={dueError}
                  style={{ flex: '0 1 160px' }}
                />
                <Button type="submit" variant="light" leftSection={<IconPlus size={16} />} loading={actions.addAction.isPending} disabled={!title.trim() || !owner}>
                  Add action item
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
