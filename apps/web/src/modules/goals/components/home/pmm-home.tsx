import { Grid, Group, Text } from '@mantine/core';
import type { RequestSummary } from '@tandem/contracts';
import { QueryView, formatDay, formatRelative } from '../../../../app/kit/index.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { RequestStatusBadge, SlaBadge } from '../../../requests/index.ts';
import { useOpenAsks, useOverdueAssets, useUntriagedFeedback } from '../../hooks/use-home.ts';
import { MyGoalsCard } from './my-goals-card.tsx';
import { HomeCard, HomeList, HomeRow, Quiet, RowsSkeleton } from './home-card.tsx';


/** A PMM's home: feedback to triage, the asks waiting on marketing, material past its review date, their goals. */
export function PmmHome() {
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 6 }}>
        <TriageCard />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <AsksCard />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <OverdueCard />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <MyGoalsCard />
      </Grid.Col>
    </Grid>
  );
}

function TriageCard() {
  const ws = useWorkspace();
  const items = useUntriagedFeedback(ws.slug, ws.can('feedback.triage'));
  const base = `/w/${ws.slug}`;
  if (!ws.can('feedback.triage')) return null;
  return (
    <QueryView query={items} skeleton={<HomeCard title="Feedback to triage"><RowsSkeleton rows={3} /></HomeCard>} error="Could not load the feedback">
      {(d) => (
        <HomeCard
          title="Feedback to triage"
          hint={d.total === 0 ? undefined : `${d.total === 1 ? '1 item has' : `${d.total} items have`} no theme yet. Newest first.`}
          more={{ label: 'Open the inbox', to: `${base}/feedback?theme=none` }}
        >
          {d.items.length === 0 ? (
            <Quiet>Every item is in a theme.</Quiet>
          ) : (
            <HomeList label="Feedback without a theme">
              {d.items.map((item) => (
                <HomeRow key={item.id} to={`${base}/feedback?theme=none`} title={item.text}>
                  <Text size="xs" c="dimmed">
                    {[item.submittedBy?.name, item.deal?.name ?? item.account?.name, formatRelative(item.observedAt)].filter(Boolean).join(' · ')}
                  </Text>
                </HomeRow>
              ))}
            </HomeList>
          )}
        </HomeCard>
      )}
    </QueryView>
  );
}

/** How many of the loaded open requests have an SLA clock past its target. */
export function breachedCount(items: readonly Pick<RequestSummary, 'sla'>[]): number {
  return items.filter((r) => r.sla.state === 'breached').length;
}

function AsksCard() {
  const ws = useWorkspace();
  const open = useOpenAsks(ws.slug, false);
  const base = `/w/${ws.slug}`;
  return (
    <QueryView query={open} skeleton={<HomeCard title="Asks from sales"><RowsSkeleton rows={3} /></HomeCard>} error="Could not load the requests">
      {(d) => {
        const breached = breachedCount(d.items);
        const unassigned = d.items.filter((r) => !r.assignee);
        const partial = d.total > d.items.length;
        return (
          <HomeCard
            title="Asks from sales"
            hint={
              d.total === 0
                ? undefined
                : `${d.total} open · ${breached} past their SLA${partial ? ` (of the first ${d.items.length})` : ''} · ${unassigned.length} with nobody on them${partial ? ' (same)' : ''}.`
            }
            more={{ label: 'The queue', to: `${base}/requests` }}
          >
            {d.items.length === 0 ? (
              <Quiet>No open requests.</Quiet>
            ) : (
              <HomeList label="Open requests, breaching their SLA first, then in queue order">
                {[...d.items]
                  .sort((a, b) => Number(b.sla.state === 'breached') - Number(a.sla.state === 'breached'))
                  .slice(0, 5)
                  .map((r) => (
                    <HomeRow key={r.id} to={`${base}/requests/${r.id}`} title={`#${r.number} ${r.title}`}>
                      <RequestStatusBadge status={r.status} size="xs" />
                      <SlaBadge state={r.sla.state} size="xs" />
                      <Text size="xs" c="dimmed">
                        {r.assignee ? r.assignee.name : 'Nobody on it'}
                        {r.neededBy && ` · needed by ${formatDay(r.neededBy)}`}
                      </Text>
                    </HomeRow>
                  ))}
              </HomeList>
            )}
          </HomeCard>
        );
      }}
    </QueryView>
  );
}

function OverdueCard() {
  const ws = useWorkspace();
  const assets = useOverdueAssets(ws.slug, false);
  const base = `/w/${ws.slug}`;
  return (
    <QueryView query={assets} skeleton={<HomeCard title="Material past its review date"><RowsSkeleton rows={3} /></HomeCard>} error="Could not load the library">
      {(d) => (
        <HomeCard
          title="Material past its review date"
          hint={d.total === 0 ? undefined : `${d.total === 1 ? '1 published asset is' : `${d.total} published assets are`} overdue for review.`}
          more={{ label: 'In the library', to: `${base}/library?overdue=true` }}
        >
          {d.items.length === 0 ? (
            <Quiet>Every published asset is within its review date.</Quiet>
          ) : (
            <HomeList label="Assets overdue for review">
              {d.items.map((a) => (
                <HomeRow key={a.id} to={`${base}/library/${a.id}`} title={a.title}>
                  <Group gap={6}>
                    <Text size="xs" c="red" fw={600}>
                      Review was due {formatDay(a.freshness.reviewBy)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {a.owner ? `Owner: ${a.owner.name}` : 'No owner'}
                    </Text>
                  </Group>
                </HomeRow>
              ))}
            </HomeList>
          )}
        </HomeCard>
      )}
    </QueryView>
  );
}
