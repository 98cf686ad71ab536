import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Anchor, Badge, Button, Card, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { ATTRIBUTION_MODEL_LABELS, ATTRIBUTION_MODELS, LIBRARY_SOURCE, REQUESTS_SOURCE, TOUCHPOINT_TEAM_LABELS, type DealAttribution, type DisputeView } from '@tandem/contracts';
import { PageHeader } from '../../../app/components/page-header.tsx';
import { problemFieldErrors } from '../../../app/forms.ts';
import { formatDateTime, formatMoney, QueryView } from '../../../app/kit/index.ts';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { isDealId, useCreateDispute, useDealCredit, useResolveDispute } from '../hooks/use-attribution.ts';

/** One deal's credit: every model by touchpoint and by team, the adjusted figure, and the dispute trail. */
export function DealCreditPage() {
  const ws = useWorkspace();
  const { dealId } = useParams();
  const credit = useDealCredit(ws.slug, dealId);
  if (!isDealId(dealId)) return <PageHeader title="Deal not found" />;
  return (
    <QueryView query={credit} error="Could not load this deal's credit">
      {(d) => <DealCredit deal={d} />}
    </QueryView>
  );
}

function DealCredit({ deal }: { deal: DealAttribution }) {
  const ws = useWorkspace();
  const money = (v: string) => formatMoney(v, deal.currency);
  const mor = deal.modelOfRecord;
  const counted = deal.touchpoints.filter((t) => t.counted);
  return (
    <>
      <PageHeader
        title={`Credit: ${deal.dealName}`}
        description={`${money(deal.amount)} · ${deal.status === 'won' ? 'closed won' : deal.status === 'open' ? 'open (pipeline)' : 'lost (no credit)'} · model of record: ${mor ? ATTRIBUTION_MODEL_LABELS[mor] : 'none chosen'}`}
        actions={
          <Button component={Link} to={`/w/${ws.slug}/attribution`} variant="default">
            All attribution
          </Button>
        }
      />
      <Stack gap="lg">
        {deal.unattributed && <Alert color="yellow">This deal has no touchpoints on or before its close: it is listed as unattributed.</Alert>}
        {deal.adjusted && mor && (
          <Card withBorder>
            <Title order={2} size="h4">
              Adjusted figure ({ATTRIBUTION_MODEL_LABELS[deal.adjusted.model]})
            </Title>
            <Text>
              After accepted disputes: marketing {money(deal.adjusted.byTeam.marketing)}, sales {money(deal.adjusted.byTeam.sales)}, partners {money(deal.adjusted.byTeam.partner)}. Unadjusted: marketing{' '}
              {money(deal.byTeam[mor]!.marketing)}, sales {money(deal.byTeam[mor]!.sales)}, partners {money(deal.byTeam[mor]!.partner)}.
            </Text>
          </Card>
        )}
        <Title order={2} size="h4">
          Credit by team under each model
        </Title>
        <Table.ScrollContainer minWidth={520} scrollAreaProps={scrollable('Credit by team under each model')}>
          <Table striped aria-label="Credit by team under each model">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Model</Table.Th>
                <Table.Th>Marketing</Table.Th>
                <Table.Th>Sales</Table.Th>
                <Table.Th>Partners</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ATTRIBUTION_MODELS.map((m) => (
                <Table.Tr key={m} fw={m === mor ? 700 : undefined}>
                  <Table.Td>
                    {ATTRIBUTION_MODEL_LABELS[m]}
                    {m === mor && ' (of record)'}
                  </Table.Td>
                  <Table.Td>{money(deal.byTeam[m]!.marketing)}</Table.Td>
                  <Table.Td>{money(deal.byTeam[m]!.sales)}</Table.Td>
                  <Table.Td>{money(deal.byTeam[m]!.partner)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Title order={2} size="h4">
          Touchpoints
        </Title>
        <Table.ScrollContainer minWidth={720} scrollAreaProps={scrollable('Touchpoints and their credit')}>
          <Table aria-label="Touchpoints and their credit">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Team</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th>{mor ? ATTRIBUTION_MODEL_LABELS[mor] : 'Linear'}</Table.Th>
                <Table.Th>First / last touch</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {deal.touchpoints.map((t) => {
                const line = (m: (typeof ATTRIBUTION_MODELS)[number]) => deal.models[m]?.find((l) => l.touchpointId === t.touchpointId)?.credit;
                return (
                  <Table.Tr key={t.touchpointId}>
                    <Table.Td>{formatDateTime(t.occurredAt)}</Table.Td>
                    <Table.Td>{TOUCHPOINT_TEAM_LABELS[t.team]}</Table.Td>
                    <Table.Td>
                      {t.kind.replace(/_/g, ' ')}
                      {t.campaign ? ` · ${t.campaign}` : ''} <Text span c="dimmed" size="sm">({sourceLabel(t.source, t.externalId)})</Text>
                      {!t.counted && <Badge ml="xs" color="gray" variant="light">after the close: not counted</Badge>}
                      {t.excluded && <Badge ml="xs" color="orange" variant="light">excluded by a dispute</Badge>}
                    </Table.Td>
                    <Table.Td>{t.counted ? money(line(mor ?? 'linear') ?? '0.00') : '—'}</Table.Td>
                    <Table.Td>{t.counted ? `${money(line('first_touch') ?? '0.00')} / ${money(line('last_touch') ?? '0.00')}` : '—'}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <DisputeForm deal={deal} touchpoints={counted} />
        <DisputeTrail deal={deal} />
      </Stack>
    </>
  );
}

function DisputeForm({ deal, touchpoints }: { deal: DealAttribution; touchpoints: DealAttribution['touchpoints'] }) {
  const ws = useWorkspace();
  const create = useCreateDispute(ws.slug);
  const [target, setTarget] = useState<'split' | 'touchpoint'>('split');
  const [touchpointId, setTouchpointId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const errors = problemFieldErrors(create.error);
  if (!ws.can('attribution.dispute')) return null;
  return (
    <Card withBorder>
      {/* noValidate: the server's words ("give a reason of at least 5 characters") show beside the field, not the browser's bubble. */}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ dealId: deal.dealId, target, touchpointId: target === 'touchpoint' ? touchpointId : null, reason }, { onSuccess: () => setReason('') });
        }}
      >
        <Title order={2} size="h4" mb="xs">
          Dispute this deal's credit
        </Title>
        {create.isSuccess && (
          <Alert color="green" mb="sm" title="Dispute raised" withCloseButton closeButtonLabel="Dismiss" onClose={() => create.reset()}>
            {create.data.notified.length ? `Told: ${create.data.notified.map((n) => n.name).join(', ')}. ` : ''}An admin accepts it with an adjustment or rejects it with a reason; you will hear the outcome.
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label="What is disputed"
            data={[
              { value: 'split', label: "The deal's split between teams" },
              { value: 'touchpoint', label: "A touchpoint's inclusion" },
            ]}
            value={target}
            onChange={(e) => setTarget(e.currentTarget.value as 'split' | 'touchpoint')}
          />
          {target === 'touchpoint' && (
            <NativeSelect
              label="Touchpoint"
              data={[{ value: '', label: 'Choose one' }, ...touchpoints.map((t) => ({ value: t.touchpointId, label: `${formatDateTime(t.occurredAt)} · ${TOUCHPOINT_TEAM_LABELS[t.team]} · ${t.kind.replace(/_/g, ' ')}` }))]}
              value={touchpointId ?? ''}
              onChange={(e) => setTouchpointId(e.currentTarget.value || null)}
              error={errors.touchpointId}
            />
          )}
        </SimpleGrid>
        <Textarea mt="sm" label="Reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} autosize minRows={2} required />
        <Button type="submit" mt="sm" loading={create.isPending}>
          Raise dispute
        </Button>
      </form>
    </Card>
  );
}

function DisputeTrail({ deal }: { deal: DealAttribution }) {
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Dispute trail
      </Title>
      {deal.disputes.length === 0 ? <Text c="dimmed">No disputes on this deal.</Text> : deal.disputes.map((d) => <DisputeCard key={d.id} dispute={d} deal={deal} />)}
    </Stack>
  );
}

const STATUS_COLOR = { open: 'blue', accepted: 'green', rejected: 'gray' } as const;

export function DisputeCard({ dispute: d, deal }: { dispute: DisputeView; deal?: DealAttribution }) {
  const ws = useWorkspace();
  // Held here, not in the form: the form goes once the dispute is resolved, the message saying who was told stays.
  const resolve = useResolveDispute(ws.slug);
  return (
    <Card withBorder>
      <Group justify="space-between" wrap="wrap">
        <Text fw={600}>
          {d.target === 'split' ? 'The split between teams' : `Touchpoint ${d.touchpointId}`} —{' '}
          <Anchor component={Link} to={`/w/${ws.slug}/attribution/deals/${d.dealId}`}>
            {d.dealName}
          </Anchor>
        </Text>
        <Badge color={STATUS_COLOR[d.status]}>{d.status}</Badge>
      </Group>
      <Text size="sm">
        {d.raisedBy?.name ?? 'Someone'} on {formatDateTime(d.raisedAt)}: {d.reason}
      </Text>
      {d.status !== 'open' && (
        <Text size="sm" mt={4}>
          {d.resolvedBy?.name ?? 'An admin'} {d.status} it on {formatDateTime(d.resolvedAt)}: {d.resolution}
          {d.teamSplitPercent && ` Split set to marketing ${d.teamSplitPercent.marketing} %, sales ${d.teamSplitPercent.sales} %, partners ${d.teamSplitPercent.partner} %.`}
          {d.excludeTouchpointIds.length > 0 && ` Touchpoints excluded: ${d.excludeTouchpointIds.join(', ')}.`}
        </Text>
      )}
      {d.status === 'open' && ws.can('attribution.admin') && deal && <ResolveForm dispute={d} resolve={resolve} />}
      {resolve.isSuccess && (
        <Alert color="green" mt="sm" title="Dispute resolved">
          {resolve.data.notified.length ? `Told: ${resolve.data.notified.map((n) => n.name).join(', ')}.` : 'Nobody else to tell.'} {deal ? `${deal.dealName} shows the adjusted figure.` : ''}
        </Alert>
      )}
    </Card>
  );
}

function ResolveForm({ dispute, resolve }: { dispute: DisputeView; resolve: ReturnType<typeof useResolveDispute> }) {
  const [decision, setDecision] = useState<'accept' | 'reject'>('accept');
  const [reason, setReason] = useState('');
  const [split, setSplit] = useState({ marketing: 50, sales: 50, partner: 0 });
  const errors = problemFieldErrors(resolve.error);
  const exclude = dispute.target === 'touchpoint' && dispute.touchpointId ? [dispute.touchpointId] : [];
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        resolve.mutate({
          disputeId: dispute.id,
          decision,
          reason,
          excludeTouchpointIds: decision === 'accept' ? exclude : [],
          teamSplitPercent: decision === 'accept' && dispute.target === 'split' ? split : null,
        });
      }}
    >
      <Stack gap="xs" mt="sm">
        <NativeSelect
          label="Resolution"
          data={[
            { value: 'accept', label: dispute.target === 'split' ? 'Accept and set the split' : 'Accept and exclude the touchpoint' },
            { value: 'reject', label: 'Reject' },
          ]}
          value={decision}
          onChange={(e) => setDecision(e.currentTarget.value as 'accept' | 'reject')}
        />
        {decision === 'accept' && dispute.target === 'split' && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {(['marketing', 'sales', 'partner'] as const).map((t) => (
              <NumberInput key={t} label={`${TOUCHPOINT_TEAM_LABELS[t]} %`} min={0} max={100} value={split[t]} onChange={(v) => setSplit({ ...split, [t]: Number(v) || 0 })} error={errors['teamSplitPercent']} />
            ))}
          </SimpleGrid>
        )}
        <Textarea label="Reason for the resolution" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason ?? errors.excludeTouchpointIds} autosize minRows={2} required />
        <Group>
          <Button type="submit" loading={resolve.isPending}>
            Resolve dispute
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Where a touchpoint came from: Tandem's own (a library share, a request's deal support) by name; an import or API client by its source and id. */
function sourceLabel(source: string, externalId: string): string {
  if (source === LIBRARY_SOURCE) return 'from the Library';
  if (source === REQUESTS_SOURCE) return 'from Requests';
  return `${source} ${externalId}`;
}

/** On a phone these tables scroll sideways: the viewport takes keyboard focus and is named (axe scrollable-region-focusable). */
function scrollable(label: string) {
  return { viewportProps: { tabIndex: 0, role: 'region', 'aria-label': label } };
}
