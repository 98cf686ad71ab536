import { WorkspaceParam, endpoint } from '../../endpoint.ts';
import {
  CapacityQuery,
  CapacityView,
  PmmCapacityList,
  RequestMetrics,
  RequestMetricsQuery,
  RequestSettings,
  UpdatePmmCapacityRequest,
  UpdateRequestSettingsRequest,
} from '../../requests/settings.ts';

// The requests' settings, capacity and metrics rows of the endpoint table (see ../requests.ts).
const tag = 'requests';

export const settings = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/requests/settings',
  summary: 'Per-type SLA targets, score weights and the working calendar (with the defaults)',
  tag,
  access: { action: 'requests.read' },
  params: WorkspaceParam,
  response: RequestSettings,
});

export const updateSettings = endpoint({
  method: 'PATCH',
  path: '/workspaces/:workspace/requests/settings',
  summary: 'Change SLA targets, weights or the calendar (admins; audited; new weights reorder the queue)',
  tag,
  access: { action: 'requests.settings' },
  params: WorkspaceParam,
  body: UpdateRequestSettingsRequest,
  response: RequestSettings,
});

export const capacitySettings = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/requests/settings/capacity',
  summary: 'Weekly hours each PMM gives to requests',
  tag,
  access: { action: 'requests.read' },
  params: WorkspaceParam,
  response: PmmCapacityList,
});

export const updateCapacitySettings = endpoint({
  method: 'PUT',
  path: '/workspaces/:workspace/requests/settings/capacity',
  summary: 'Set weekly hours per PMM (PMMs and admins; people left out keep theirs)',
  tag,
  access: { action: 'requests.triage' },
  params: WorkspaceParam,
  body: UpdatePmmCapacityRequest,
  response: PmmCapacityList,
});

export const capacity = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/requests/capacity',
  summary: 'Demand against capacity week by week, and the line: which open requests will not be done by their date at today’s order',
  tag,
  access: { action: 'requests.read' },
  params: WorkspaceParam,
  query: CapacityQuery,
  response: CapacityView,
});

export const metrics = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/requests/metrics',
  summary: 'Median time to first response, share delivered within SLA, backlog by age, requests by team and type, reuse',
  tag,
  access: { action: 'requests.read' },
  params: WorkspaceParam,
  query: RequestMetricsQuery,
  response: RequestMetrics,
});
