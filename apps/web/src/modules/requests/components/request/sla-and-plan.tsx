import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { RequestDetail } from '@tandem/contracts';
import { formatDateTime } from '../../../../app/kit/index.ts';
import { OverrideNote, SlaBadge } from '../shared/request-bits.tsx';
import { hoursLeft } from '../shared/request-format.ts';
import { requestStanding } from '../shared/standing.ts';

/** The two SLA clocks (first response, delivery) with their due times in the reader's time zone. */
export function SlaClocks({ request: r, tz }: { request: RequestDetail; tz: string }) {
  const clocks = [
    { label: 'First response', due: r.sla.firstResponseDueAt, clock: r.sla.firstResponse, doneAt: r.firstRespondedAt },
    { label: 'Delivery', due: r.sla.deliveryDueAt, clock: r.sla.delivery, doneAt: r.delivery?.deliveredAt ?? null },
  ];
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="sla-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="sla-title">
            Service level
          </Title>
          <SlaBadge state={r.sla.state} />
        </Group>
        {clocks.map((c) => (
          <Stack key={c.label} gap={2}>
            <Group gap={8} justify="space-between" wrap="nowrap">
              <Text size="sm" fw={600}>
                {c.label}
              </Text>
              <SlaBadge state={c.clock.state} size="xs" />
            </Group>
            <Text size="sm">
              {c.doneAt ? `Done ${formatDateTime(c.doneAt, tz)}` : `Due ${formatDateTime(c.due, tz)}`}
              {!c.doneAt && hoursLeft(c.clock.businessHoursLeft) ? ` · ${hoursLeft(c.clock.businessHoursLeft)}` : ''}
            </Text>
            {c.doneAt && (
              <Text size="xs" c="dimmed">
                Target was {formatDateTime(c.due, tz)}
              </Text>
            )}
          </Stack>
        ))}
        <Text size="xs" c="dimmed">
          Times in your time zone; the clocks count the workspace’s business hours only.
        </Text>
      </Stack>
    </Card>
  );
}

/** Where the request stands: its place, the capacity line, the expected date and why; overrides and boosts. */
export function PlanCard({ request: r }: { request: RequestDetail }) {
  const s = requestStanding(r);
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="plan-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="plan-title">
          Where it stands
        </Title>
        <Group gap={8} wrap="wrap">
          <Text size="sm" fw={600}>
            {s.place}
          </Text>
          {s.belowLine !== null && (
            <Badge variant="light" color={s.belowLine ? 'red' : 'green'} tt="none">
              {s.belowLine ? 'Below the line' : 'Above the line'}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {s.reason}
        </Text>
        {s.belowLine !== null && (
          <Text size="xs" c="dimmed">
            The line: with the team’s weekly hours and the queue in today’s order, requests below it will not be done by their date.
          </Text>
        )}
        {r.override && <OverrideNote override={r.override} />}
        {r.strategicBoost && r.strategicBoost.points > 0 && (
          <Text size="sm">
            Strategic boost: {r.strategicBoost.points} points{r.strategicBoost.by ? `, set by ${r.strategicBoost.by.name}` : ''}: {r.strategicBoost.reason}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
