import { useSearchParams } from 'react-router-dom';
import { Card, List, Text, Title } from '@mantine/core';
import type { MeetingMetrics } from '@tandem/contracts';
import { formatDay, QueryView } from '../../../../app/kit/index.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useMeetingMetrics } from '../../hooks/use-meetings.ts';

const DAY = 86_400_000;
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const TEAM = { marketing: 'Marketing', sales: 'Sales', admin: 'Admins' } as const;

/** The period from the address (`?from=…&to=…`, as the Alignment Index links it), else the 90 days before today. */
function periodOf(params: URLSearchParams) {
  const from = params.get('from');
  const to = params.get('to');
  if (from && to && ISO.test(from) && ISO.test(to) && from <= to) return { from, to };
  const now = Date.now();
  return { from: new Date(now - 90 * DAY).toISOString().slice(0, 10), to: new Date(now - DAY).toISOString().slice(0, 10) };
}

const share = (r: { numerator: number; denominator: number }) => `${r.numerator} of ${r.denominator}${r.denominator ? ` (${Math.round((100 * r.numerator) / r.denominator)} %)` : ''}`;

/** How the syncs went over a period: action items done by their due date, meetings held, attendance by team. */
export function MeetingsRecord() {
  const ws = useWorkspace();
  const [params] = useSearchParams();
  const period = periodOf(params);
  const metrics = useMeetingMetrics(ws.slug, period);
  return (
    <Card withBorder component="section" aria-labelledby="meetings-record-heading">
      <Title order={2} size="h4" id="meetings-record-heading">
        How the syncs went from {formatDay(period.from)} to {formatDay(period.to)}
      </Title>
      <QueryView query={metrics} error="Could not load how the meetings went">
        {(m: MeetingMetrics) => (
          <List size="sm" spacing={4} mt="xs">
            <List.Item>
              Action items due in the period done by their due date:{' '}
              <strong>{m.actionItemsOnTime.denominator ? share(m.actionItemsOnTime) : 'none were due'}</strong>. Each is listed on the page of the meeting that agreed it: open a series above.
            </List.Item>
            <List.Item>
              Meetings held (attendance kept) of those scheduled: <strong>{share(m.meetingsHeld)}</strong>
            </List.Item>
            {m.attendanceByTeam.length > 0 && (
              <List.Item>
                Attendance: {m.attendanceByTeam.map((t) => `${TEAM[t.team]} ${share(t)}`).join(' · ')}
              </List.Item>
            )}
          </List>
        )}
      </QueryView>
      <Text size="xs" c="dimmed" mt="xs">
        The Alignment Index counts the first line as “Meeting action items done”.
      </Text>
    </Card>
  );
}
