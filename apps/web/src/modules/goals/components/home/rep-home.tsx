import { Badge, Grid, Text } from '@mantine/core';
import { THEME_STATUS_LABELS } from '@tandem/contracts';
import { QueryView, formatDay, formatMoney, formatRelative } from '../../../../app/kit/index.ts';
import { useRequiredSession } from '../../../../app/session.tsx';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { RequestStatusBadge, SlaBadge } from '../../../requests/index.ts';
import { useWorkspaceDetails } from '../../../workspaces/index.ts';
import { useMyAsks, useMyDealThemes, useMyOpenDeals } from '../../hooks/use-home.ts';
import { MyGoalsCard } from './my-goals-card.tsx';
import { HomeCard, HomeList, HomeRow, Quiet, RowsSkeleton } from './home-card.tsx';

/** A rep's home: their goals, their open deals, the themes of their deals' feedback (and their own), and their asks. */
export function RepHome() {
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 6 }}>
        <MyGoalsCard />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <MyAsksCard />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <MyThemesCard />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <MyDealsCard />
      </Grid.Col>
    </Grid>
  );
}

function MyThemesCard() {
  const ws = useWorkspace();
  const themes = useMyDealThemes(ws.slug);
  const currency = useWorkspaceDetails(ws.slug).data?.baseCurrency ?? null;
  const base = `/w/${ws.slug}`;
  return (
    <HomeCard
      title="Themes from your deals"
      hint="What customers said on your open deals, and what you logged, grouped into themes by marketing: your pipeline behind each first."
      more={{ label: 'My feedback', to: `${base}/feedback/mine` }}
    >
      <QueryView
        query={themes}
        skeleton=<RowsSkeleton rows={3} />
        error="Could not load your deals' themes"
        empty={{
          when: (d) => d.total === 0 && d.myUntriagedItems === 0,
          content: <Quiet>No feedback on your open deals in a theme yet. Press L anywhere to log what a customer said.</Quiet>,
        }}
      >
        {(d) => (
          <>
            {d.items.length > 0 ? (
              <HomeList label="Themes from your deals">
                {d.items.map((t) => (
                  <HomeRow key={t.id} to={`${base}/feedback/themes/${t.id}`} title={t.name}>
                    <Badge variant="light" size="sm" tt="none" color="gray">
                      {THEME_STATUS_LABELS[t.status]}
                    </Badge>
                    {t.openDeals > 0 && (
                      <Text size="xs" fw={600}>
                        {formatMoney(t.openPipeline, currency, { rounded: true })} on {t.openDeals === 1 ? '1 open deal' : `${t.openDeals} open deals`}
                        {t.openDealsWithoutAmount > 0 && ` (${t.openDealsWithoutAmount} without an amount)`}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {t.items === 1 ? '1 item' : `${t.items} items`}
                      {t.myItems > 0 && ` (${t.myItems === t.items ? 'yours' : `${t.myItems} yours`})`}
                      {t.response && ` · answered ${formatRelative(t.response.at)}`}
                    </Text>
                  </HomeRow>
                ))}
              </HomeList>
            ) : (
              <Quiet>None of the feedback on your deals is in a theme yet.</Quiet>
            )}
            {d.total > d.items.length && (
              <Quiet>
                {d.total - d.items.length === 1 ? '1 more theme touches' : `${d.total - d.items.length} more themes touch`} your deals or your feedback.
              </Quiet>
            )}
            {d.myUntriagedItems > 0 && (
              <Quiet>
                {d.myUntriagedItems === 1 ? '1 item you logged is' : `${d.myUntriagedItems} items you logged are`} not grouped yet.
              </Quiet>
            )}
          </>
        )}
      </QueryView>
    </HomeCard>
  );
}

function MyAsksCard() {
  const ws = useWorkspace();
  const asks = useMyAsks(ws.slug);
  const base = `/w/${ws.slug}`;
  return (
    <QueryView query={asks} skeleton={<HomeCard title="Your asks"><RowsSkeleton rows={3} /></HomeCard>} error="Could not load your requests">
      {(d) => (
        <HomeCard
          title="Your asks"
          hint="Requests you filed or joined that are still open, in queue order."
          more={{ label: d.total > 0 ? `All ${d.total} in the queue` : 'The queue', to: `${base}/requests?whose=mine` }}
        >
          {d.items.length === 0 ? (
            <Quiet>No open requests. Ask marketing for material with “New request”.</Quiet>
          ) : (
            <HomeList label="Your open requests">
              {d.items.map((r) => (
                <HomeRow key={r.id} to={`${base}/requests/${r.id}`} title={`#${r.number} ${r.title}`}>
                  <RequestStatusBadge status={r.status} size="xs" />
                  <SlaBadge state={r.sla.state} size="xs" />
                  {r.rank !== null && (
                    <Text size="xs" c="dimmed">
                      {ordinal(r.rank)} in the queue
                    </Text>
                  )}
                  {r.plan && (
                    <Text size="xs" c="dimmed">
                      {r.plan.reason}
                    </Text>
                  )}
                </HomeRow>
              ))}
            </HomeList>
          )}
        </HomeCard>
      )}
    </QueryView>
  );
}

function MyDealsCard() {
  const ws = useWorkspace();
  const session = useRequiredSession();
  const deals = useMyOpenDeals(ws.slug, session.user.id);
  const currency = useWorkspaceDetails(ws.slug).data?.baseCurrency;
  const base = `/w/${ws.slug}`;
  return (
    <QueryView query={deals} skeleton={<HomeCard title="Your open deals"><RowsSkeleton rows={3} /></HomeCard>} error="Could not load your deals">
      {(d) => (
        <HomeCard
          title="Your open deals"
          hint="Largest first."
          more={{ label: d.total > 0 ? `All ${d.total} open deals` : 'Deals', to: `${base}/deals?owner=${session.user.id}&status=open` }}
        >
          {d.items.length === 0 ? (
            <Quiet>No open deals owned by you.</Quiet>
          ) : (
            <HomeList label="Your open deals">
              {d.items.map((deal) => (
                <HomeRow key={deal.id} to={`${base}/deals/${deal.id}`} title={deal.name}>
                  <Text size="xs" fw={600}>
                    {deal.amountBase === null ? 'No amount' : formatMoney(deal.amountBase, currency ?? null, { rounded: true })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {deal.stage} · closes {formatDay(deal.closeDate)}
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

function ordinal(n: number): string {
  const rem100 = n % 100;
  const suffix = rem100 >= 11 && rem100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
