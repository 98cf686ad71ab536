import { useMemo, useState, type FormEvent } from 'react';
import { ActionIcon, Alert, Button, Chip, Group, Input, List, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { RequestSettings } from '@tandem/contracts';
import { formatDay } from '../../../../app/kit/index.ts';
import { WEEKDAYS, workingWeekSentence } from './settings-text.ts';
import { timeZoneOptions } from './time-zones.ts';
import { useSectionSave } from './use-section-save.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Time zone, working days and hours, and the holidays the clocks skip. */
export function CalendarForm({ settings, editable }: { settings: RequestSettings; editable: boolean }) {
  const section = useSectionSave();
  const initial = settings.calendar;
  const [timeZone, setTimeZone] = useState(initial.timeZone);
  const [days, setDays] = useState<string[]>(initial.workingDays.map(String));
  const [dayStart, setDayStart] = useState(initial.dayStart);
  const [dayEnd, setDayEnd] = useState(initial.dayEnd);
  const [holidays, setHolidays] = useState<string[]>([...initial.holidays].sort());
  const [newHoliday, setNewHoliday] = useState('');
  const [holidayError, setHolidayError] = useState<string | null>(null);
  const zones = useMemo(() => timeZoneOptions(initial.timeZone), [initial.timeZone]);
  const err = (key: string) => section.errors[`calendar.${key}`] || undefined;

  function addHoliday() {
    if (!DAY.test(newHoliday)) return setHolidayError('Pick a day first');
    if (holidays.includes(newHoliday)) return setHolidayError(`${formatDay(newHoliday)} is already a holiday`);
    setHolidays((h) => [...h, newHoliday].sort());
    setNewHoliday('');
    setHolidayError(null);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    // Shown under "Day ends" already; the server would refuse it too.
    if (dayStart && dayEnd && dayEnd <= dayStart) return;
    const calendar = { timeZone, workingDays: days.map(Number).sort((a, b) => a - b), dayStart, dayEnd, holidays };
    await section.save(
      { calendar },
      `Saved the calendar: ${workingWeekSentence(calendar.workingDays, dayStart, dayEnd)} in ${timeZone}, ${holidays.length} ${holidays.length === 1 ? 'holiday' : 'holidays'}. Every clock was counted again; nobody was notified.`,
      (k) => /^calendar\.(timeZone|workingDays|dayStart|dayEnd|holidays(\.\d+)?)$/.test(k),
    );
  }

  const holidayErrors = holidays.map((_, i) => err(`holidays.${i}`)).filter(Boolean);

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Working calendar">
      <Stack gap="md">
        {section.failure && (
          <Alert color="red" variant="light" title="Not saved">
            {section.failure}
          </Alert>
        )}
        <Text size="sm" fw={500}>
          {workingWeekSentence(days.map(Number), dayStart, dayEnd)}, {timeZone.replace(/_/g, ' ')} time.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label="Time zone"
            data={zones}
            value={timeZone}
            onChange={(v) => {
              section.clear('calendar.timeZone');
              if (v) setTimeZone(v);
            }}
            searchable
            allowDeselect={false}
            nothingFoundMessage="No time zone by that name"
            readOnly={!editable}
            error={err('timeZone')}
          />
          <TextInput
            type="time"
            label="Day starts"
            value={dayStart}
            onChange={(e) => {
              section.clear('calendar.dayStart');
              setDayStart(e.currentTarget.value);
            }}
            readOnly={!editable}
            error={err('dayStart')}
          />
          <TextInput
            type="time"
            label="Day ends"
            value={dayEnd}
            onChange={(e) => {
              section.clear('calendar.dayEnd');
              setDayEnd(e.currentTarget.value);
            }}
            readOnly={!editable}
            error={err('dayEnd') ?? (dayStart && dayEnd && dayEnd <= dayStart ? 'The day ends after it starts' : undefined)}
          />
        </SimpleGrid>
        <Input.Wrapper label="Working days" error={err('workingDays')}>
          <Chip.Group
            multiple
            value={days}
            onChange={(v) => {
              if (!editable) return;
              section.clear('calendar.workingDays');
              setDays(v);
            }}
          >
            <Group gap={6} mt={4} role="group" aria-label="Working days">
              {WEEKDAYS.map((d) => (
                <Chip key={d.value} value={String(d.value)} size="sm" variant="outline" disabled={!editable && !days.includes(String(d.value))} aria-label={d.long}>
                  {d.short}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Input.Wrapper>
        <Stack gap={6}>
          <Text size="sm" fw={500} id="holidays-label">
            Holidays ({holidays.length})
          </Text>
          {holidays.length ? (
            <List
              size="sm"
              aria-labelledby="holidays-label"
              listStyleType="none"
              ml={0}
              pl={0}
              style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))', gap: '2px 16px' }}
            >
              {holidays.map((h, i) => (
                <List.Item key={h}>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" c={err(`holidays.${i}`) ? 'red.8' : undefined}>
                      {formatDay(h)}
                      {err(`holidays.${i}`) ? ` — ${err(`holidays.${i}`)}` : ''}
                    </Text>
                    {editable && (
                      <ActionIcon variant="subtle" color="red" size="sm" aria-label={`Remove ${formatDay(h)}`} onClick={() => setHolidays((all) => all.filter((x) => x !== h))}>
                        <IconTrash size={14} aria-hidden />
                      </ActionIcon>
                    )}
                  </Group>
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed">
              No holidays: every working day counts.
            </Text>
          )}
          {(err('holidays') || holidayErrors.length > 0) && (
            <Text size="sm" c="red.8" role="alert">
              {err('holidays') ?? 'A holiday above was refused.'}
            </Text>
          )}
          {editable && (
            <Group gap="xs" align="flex-start">
              <TextInput
                type="date"
                label="Add a holiday"
                value={newHoliday}
                onChange={(e) => {
                  setNewHoliday(e.currentTarget.value);
                  setHolidayError(null);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    addHoliday();
                  }
                }}
                error={holidayError}
              />
              <Button variant="default" mt={25} onClick={addHoliday}>
                Add
              </Button>
            </Group>
          )}
        </Stack>
        {editable && (
          <Group>
            <Button type="submit" loading={section.saving}>
              Save calendar
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
