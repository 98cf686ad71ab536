import { useNavigate } from 'react-router-dom';
import { Button, Card, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { CreateMeetingSeriesRequest, MEETING_CADENCE_LABELS, MEETING_CADENCES, ROLE_LABELS, type MeetingCadence } from '@tandem/contracts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { useFormState } from '../../../../app/forms.ts';
import { browserTimeZone, formatDay, FormError, todayIn } from '../../../../app/kit/index.ts';
import { useRequiredSession } from '../../../../app/session.tsx';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useCreateMeetingSeries, useMeetingMemberOptions } from '../../hooks/use-meetings.ts';

const CADENCE_DATA = MEETING_CADENCES.map((c) => ({ value: c, label: MEETING_CADENCE_LABELS[c] }));
const ZONES = (() => {
  const supported = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return [...new Set(['UTC', browserTimeZone(), ...supported])];
})();
function aWeekFromToday() {
  return new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
}
/** The first meeting is today or later: a series begun years back would list every week since as a meeting not recorded. */
const NewSeriesRequest = CreateMeetingSeriesRequest.superRefine((v, ctx) => {
  const today = todayIn(v.timeZone);
  if (v.startsOn < today) ctx.addIssue({ code: 'custom', path: ['startsOn'], message: `${formatDay(v.startsOn)} has passed: the first meeting is today (${formatDay(today)}) or later` });
});
const TEAM_LABELS = { marketing: 'Product marketing', sales: 'Sales', admin: 'Admins' } as const;

/** Starts a sync series: when it recurs (a wall time in a time zone), how long, and who attends from both teams. */
export function NewMeetingSeriesPage() {
  const ws = useWorkspace();
  const me = useRequiredSession().user;
  const navigate = useNavigate();
  const create = useCreateMeetingSeries(ws.slug);
  const members = useMeetingMemberOptions(ws.slug);
  const nextWeek = aWeekFromToday();
  const form = useFormState({
    title: 'Product marketing and sales sync',
    cadence: 'weekly' as MeetingCadence,
    startsOn: nextWeek,
    startTime: '09:30',
    timeZone: me.timeZone || browserTimeZone(),
    durationMinutes: 45,
    attendeeIds: [] as string[],
  });
  const people = members.data?.people ?? [];
  const data = (['marketing', 'sales', 'admin'] as const).map((team) => ({
    group: TEAM_LABELS[team],
    items: people.filter((p) => p.team === team).map((p) => ({ value: p.userId, label: `${p.name} — ${ROLE_LABELS[p.role]}` })),
  }));
  const submit = form.handleSubmit(
    NewSeriesRequest,
    async (body) => {
      const s = await create.mutateAsync(body);
      navigate(`/w/${ws.slug}/meetings/${s.id}`, { state: { told: 'Series started. Attendees hear from it when you publish an agenda.' } });
    },
    { leaves: true },
  );
  return (
    <>
      <PageHeader title="New sync series" description="Each occurrence keeps its local time in the series' time zone, also across daylight-saving changes. Attendees are told when you publish an agenda, with a calendar invitation." />
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={760}>
          <Card withBorder>
            <Stack gap="sm">
              <TextInput label="Title" required {...form.input('title')} />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select label="Cadence" required data={CADENCE_DATA} allowDeselect={false} {...form.field('cadence')} onChange={(v) => v && form.set('cadence', v as MeetingCadence)} />
                <NumberInput label="Length (minutes)" required min={5} max={480} step={15} {...form.field('durationMinutes')} onChange={(v) => form.set('durationMinutes', Number(v) || 0)} />
                <TextInput type="date" label="First meeting" required {...form.input('startsOn')} />
                <TextInput type="time" label="Starts at (local time)" required {...form.input('startTime')} />
              </SimpleGrid>
              <Select label="Time zone" required searchable data={ZONES} allowDeselect={false} {...form.field('timeZone')} onChange={(v) => v && form.set('timeZone', v)} />
              <MultiSelect
                label="Attendees"
                description="Invite both teams: product marketing and sales."
                required
                data={data}
                searchable
                clearable
                {...form.field('attendeeIds')}
                onChange={(v) => form.set('attendeeIds', v)}
              />
            </Stack>
          </Card>
          <FormError message={form.formError} />
          <Group>
            <Button type="submit" loading={form.submitting}>
              Start the series
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
