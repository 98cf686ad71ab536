import {
  AttributionReport,
  AttributionReportQuery,
  CreateDisputeRequest,
  DealAttribution,
  DisputeChangeResponse,
  DisputeList,
  DisputeListQuery,
  ModelOfRecordResponse,
  RecomputeRequest,
  RecomputeResponse,
  ResolveDisputeRequest,
  SetModelOfRecordRequest,
  UpsertTouchpointsRequest,
  UpsertTouchpointsResponse,
} from '../attribution/attribution.ts';
import { TouchpointImportPreview, TouchpointImportResult } from '../attribution/touchpoint-import.ts';
import { WorkspaceParam, endpoint, workspaceAnd } from '../endpoint.ts';

// The attribution module's rows of the endpoint table. Everyone reads the ledger and may dispute; touchpoints come
// from integrations and RevOps (admin, marketing, sales leads); the model of record and resolutions are the admin's.
const read = { action: 'attribution.read' } as const;
const tag = 'attribution';

export const upsertTouchpoints = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/touchpoints/upsert',
  summary: 'Create or update touchpoints in a batch, idempotent by source and externalId',
  tag,
  access: { action: 'attribution.write' },
  params: WorkspaceParam,
  body: UpsertTouchpointsRequest,
  response: UpsertTouchpointsResponse,
});

export const dealCredit = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/attribution/deals/:dealId',
  summary: "A deal's credit under every model, by touchpoint and by team, with the model of record, adjustments and disputes",
  tag,
  access: read,
  params: workspaceAnd('dealId'),
  response: DealAttribution,
});

export const report = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/attribution/report',
  summary: 'Revenue or pipeline credited by team, segment, campaign or asset over a period, every model side by side with the spread',
  tag,
  access: read,
  params: WorkspaceParam,
  query: AttributionReportQuery,
  response: AttributionReport,
});

export const modelOfRecord = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/attribution/model-of-record',
  summary: "The model of record, its history with each rationale, and every model's rule",
  tag,
  access: read,
  params: WorkspaceParam,
  response: ModelOfRecordResponse,
});

export const setModelOfRecord = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/attribution/model-of-record',
  summary: 'Choose the model of record, with a rationale and the date it takes effect',
  tag,
  access: { action: 'attribution.admin' },
  params: WorkspaceParam,
  body: SetModelOfRecordRequest,
  status: 201,
  response: ModelOfRecordResponse,
});

export const listDisputes = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/attribution/disputes',
  summary: 'Disputes, newest first, by status or deal',
  tag,
  access: read,
  params: WorkspaceParam,
  query: DisputeListQuery,
  response: DisputeList,
});

export const createDispute = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/attribution/disputes',
  summary: "Dispute a touchpoint's inclusion or a deal's split, with a reason",
  tag,
  access: { action: 'attribution.dispute' },
  params: WorkspaceParam,
  body: CreateDisputeRequest,
  status: 201,
  response: DisputeChangeResponse,
});

export const resolveDispute = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/attribution/disputes/:disputeId/resolve',
  summary: 'Accept a dispute with an adjustment, or reject it with a reason; both sides are told',
  tag,
  access: { action: 'attribution.admin' },
  params: workspaceAnd('disputeId'),
  body: ResolveDisputeRequest,
  response: DisputeChangeResponse,
});

export const recompute = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/attribution/recompute',
  summary: "Rebuild the credit ledger: every deal (full) or the deals whose touchpoints changed",
  tag,
  access: { action: 'attribution.admin' },
  params: WorkspaceParam,
  body: RecomputeRequest,
  response: RecomputeResponse,
});

// Import touchpoints from a CSV (admin and marketing: RevOps and campaign owners; reps and sales leads cannot).
const importing = { action: 'attribution.import' } as const;

export const importPreview = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/attribution/import/preview',
  summary: 'Read a touchpoint CSV (multipart field `file`): its columns, the preset it looks like with a suggested mapping, the first 10 rows and the row count; nothing is imported',
  tag,
  access: importing,
  params: WorkspaceParam,
  body: 'multipart',
  response: TouchpointImportPreview,
});

export const importTouchpoints = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/attribution/import',
  summary:
    'Import touchpoints from a CSV (multipart: `mapping` JSON, optional `preset` and `source`, then `file`): rows matched to deals by id or name, upserted by source and touchpoint id in one transaction; refused lines listed with column and value, the rest imported',
  tag,
  access: importing,
  params: WorkspaceParam,
  body: 'multipart',
  response: TouchpointImportResult,
});
