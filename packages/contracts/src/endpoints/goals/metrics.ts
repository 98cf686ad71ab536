import { WorkspaceParam, endpoint } from '../../endpoint.ts';
import { MetricList, MetricParams, MetricQuery, MetricRecordList, MetricRecordsQuery, MetricResult } from '../../goals/metrics.ts';
import { Scorecard, ScorecardQuery } from '../../goals/scorecard.ts';
import { WinLoss, WinLossQuery } from '../../goals/win-loss.ts';

// The metrics, scorecard and win/loss rows of the goals module's endpoint table (see ../goals.ts).
const tag = 'goals';

export const metricList = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/metrics',
  summary: 'The metric catalogue: each metric with its definition, unit, filters and groupings',
  tag,
  access: { action: 'metrics.read' },
  params: WorkspaceParam,
  response: MetricList,
});

export const metric = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/metrics/:metric',
  summary: 'One metric over a period, optionally grouped: value, counts and (for proportions) a Wilson 95 % interval',
  tag,
  access: { action: 'metrics.read' },
  params: MetricParams,
  query: MetricQuery,
  response: MetricResult,
});

export const metricRecords = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/metrics/:metric/records',
  summary: 'The records behind a number: the deals, feedback, requests or assets counted in it',
  tag,
  access: { action: 'metrics.read' },
  params: MetricParams,
  query: MetricRecordsQuery,
  response: MetricRecordList,
});

export const scorecard = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/scorecard',
  summary: 'The scorecard for a fiscal quarter: key metrics with sparklines, pipeline by stage, win rates, themes, SLA breaches',
  tag,
  access: { action: 'metrics.read' },
  params: WorkspaceParam,
  query: ScorecardQuery,
  response: Scorecard,
});

export const winLoss = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/win-loss',
  summary: 'Won and lost revenue by loss reason, competitor and segment over time, with the feedback themes behind each reason',
  tag,
  access: { action: 'metrics.read' },
  params: WorkspaceParam,
  query: WinLossQuery,
  response: WinLoss,
});
