import { Link, useParams } from 'react-router-dom';
import { Anchor, Breadcrumbs, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import type { AccountDetail } from '@tandem/contracts';
import { isApiError } from '../../../app/api-error.ts';
import { PageHeader } from '../../../app/components/page-header.tsx';
import { PageSkeleton } from '../../../app/components/page-skeleton.tsx';
import { formatCount, formatDate, percent, QueryView, wilson } from '../../../app/kit/index.ts';
import { useRequiredSession } from '../../../app/session.tsx';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { LinkedFeedback } from '../../feedback/index.ts';
import { useWorkspaceDetails } from '../../workspaces/index.ts';
import { isUuid, useAccount } from '../hooks/use-deals.ts';
import { AccountDeals } from './account-deals.tsx';
import { OwnerName, sourceLabel, STATUS_COLORS } from './deal-bits.tsx';
import { Dimmed, Fact } from './fact.tsx';
import { RecordNotFound } from './record-not-found.tsx';

export function AccountPage() {
  const ws = useWorkspace();
  const { accountId } = useParams();
  const account = useAccount(ws.slug, accountId);
  if (!isUuid(accountId) || (account.isError && isApiError(account.error) && account.error.status === 404)) {
    return <RecordNotFound what="account" slug={ws.slug} />;
  }
  return (
    <QueryView
      query={account}
      skeleton={<PageSkeleton />}
      renderError={(box) => (
        <>
          <PageHeader title="Account" />
          {box}
        </>
      )}
    >
      {(data) => <AccountView account={data} />}
    </QueryView>
  );
}

function AccountView({ account }: { account: AccountDetail }) {
  const ws = useWorkspace();
  const tz = useRequiredSession().user.timeZone;
  const { open, won, lost } = account.deals;
  const w = wilson(won, won + lost);
  const place = [account.industry, account.region].filter(Boolean).join(' · ');
  const dealsPath = `/w/${ws.slug}/deals`;
  const ownerFilter = account.owner?.userId ?? account.owner?.name ?? null;
  const baseCurrency = useWorkspaceDetails(ws.slug).data?.baseCurrency;

  return (
    <>
      <Breadcrumbs mb="xs" separatorMargin={6}>
        <Anchor component={Link} to={`/w/${ws.slug}/deals`} size="sm">
          Deals
        </Anchor>
        <Text size="sm" c="dimmed">
          Account
        </Text>
      </Breadcrumbs>
      <PageHeader
        title={account.name}
        description={[account.segment, place].filter(Boolean).join(' · ') || undefined}
        actions={
          account.domain ? (
            <Button
              component="a"
              href={`https://${account.domain}`}
              target="_blank"
              rel="noopener noreferrer"
              variant="default"
              rightSection={<IconExternalLink size={14} />}
            >
              {account.domain}
            </Button>
          ) : undefined
        }
      />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" role="region" aria-label="Deals of this account">
          <Count label="Open deals" value={open} color={STATUS_COLORS.open} />
          <Count label="Won" value={won} color={STATUS_COLORS.won} />
          <Count label="Lost" value={lost} color={STATUS_COLORS.lost} />
          <Card withBorder radius="md" p="sm" style={{ borderTop: '3px solid var(--mantine-color-grape-5)' }}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              Win rate
            </Text>
            <Text fw={650} fz="xl">
              {w ? percent(w.rate) : '—'}
            </Text>
            <Text size="xs" c="dimmed">
              {w ? `${won} won of ${won + lost} closed · likely ${percent(w.low)}–${percent(w.high)}` : 'No closed deals yet'}
            </Text>
          </Card>
        </SimpleGrid>

        <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
          <Stack gap="md">
            <Title order={3} size="h4">
              Account details
            </Title>
            <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="lg" verticalSpacing="md">
              <Fact label="Segment">
                {account.segment ? (
                  <Anchor component={Link} to={`${dealsPath}?segment=${encodeURIComponent(account.segment)}`} size="sm" title="Deals in this segment">
                    {account.segment}
                  </Anchor>
                ) : (
                  <Dimmed>—</Dimmed>
                )}
              </Fact>
              <Fact label="Industry">{account.industry ?? <Dimmed>—</Dimmed>}</Fact>
              <Fact label="Company size">{account.size ? `${account.size} employees` : <Dimmed>—</Dimmed>}</Fact>
              <Fact label="Region">{account.region ?? <Dimmed>—</Dimmed>}</Fact>
              <Fact label="Account owner">
                {ownerFilter ? (
                  <Anchor component={Link} to={`${dealsPath}?owner=${encodeURIComponent(ownerFilter)}`} size="sm" title="Deals this person owns">
                    <OwnerName owner={account.owner} />
                  </Anchor>
                ) : (
                  <OwnerName owner={account.owner} />
                )}
              </Fact>
              <Fact label="Domain">{account.domain ?? <Dimmed>—</Dimmed>}</Fact>
              <Fact label="In Tandem since">{formatDate(account.createdAt, tz)}</Fact>
              <Fact label="Last updated">{formatDate(account.updatedAt, tz)}</Fact>
            </SimpleGrid>
            <Fact label="CRM IDs">
              {account.externalIds.length === 0 ? (
                <Dimmed>None</Dimmed>
              ) : (
                <Stack gap={2}>
                  {account.externalIds.map((x) => (
                    <Group key={`${x.source}:${x.externalId}`} gap="xs" wrap="nowrap">
                      <Text size="sm" c="dimmed" w={90}>
                        {sourceLabel(x.source)}
                      </Text>
                      <Text size="sm" ff="monospace">
                        {x.externalId}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              )}
            </Fact>
          </Stack>
        </Card>

        <AccountDeals slug={ws.slug} accountId={account.id} baseCurrency={baseCurrency} />

        <LinkedFeedback accountId={account.id} />
      </Stack>
    </>
  );
}

function Count({ label, value, color }: { label: string; value: number; color: string }) {
  return (
    <Card withBorder radius="md" p="sm" style={{ borderTop: `3px solid var(--mantine-color-${color}-5)` }}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text fw={650} fz="xl">
        {formatCount(value)}
      </Text>
    </Card>
  );
}
