import { lazy, Suspense } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Anchor, Badge, Button, Card, Group, List, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { FRICTION_LABELS, type AlignmentFriction, type AlignmentReport } from '@tandem/contracts';
import { PageHeader } from '../../../app/components/page-header.tsx';
import { QueryView } from '../../../app/kit/index.ts';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useAlignmentReport, usePulses } from '../hooks/use-alignment.ts';

const TrendChart = lazy(async () => ({ default: (await import('./trend-chart.tsx')).TrendChart }));

const scoreColor = (s: number | null) => (s === null ? 'gray' : s >= 70 ? 'teal' : s >= 50 ? 'yellow' : 'red');

/** The Alignment Index: overall, per friction the score, its confidence, the perception gap and each signal, the trend and the playbook. */
export function AlignmentPage() {
  const ws = useWorkspace();
  const report = useAlignmentReport(ws.slug);
  return (
    <>
      <PageHeader
        title="Alignment Index"
        description="Are marketing and sales working together, friction by friction? Each score combines what the teams do in Tandem with what they say in the anonymous pulse."
        actions={
          ws.can('alignment.manage') && (
            <Button component={Link} to={`/w/${ws.slug}/alignment/admin`} variant="light">
              Pulse surveys
            </Button>
          )
        }
      />
      <OpenPulseBanner />
      <QueryView query={report} error="Could not load the Alignment Index">
        {(r) => <Report report={r} />}
      </QueryView>
    </>
  );
}

function OpenPulseBanner() {
  const ws = useWorkspace();
  const pulses = usePulses(ws.slug);
  const open = pulses.data?.items.find((p) => p.status === 'open');
  if (!open || !open.invitedMe) return null;
  return (
    <Alert color={open.answeredByMe ? 'teal' : 'blue'} mb="md" title={open.answeredByMe ? `You answered pulse ${open.number}` : `Pulse ${open.number} is open`}>
      {open.answeredByMe ? (
        'Thank you. Results appear here once the pulse closes.'
      ) : (
        <>
          Under two minutes, anonymous: only your team and role are kept.{' '}
          <Anchor component={Link} to={`/w/${ws.slug}/alignment/pulses/${open.id}`} c="dark.8" style={{ textDecoration: 'underline' }}>
            Answer pulse {open.number}
          </Anchor>
        </>
      )}
    </Alert>
  );
}

function Report({ report }: { report: AlignmentReport }) {
  const ws = useWorkspace();
  const { index, playbook } = report;
  return (
    <Stack gap="lg">
      <Card withBorder>
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              Overall
            </Text>
            <Text fz={40} fw={700} lh={1} c="dark.8">
              {index.overall ?? '—'}
              <Text span size="sm" c="dimmed" fw={400}>
                {index.overall === null ? ' not enough data (fewer than four frictions scored)' : ' / 100'}
              </Text>
            </Text>
          </Stack>
          <Text size="sm" c="dimmed" maw={520}>
            {report.pulse ? (
              <>
                Survey part from{' '}
                <Anchor component={Link} to={`/w/${ws.slug}/alignment/pulses/${report.pulse.id}/results`} style={{ textDecoration: 'underline' }}>
                  pulse {report.pulse.number}
                </Anchor>{' '}
                (closed {report.pulse.closesAt.slice(0, 10)}).
              </>
            ) : (
              'No pulse has closed yet: scores rest on operational signals only.'
            )}{' '}
            Missing data lowers a friction’s confidence, not its score.
          </Text>
        </Group>
      </Card>
      {playbook && (
        <Card withBorder>
          <Title order={2} size="h4">
            Playbook: {playbook.label}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            The weakest friction now. What moves its signals in Tandem:
          </Text>
          <List size="sm" spacing={6}>
            {playbook.steps.map((s) => (
              <List.Item key={s.text}>
                <Anchor component={Link} to={s.link} style={{ textDecoration: 'underline' }}>
                  {s.text}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Card>
      )}
      <section aria-labelledby="frictions-heading">
        <Title order={2} size="h4" id="frictions-heading" mb="sm">
          Frictions
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {index.frictions.map((f) => (
            <FrictionCard key={f.key} friction={f} details={report.details.find((d) => d.key === f.key)!} />
          ))}
        </SimpleGrid>
      </section>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          Trend
        </Title>
        <Suspense fallback={<Text size="sm">Loading the chart…</Text>}>
          <TrendChart trend={report.trend} />
        </Suspense>
      </Card>
    </Stack>
  );
}

function FrictionCard({ friction: f, details }: { friction: AlignmentFriction; details: AlignmentReport['details'][number] }) {
  const label = FRICTION_LABELS[f.key];
  return (
    <Card withBorder data-testid={`friction-${f.key}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={3} size="h5">
          {label}
        </Title>
        <Badge color={scoreColor(f.score)} variant="light" size="lg" aria-label={f.score === null ? `${label}: not enough data` : `${label}: ${f.score} of 100`}>
          {f.score === null ? 'Not enough data' : `${f.score}`}
        </Badge>
      </Group>
      <Group gap="xs" mt={6} wrap="nowrap">
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          Confidence {Math.round(f.confidence * 100)} %
        </Text>
        <Progress value={f.confidence * 100} size="sm" style={{ flex: 1 }} aria-label={`${label} confidence`} color="gray" />
      </Group>
      <Text size="sm" mt="xs">
        {f.survey && f.survey.gap !== null ? (
          <>
            Perception gap: marketing {f.survey.marketing} vs sales {f.survey.sales} of 5 (<strong>{f.survey.gap > 0 ? '+' : ''}{f.survey.gap}</strong>)
          </>
        ) : (
          <Text span c="dimmed" size="sm">
            Perception gap: too few answers to show
          </Text>
        )}
      </Text>
      <Stack gap={4} mt="xs">
        {f.signals.map((s, i) => (
          <Text size="xs" key={s.name}>
            <Anchor component={Link} to={s.link} size="xs" style={{ textDecoration: 'underline' }}>
              {s.name}
            </Anchor>{' '}
            <Text span size="xs" c="dimmed">
              (weight {Math.round(s.weight * 100)} %)
            </Text>
            : {s.value === null ? 'no data' : `${s.value}/100`} — {details.signals[i]?.measure}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}
