import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Anchor, Badge, Button, Card, Group, List, NativeSelect, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { ATTRIBUTION_MODEL_LABELS, ATTRIBUTION_MODELS, fiscalQuarterOf, shiftFiscalQuarter, type AttributionModel, type AttributionReport, type ReportRow } from '@tandem/contracts';
import { PageHeader } from '../../../app/components/page-header.tsx';
import { problemFieldErrors } from '../../../app/forms.ts';
import { DataTable, formatDay, formatMoney, QueryView, todayIn, type DataTableColumn } from '../../../app/kit/index.ts';
import { useRequiredSession } from '../../../app/session.tsx';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useWorkspaceDetails } from '../../workspaces/index.ts';
import { useAttributionReport, useModelOfRecord, useRecompute, useSetModelOfRecord } from '../hooks/use-attribution.ts';

type GroupBy = 'team' | 'segment' | 'campaign' | 'asset';

/** The last eight fiscal quarters (the workspace's fiscal year, as goals and win/loss use), newest first, from today in the reader's zone. */
function quarters(today: string, startMonth: number) {
  const current = fiscalQuarterOf(today, startMonth);
  return Array.from({ length: 8 }, (_, i) => {
    const q = shiftFiscalQuarter(current, -i, startMonth);
    return { value: q.label, label: q.label, from: q.start, to: q.end };
  });
}

