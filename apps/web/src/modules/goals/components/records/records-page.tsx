import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Anchor, Badge, Card, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconListSearch } from '@tabler/icons-react';
import type { MetricRecord } from '@tandem/contracts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { DataTable, InfiniteQueryView, QueryView, formatDay, formatMoney, type DataTableColumn } from '../../../../app/kit/index.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { fetchAllRecords, useMetric, useMetricCatalogue, useMetricRecords } from '../../hooks/use-metrics.ts';
import { ReportActions } from '../scorecard/scorecard-actions.tsx';
import { csvFileName, downloadCsv, toCsv } from '../shared/csv.ts';
import { formatMetricValue } from '../shared/metric-format.ts';
import { useTeams } from '../../../teams/index.ts';
import { describeFilters, readRecordsParams, recordHref, RECORDS_CSV_HEADER, recordsCsvRows, recordsElsewhere } from './records-params.ts';
import '../shared/print.css';

/**
 * The records behind one number: exactly the deals (feedback, requests, assets) a metric counted with these filters,
 * for the whole or one group, all counted or only the successes, with the number itself above them.
 */
export function RecordsPage() {
  const ws = useWorkspace();
  const { metric = '' } = useParams();
  const [sp, setSp] = useSearchParams();
  const params = readRecordsParams(sp);
  const { part, key, ...metricParams } = params;
  const catalogue = useMetricCatalogue(ws.slug);
  const definition = catalogue.data?.items.find((m) => m.name === metric);
  const number = useMetric(ws.slug, metric, metricParams);
  const elsewhere = recordsElsewhere(ws.slug, metric, params);
  const records = useMetricRecords(ws.slug, metric, params, !elsewhere);
  const teams = useTeams(ws.slug);
  const [exporting, setExporting] = useState(false);

  const title = definition?.title ?? metric;
  const filters = describeFilters(params, { team: teams.data?.items.find((t) => t.id === params.team)?.name });
  const period = params.from || params.to ? `${formatDay(params.from)} – ${formatDay(params.to)}` : 'this quarter so far';
  const proportion = definition?.kind === 'proportion';
  const setPart = (p: string) => {
    const next = new URLSearchParams(sp);
    if (p === 'numerator') next.set('part', 'numerator');
    else next.delete('part');
    setSp(next, { replace: true });
  };
  const csv = async () => {
    setExporting(true);
    try {
      downloadCsv(csvFileName(`${title} records ${params.from ?? ''} ${params.to ?? ''}`), toCsv(RECORDS_CSV_HEADER, recordsCsvRows(await fetchAllRecords(ws.slug, metric, params))));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={`Behind the number: ${title}`}
        description={`${period}${filters ? ` · ${filters}` : ''}. ${elsewhere ? 'The number and where its records are listed.' : 'These are the records the number was computed from.'}`}
        actions={elsewhere ? undefined : <ReportActions onCsv={() => void csv()} csvDisabled={exporting || !records.data} />}
      />
      <Stack gap="md">
        <Card withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <Stack gap={6}>
            <QueryView query={number} skeleton={<Text size="sm">…</Text>} error="Could not load the number">
              {(n) => {
                const v = key ? (n.items.find((i) => i.key === key) ?? null) : n.total;
                return (
                  <Text size="lg" fw={700}>
                    {v ? formatMetricValue(v, { kind: n.kind, unit: n.unit, byAmount: n.byAmount }) : 'No data'}
                    {v && key && (
                      <Text span size="sm" c="dimmed" fw={400}>
                        {' '}
                        ({v.label})
                      </Text>
                    )}
                  </Text>
                );
              }}
            </QueryView>
            {definition && (
              <Text size="sm" c="dimmed">
                {definition.definition}
              </Text>
            )}
            {number.data?.notes.map((note) => (
              <Text key={note} size="sm" c="dimmed">
                {note}
              </Text>
            ))}
          </Stack>
        </Card>
        {elsewhere && (
          <Text size="sm">
            The records behind this number are listed on another page:{' '}
            <Anchor component={Link} to={elsewhere.href} underline="always">
              {elsewhere.label}
            </Anchor>
            .
          </Text>
        )}
        {proportion && !elsewhere && (
          <SegmentedControl
            data-print="hide"
            aria-label="Which records"
            value={part ?? 'denominator'}
            onChange={setPart}
            data={[
              { value: 'denominator', label: 'All counted' },
              { value: 'numerator', label: metric.startsWith('win-rate') ? 'Won only' : 'Successes only' },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
        )}
        {!elsewhere && (
          <InfiniteQueryView
            query={records}
            items={(p) => p.items}
            loadMore={false}
            error="Could not load the records"
            empty={{ icon: <IconListSearch size={28} />, title: 'No records', description: 'Nothing was counted with these filters: the number says No data.' }}
          >
            {(rows, data) => (
              <>
                <Text size="sm" c="dimmed" aria-live="polite">
                  Showing {rows.length} of {data.pages[0]?.total ?? 0} {part === 'numerator' ? 'counted as a success' : 'counted'}
                </Text>
                <RecordsTable rows={rows} slug={ws.slug} loadMore={records} />
              </>
            )}
          </InfiniteQueryView>
        )}
        <Anchor component={Link} to={`/w/${ws.slug}/scorecard`} size="sm" data-print="hide">
          Back to the scorecard
        </Anchor>
      </Stack>
    </>
  );
}

function RecordsTable({ rows, slug, loadMore }: { rows: MetricRecord[]; slug: string; loadMore: Parameters<typeof DataTable<MetricRecord>>[0]['loadMore'] }) {
  const columns: DataTableColumn<MetricRecord>[] = [
    {
      key: 'title',
      header: 'Record',
      cellProps: { maw: 360 },
      cell: (r) => {
        const href = recordHref(slug, r);
        return href ? (
          <Anchor component={Link} to={href} size="sm" fw={500}>
            {r.title}
          </Anchor>
        ) : (
          <Text size="sm" lineClamp={2}>
            {r.title}
          </Text>
        );
      },
    },
    { key: 'context', header: 'Account / context', cell: (r) => r.context ?? '—' },
    { key: 'status', header: 'Status', cell: (r) => <StatusCell r={r} /> },
    { key: 'date', header: 'Date', cell: (r) => formatDay(r.date) },
    {
      key: 'amount',
      header: 'Amount',
      align: 'right',
      cell: (r) => (r.amount === null ? 'No amount' : formatMoney(r.amount, r.currency, { rounded: true })),
    },
    { key: 'owner', header: 'Owner', hiddenOnPhone: true, cell: (r) => r.owner ?? '—' },
    { key: 'segment', header: 'Segment', hiddenOnPhone: true, cell: (r) => r.segment ?? '—' },
  ];
  if (rows.some((r) => r.measure !== null)) columns.push({ key: 'measure', header: 'Measure', align: 'right', cell: (r) => (r.measure === null ? '—' : String(Math.round(r.measure * 10) / 10)) });
  return <DataTable aria-label="Records behind the number" rows={rows} rowKey={(r) => `${r.kind}:${r.id}`} columns={columns} minWidth={860} loadMore={loadMore} />;
}

function StatusCell({ r }: { r: MetricRecord }) {
  return (
    <Badge variant="light" color={r.inNumerator ? 'teal' : 'gray'} size="sm" tt="none">
      {r.status}
    </Badge>
  );
}
