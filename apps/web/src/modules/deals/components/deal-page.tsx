import { Link, useLocation, useParams } from 'react-router-dom';
import { ActionIcon, Anchor, Breadcrumbs, Card, CopyButton, Grid, Group, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { DealDetail } from '@tandem/contracts';
import { isApiError } from '../../../app/api-error.ts';
import { PageHeader } from '../../../app/components/page-header.tsx';
import { PageSkeleton } from '../../../app/components/page-skeleton.tsx';
import { formatDateTime, formatDay, QueryView } from '../../../app/kit/index.ts';
import { useRequiredSession } from '../../../app/session.tsx';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { LinkedFeedback } from '../../feedback/index.ts';
import { ForThisDealPanel } from '../../library/index.ts';
import { DealRequestsPanel } from '../../requests/index.ts';
import { useWorkspaceDetails } from '../../workspaces/index.ts';
import { isUuid, useDeal } from '../hooks/use-deals.ts';
import { DEAL_TYPE_LABELS, DealAmount, OwnerName, sourceLabel, StatusBadge } from './deal-bits.tsx';
import { DealTimeline } from './deal-timeline.tsx';
import type { DealsListState } from './deals-table.tsx';
import { Dimmed, Fact, Tags } from './fact.tsx';
import { RecordNotFound } from './record-not-found.tsx';

export function DealPage() {
  const ws = useWorkspace();
  const { dealId } = useParams();
  const deal = useDeal(ws.slug, dealId);
  if (!isUuid(dealId) || (deal.isError && isApiError(deal.error) && deal.error.status === 404)) {
    return <RecordNotFound what="deal" slug={ws.slug} />;
  }
  return (
    <QueryView
      query={deal}
      skeleton={<PageSkeleton />}
      renderError={(box) => (
        <>
          <PageHeader title="Deal" />
          {box}
        </>
      )}
    >
      {(data) => <DealView deal={data} />}
    </QueryView>
  );
}

function DealView({ deal }: { deal: DealDetail }) {
  const ws = useWorkspace();
  const session = useRequiredSession();
  const tz = session.user.timeZone;
  const location = useLocation();
  const listSearch = (location.state as DealsListState | null)?.dealsSearch ?? '';
  const baseCurrency = useWorkspaceDetails(ws.slug).data?.baseCurrency;
  const custom = Object.entries(deal.customFields).sort(([a], [b]) => a.localeCompare(b));
  const open = deal.stageCategory === 'open';

  return (
    <>
      <Breadcrumbs mb="xs" separatorMargin={6}>
        <Anchor component={Link} to={`/w/${ws.slug}/deals${listSearch}`} size="sm">
          Deals
        </Anchor>
        {deal.account ? (
          <Anchor component={Link} to={`/w/${ws.slug}/accounts/${deal.account.id}`} size="sm">
            {deal.account.name}
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed">
            No account
          </Text>
        )}
      </Breadcrumbs>
      <PageHeader
        title={deal.name}
        description={
          <>
            {deal.account?.segment && `${deal.account.segment} · `}
            {deal.type ? DEAL_TYPE_LABELS[deal.type] : 'Deal'} from {sourceLabel(deal.source)}, last updated {formatDateTime(deal.updatedAt, tz)}
          </>
        }
      />
      <Stack gap="lg">
        <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="lg" verticalSpacing="md">
            <Fact label="Amount">
              <DealAmount deal={deal} baseCurrency={baseCurrency} align="left" />
            </Fact>
            <Fact label="Stage">
              <Group gap={6} wrap="wrap">
                <StatusBadge status={deal.stageCategory} size="sm" />
                <Text size="sm">{deal.stage}</Text>
              </Group>
              {deal.probability !== null && open && <Dimmed>{deal.probability}% probability</Dimmed>}
            </Fact>
            <Fact label={open ? 'Expected close' : 'Closed on'}>{formatDay(deal.closeDate)}</Fact>
            <Fact label="Owner">
              <OwnerName owner={deal.owner} />
            </Fact>
          </SimpleGrid>
        </Card>

        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} h="100%">
              <Stack gap="md">
                <Title order={3} size="h4">
                  Stage history
                </Title>
                <DealTimeline deal={deal} tz={tz} />
              </Stack>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} h="100%">
              <Stack gap="md">
                <Title order={3} size="h4">
                  Details
                </Title>
                <Fact label="Account">
                  {deal.account ? (
                    <Stack gap={0}>
                      <Anchor component={Link} to={`/w/${ws.slug}/accounts/${deal.account.id}`} size="sm" fw={500}>
                        {deal.account.name}
                      </Anchor>
                      <Dimmed>
                        {[deal.account.segment, deal.account.industry, deal.account.region].filter(Boolean).join(' · ') || deal.account.domain}
                      </Dimmed>
                    </Stack>
                  ) : (
                    <Dimmed>Not linked to an account</Dimmed>
                  )}
                </Fact>
                <Fact label="Products">
                  <Tags items={deal.products} color="blue" />
                </Fact>
                <Fact label="Competitors">
                  <Tags items={deal.competitors} color="orange" empty="None recorded" />
                </Fact>
                {(deal.reason || !open) && (
                  <Fact label={deal.stageCategory === 'lost' ? 'Loss reason' : deal.stageCategory === 'won' ? 'Win reason' : 'Reason'}>
                    {deal.reason ?? <Dimmed>None recorded</Dimmed>}
                  </Fact>
                )}
                <SimpleGrid cols={2} spacing="md">
                  <Fact label="Type">{deal.type ? DEAL_TYPE_LABELS[deal.type] : <Dimmed>—</Dimmed>}</Fact>
                  <Fact label="Lead source">{deal.leadSource ?? <Dimmed>—</Dimmed>}</Fact>
                  <Fact label="Created in the CRM">{formatDay(deal.createdDate)}</Fact>
                  <Fact label="Probability">{deal.probability !== null ? `${deal.probability}%` : <Dimmed>—</Dimmed>}</Fact>
                </SimpleGrid>
                {custom.length > 0 && (
                  <SimpleGrid cols={2} spacing="md">
                    {custom.map(([key, value]) => (
                      <Fact key={key} label={key}>
                        {value || <Dimmed>—</Dimmed>}
                      </Fact>
                    ))}
                  </SimpleGrid>
                )}
                <Fact label={`${sourceLabel(deal.source)} ID`}>
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm" ff="monospace">
                      {deal.externalId}
                    </Text>
                    <CopyButton value={deal.externalId}>
                      {({ copied, copy }) => (
                        <Tooltip label={copied ? 'Copied' : 'Copy ID'} withArrow>
                          <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} size="sm" onClick={copy} aria-label="Copy the CRM ID">
                            {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </CopyButton>
                  </Group>
                </Fact>
              </Stack>
            </Card>
          </Grid.Col>
        </Grid>

        <DealRequestsPanel dealId={deal.id} />
        <ForThisDealPanel dealId={deal.id} />
        <LinkedFeedback dealId={deal.id} accountId={deal.account?.id} />
      </Stack>
    </>
  );
}
