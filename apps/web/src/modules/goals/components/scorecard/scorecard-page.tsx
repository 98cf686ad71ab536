import { useSearchParams } from 'react-router-dom';
import { Skeleton, Stack } from '@mantine/core';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { QueryView, todayIn } from '../../../../app/kit/index.ts';
import { useRequiredSession } from '../../../../app/session.tsx';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useWorkspaceDetails } from '../../../workspaces/index.ts';
import { useGoals } from '../../hooks/use-goals.ts';
import { useScorecard } from '../../hooks/use-metrics.ts';
import { csvFileName, downloadCsv, toCsv } from '../shared/csv.ts';
import { quarterOptions } from '../shared/periods.ts';
import { ScorecardBody } from './scorecard-body.tsx';
import { SCORECARD_CSV_HEADER, scorecardCsvRows } from './scorecard-csv.ts';
import { ReportActions } from './scorecard-actions.tsx';
import '../shared/print.css';

const QUARTER = /^FY\d{4} Q[1-4]$/;

export function ScorecardSkeleton() {
  return (
    <Stack gap="lg">
      <Skeleton height={120} />
      <Skeleton height={200} />
      <Skeleton height={260} />
    </Stack>
  );
}

/**
 * The scorecard for one quarter, its data and the goals of that quarter; the admin's and lead's home shows it for
 * the current quarter, this page for any (`?period=FY2027 Q1`), with CSV and print.
 */
export function useScorecardView(period: string | undefined) {
  const ws = useWorkspace();
  const scorecard = useScorecard(ws.slug, period);
  const label = period ?? scorecard.data?.period.label;
  const goals = useGoals(ws.slug, label ? { period: label } : {});
  const csv = () => {
    if (!scorecard.data) return;
    const s = scorecard.data;
    downloadCsv(csvFileName(`Scorecard ${s.period.label}`), toCsv(SCORECARD_CSV_HEADER, scorecardCsvRows(s, label ? (goals.data?.items ?? []) : [])));
  };
  return { scorecard, goals: label && goals.data ? goals.data.items : undefined, csv };
}

export function ScorecardPage() {
  const ws = useWorkspace();
  const session = useRequiredSession();
  const [params, setParams] = useSearchParams();
  const raw = params.get('period');
  const period = raw && QUARTER.test(raw) ? raw : undefined;
  const { scorecard, goals, csv } = useScorecardView(period);
  const startMonth = useWorkspaceDetails(ws.slug).data?.fiscalYearStartMonth;
  const periods = startMonth ? quarterOptions(todayIn(session.user.timeZone), startMonth) : undefined;

  return (
    <>
      <PageHeader
        title="Scorecard"
        description="One set of numbers for marketing and sales, computed from live deals, feedback and requests. Rates show how many deals they rest on and their 95 % interval."
        actions={
          <ReportActions
            periods={periods}
            period={period ?? scorecard.data?.period.label}
            onPeriod={(p) => setParams({ period: p }, { replace: true })}
            onCsv={csv}
            csvDisabled={!scorecard.data}
          />
        }
      />
      <QueryView query={scorecard} skeleton={<ScorecardSkeleton />} error="Could not load the scorecard">
        {(s) => <ScorecardBody slug={ws.slug} scorecard={s} goals={goals} />}
      </QueryView>
    </>
  );
}
