import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Anchor, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { FRICTION_LABELS, type GroupFigures, type PulseResults, type PulseRole } from '@tandem/contracts';
import { PageHeader } from '../../../app/components/page-header.tsx';
import { QueryView } from '../../../app/kit/index.ts';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { usePulseResults } from '../hooks/use-alignment.ts';

const ROLE_DATA = [
  { value: '', label: 'Both teams' },
  { value: 'marketing', label: 'Marketing (PMM) only' },
  { value: 'sales_lead', label: 'Sales leads only' },
  { value: 'sales', label: 'Sales reps only' },
];

/** A closed pulse's results: per friction each team's mean and distribution, the gap, and the free-text words; "too few answers" wherever a figure could single someone out. */
export function PulseResultsPage() {
  const ws = useWorkspace();
  const { pulseId } = useParams();
  const [sp, setSp] = useSearchParams();
  const role = (sp.get('role') || null) as PulseRole | null;
  const results = usePulseResults(ws.slug, pulseId, role);
  return (
    <>
      <PageHeader
        title="Pulse results"
        description={
          <>
            Anonymous: no figure for a group under the minimum, nor one that differs from another view by fewer people.{' '}
            <Anchor component={Link} to={`/w/${ws.slug}/alignment`} style={{ textDecoration: 'underline' }}>
              Back to the Alignment Index
            </Anchor>
          </>
        }
      />
      <Select
        label="Who"
        data={ROLE_DATA}
        value={role ?? ''}
        onChange={(v) => setSp(v ? { role: v } : {}, { replace: true })}
        allowDeselect={false}
        maw={280}
        mb="md"
      />
      <QueryView query={results} error="Could not load the results">
        {(r) => <Results r={r} />}
      </QueryView>
    </>
  );
}

function Results({ r }: { r: PulseResults }) {
  if (!r.available)
    return (
      <Alert color="gray" title={`Pulse ${r.pulse.number} is still open`}>
        {r.pulse.answered} of {r.pulse.invited} people have answered. Results are shown once it closes, so no one’s answer can be worked out from two reads.
      </Alert>
    );
  return (
    <Stack gap="md">
      <Text size="sm">
        Pulse {r.pulse.number}, closed {r.pulse.closesAt.slice(0, 10)}: {r.pulse.answered} of {r.pulse.invited} answered. Minimum group size: {r.minGroupSize}.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TeamCard title="Marketing" g={r.marketing} />
        <TeamCard title="Sales" g={r.sales} />
      </SimpleGrid>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          Per friction
        </Title>
        {/* On a phone the table scrolls sideways: its viewport takes keyboard focus (axe scrollable-region-focusable). */}
        <Table.ScrollContainer minWidth={480} scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': 'Per friction' } }}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Friction</Table.Th>
                <Table.Th>Marketing (1–5)</Table.Th>
                <Table.Th>Sales (1–5)</Table.Th>
                <Table.Th>Gap</Table.Th>
                <Table.Th>Earlier pulses (marketing / sales)</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.frictions.map((f) => (
                <Table.Tr key={f.key}>
                  <Table.Td>{FRICTION_LABELS[f.key]}</Table.Td>
                  <Table.Td>{f.marketing ?? 'too few answers'}</Table.Td>
                  <Table.Td>{f.sales ?? 'too few answers'}</Table.Td>
                  <Table.Td>{f.gap === null ? '—' : `${f.gap > 0 ? '+' : ''}${f.gap}`}</Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {r.trend
                        .map((t) => {
                          const x = t.frictions.find((y) => y.key === f.key);
                          return `#${t.number}: ${x?.marketing ?? '–'} / ${x?.sales ?? '–'}`;
                        })
                        .join(' · ')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </Stack>
  );
}

function TeamCard({ title, g }: { title: string; g: GroupFigures }) {
  return (
    <Card withBorder>
      <Group justify="space-between">
        <Title order={2} size="h4">
          {title}
        </Title>
        {g.shown && <Text size="sm">{g.respondents} answers</Text>}
      </Group>
      {!g.shown ? (
        <Alert color="gray" mt="sm" title="Too few answers">
          {g.reason}
        </Alert>
      ) : (
        <Stack gap={4} mt="sm">
          {g.frictions.map((f) => (
            <Text size="xs" key={f.key}>
              {FRICTION_LABELS[f.key]}: <strong>{f.mean}</strong> — answers 1 to 5: {f.distribution?.join(' · ')}
            </Text>
          ))}
          {g.comments && g.comments.length > 0 && (
            <Text size="xs" mt="xs">
              Words several people used: {g.comments.map((c) => `${c.term} (${c.respondents})`).join(', ')}
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}