/** Attribution: every model side by side for a period, the spread beside each figure, and the model of record. */
export function AttributionPage() {
  const ws = useWorkspace();
  const session = useRequiredSession();
  const startMonth = useWorkspaceDetails(ws.slug).data?.fiscalYearStartMonth;
  const periods = quarters(todayIn(session.user.timeZone), startMonth ?? 1);
  // The last whole quarter first: the current one is still being won.
  const [picked, setPeriod] = useState<string | null>(null);
  const period = picked ?? periods[1]!.value;
  const [status, setStatus] = useState<'won' | 'open'>('won');
  const [groupBy, setGroupBy] = useState<GroupBy>('team');
  const chosen = periods.find((p) => p.value === period) ?? periods[0]!;
  const report = useAttributionReport(ws.slug, { from: chosen.from, to: chosen.to, status, groupBy }, startMonth !== undefined);
  const recompute = useRecompute(ws.slug);
  return (
    <>
      <PageHeader
        title="Attribution"
        description="Revenue and pipeline credited to marketing, sales and partners under nine models at once. The spread shows how far the models disagree, so no single model is mistaken for the truth."
        actions={
          <Group gap="xs">
            <Button component={Link} to={`/w/${ws.slug}/attribution/disputes`} variant="default">
              Disputes
            </Button>
            {ws.can('attribution.import') && (
              <Button component={Link} to={`/w/${ws.slug}/attribution/import`} variant="default">
                Import touchpoints
              </Button>
            )}
            {ws.can('attribution.admin') && (
              <Button variant="default" loading={recompute.isPending} onClick={() => recompute.mutate('full')}>
                Recompute the ledger
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="lg">
        {recompute.data && (
          <Alert color="green" title="Ledger recomputed" withCloseButton closeButtonLabel="Dismiss" onClose={() => recompute.reset()}>
            {recompute.data.deals.toLocaleString()} deals and {recompute.data.touchpoints.toLocaleString()} touchpoints credited under every model.
          </Alert>
        )}
        <Group align="end" wrap="wrap">
          <Select
            label="Quarter"
            // Fiscal quarters once the workspace's fiscal year is known: no calendar labels shown first, then replaced.
            data={startMonth === undefined ? [] : periods.map((p) => ({ value: p.value, label: p.label }))}
            value={startMonth === undefined ? null : period}
            onChange={(v) => v && setPeriod(v)}
            allowDeselect={false}
            disabled={startMonth === undefined}
            w={160}
          />
          <Select
            label="Figures"
            data={[
              { value: 'won', label: 'Revenue (closed won)' },
              { value: 'open', label: 'Pipeline (open)' },
            ]}
            value={status}
            onChange={(v) => v && setStatus(v as 'won' | 'open')}
            allowDeselect={false}
            w={230}
          />
          <Select
            label="Group by"
            data={[
              { value: 'team', label: 'Team' },
              { value: 'segment', label: 'Segment and team' },
              { value: 'campaign', label: 'Campaign' },
              { value: 'asset', label: 'Asset' },
            ]}
            value={groupBy}
            onChange={(v) => v && setGroupBy(v as GroupBy)}
            allowDeselect={false}
            w={200}
          />
        </Group>
        <QueryView query={report} error="Could not load the attribution report">
          {(r) => <ReportView report={r} />}
        </QueryView>
        <ModelOfRecordPanel />
      </Stack>
    </>
  );
}

function ReportView({ report }: { report: AttributionReport }) {
  const ws = useWorkspace();
  const money = (v: string) => formatMoney(v, report.currency, { rounded: true, compact: true });
  const columns: DataTableColumn<ReportRow>[] = [
    { key: 'label', header: report.groupBy === 'team' ? 'Team' : 'Group', cell: (r) => <Text fw={600}>{r.label}</Text> },
    // The spread comes first, beside the figures, so it is never scrolled out of sight.
    { key: 'spread', header: 'Spread', cell: (r) => <Text>{`${money(r.spread)} (${money(r.min)}–${money(r.max)})`}</Text> },
    ...ATTRIBUTION_MODELS.map((m) => ({
      key: m,
      header: ATTRIBUTION_MODEL_LABELS[m],
      cell: (r: ReportRow) => <Text fw={m === report.modelOfRecord ? 700 : undefined}>{money(r.byModel[m]!)}</Text>,
    })),
  ];
  return (
    <Stack gap="sm">
      <Text>
        {report.deals.toLocaleString()} {report.status === 'won' ? 'deals won' : 'open deals'} from {formatDay(report.from)} to {formatDay(report.to)}, {money(report.total)} in all.{' '}
        {report.modelOfRecord ? (
          <>
            The model of record is <b>{ATTRIBUTION_MODEL_LABELS[report.modelOfRecord]}</b> (its figures are in bold).
          </>
        ) : (
          'No model of record has been chosen yet.'
        )}
        {report.modelOfRecord &&
          (report.adjustedDeals > 0
            ? ` ${report.adjustedDeals.toLocaleString()} ${report.adjustedDeals === 1 ? 'deal was' : 'deals were'} adjusted by accepted disputes: the table under the models shows the model of record's figures after them beside the figures before.`
            : ' No accepted dispute adjusts this period: adjusted and unadjusted figures are the same.')}
      </Text>
      {report.unattributed.deals > 0 && (
        <Alert color="yellow" title={`${report.unattributed.deals.toLocaleString()} deals have no touchpoints (${money(report.unattributed.amount)})`}>
          They are listed, not dropped:{' '}
          {report.unattributed.sample.map((d, i) => (
            <span key={d.dealId}>
              {i > 0 && ', '}
              <Anchor component={Link} to={`/w/${ws.slug}/attribution/deals/${d.dealId}`}>
                {d.name}
              </Anchor>
            </span>
          ))}
          {report.unattributed.deals > report.unattributed.sample.length && '…'}
        </Alert>
      )}
      {report.rows.length === 0 ? (
        <Text c="dimmed">Nothing credited in this period yet.</Text>
      ) : (
        <DataTable rows={report.rows} rowKey={(r) => r.key || '(none)'} columns={columns} aria-label="Credit by model" />
      )}
      {report.modelOfRecord && report.rows.length > 0 && <AdjustedTable report={report} money={money} />}
      <Title order={2} size="h4" mt="sm">
        How each model splits the credit
      </Title>
      <List spacing={4}>
        {report.rules.map((r) => (
          <List.Item key={r.model}>
            <b>{r.label}</b>
            {r.model === report.modelOfRecord && (
              <Badge ml="xs" size="sm" variant="light">
                Model of record
              </Badge>
            )}
            : {r.rule}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** Accepted disputes change the model of record's figures: each row's adjusted figure beside its unadjusted one. */
function AdjustedTable({ report, money }: { report: AttributionReport; money: (v: string) => string }) {
  const label = ATTRIBUTION_MODEL_LABELS[report.modelOfRecord!];
  const columns: DataTableColumn<ReportRow>[] = [
    { key: 'label', header: report.groupBy === 'team' ? 'Team' : 'Group', cell: (r) => <Text fw={600}>{r.label}</Text> },
    { key: 'unadjusted', header: `${label}, unadjusted`, cell: (r) => <Text>{r.modelOfRecord === null ? '—' : money(r.modelOfRecord)}</Text> },
    { key: 'adjusted', header: `${label}, adjusted`, cell: (r) => <Text fw={700}>{r.adjusted === null ? '—' : money(r.adjusted)}</Text> },
  ];
  return (
    <>
      <Title order={2} size="h4" mt="sm">
        Model of record, adjusted and unadjusted
      </Title>
      <DataTable rows={report.rows} rowKey={(r) => r.key || '(none)'} columns={columns} aria-label="Model of record, adjusted and unadjusted" />
    </>
  );
}

function ModelOfRecordPanel() {
  const ws = useWorkspace();
  const mor = useModelOfRecord(ws.slug);
  const set = useSetModelOfRecord(ws.slug);
  const [model, setModel] = useState<AttributionModel | null>(null);
  const [rationale, setRationale] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState(new Date().toISOString().slice(0, 10));
  const errors = problemFieldErrors(set.error);
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h4">
          Model of record
        </Title>
        <QueryView query={mor} error="Could not load the model of record">
          {(m) => (
            <Stack gap="xs">
              <Text>
                {m.current
                  ? `${ATTRIBUTION_MODEL_LABELS[m.current.model]} since ${formatDay(m.current.effectiveFrom)}, chosen by ${m.current.chosenBy?.name ?? 'an admin'}: “${m.current.rationale}”`
                  : 'None chosen yet. Until an admin chooses one, every model is shown with equal weight.'}
              </Text>
              {m.history.length > 1 && (
                <List size="sm" c="dimmed">
                  {m.history.slice(1).map((h) => (
                    <List.Item key={h.id}>
                      {ATTRIBUTION_MODEL_LABELS[h.model]} from {formatDay(h.effectiveFrom)} ({h.chosenBy?.name ?? 'an admin'}): {h.rationale}
                    </List.Item>
                  ))}
                </List>
              )}
            </Stack>
          )}
        </QueryView>
        {set.isSuccess && set.data.current && (
          <Alert color="green" title="Model of record set" withCloseButton closeButtonLabel="Dismiss" onClose={() => set.reset()}>
            {ATTRIBUTION_MODEL_LABELS[set.data.current.model]} is the model of record from {formatDay(set.data.current.effectiveFrom)}. No one was notified: everyone reading the
            ledger sees it and your rationale.
          </Alert>
        )}
        {ws.can('attribution.admin') && (
          // noValidate: the server's words ("say why in at least 10 characters…") show beside the field, not the browser's bubble.
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (model) set.mutate({ model, rationale, effectiveFrom });
            }}
          >
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NativeSelect
                label="Model"
                data={[{ value: '', label: 'Choose a model' }, ...ATTRIBUTION_MODELS.map((m) => ({ value: m, label: ATTRIBUTION_MODEL_LABELS[m] }))]}
                value={model ?? ''}
                onChange={(e) => setModel((e.currentTarget.value || null) as AttributionModel | null)}
                error={errors.model}
                required
              />
              <TextInput label="Effective from" type="date" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.currentTarget.value)} error={errors.effectiveFrom} required />
            </SimpleGrid>
            <Textarea mt="sm" label="Rationale" description="Both teams will read why this model counts." value={rationale} onChange={(e) => setRationale(e.currentTarget.value)} error={errors.rationale} autosize minRows={2} required />
            {set.isError && !Object.keys(errors).length && (
              <Alert color="red" mt="sm" title="Not saved">
                {String((set.error as Error).message)}
              </Alert>
            )}
            <Button type="submit" mt="sm" loading={set.isPending} disabled={!model}>
              Set model of record
            </Button>
          </form>
        )}
      </Stack>
    </Card>
  );
}
