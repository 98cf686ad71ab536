import { WorkspaceParam, endpoint, workspaceAnd } from '../../endpoint.ts';
import {
  BoostRequest,
  CreateCommentRequest,
  CreateCommentResponse,
  CreateRequestRequest,
  DeliverRequestRequest,
  MergeRequestRequest,
  OverrideRequest,
  PlusOneRequest,
  ReasonRequest,
  RequestActivityList,
  RequestAttachment,
  RequestChangeResponse,
  RequestCommentList,
  RequestDetail,
  RequestList,
  RequestListQuery,
  SimilarRequests,
  SimilarRequestsQuery,
  TriageRequestRequest,
  UpdateRequestRequest,
} from '../../requests/items.ts';

// The requests' items rows of the endpoint table (see ../requests.ts): filing, the queue, a request's page and
// lifecycle, comments, activity and attachments. Anyone in the workspace files, +1s and comments; PMMs (and admins)
// triage, deliver, decline, merge and place requests against the score; only admins set a strategic boost.
const RequestParam = workspaceAnd('requestId');
const FileParam = workspaceAnd('requestId', 'fileId');
const read = { action: 'requests.read' } as const;
const file = { action: 'requests.create' } as const;
const triage = { action: 'requests.triage' } as const;
const tag = 'requests';

export const create = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/requests',
  summary: 'File a request: type, title and description required; linked deals and a needed-by date (not in the past) optional',
  tag,
  access: file,
  params: WorkspaceParam,
  body: CreateRequestRequest,
  status: 201,
  response: RequestChangeResponse,
});

export const list = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/requests',
  summary: 'The queue: open requests in priority order (pins and placed requests first, then the score), filtered; other statuses on demand',
  tag,
  access: read,
  params: WorkspaceParam,
  query: RequestListQuery,
  response: RequestList,
});

export const similar = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/requests/similar',
  summary: 'Open requests like the text being typed, to +1 instead of filing a duplicate',
  tag,
  access: read,
  params: WorkspaceParam,
  query: SimilarRequestsQuery,
  response: SimilarRequests,
});

export const get = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/requests/:requestId',
  summary: 'A request: its score part by part, SLA clocks, place against capacity, deals, delivery and what the caller may do',
  tag,
  access: read,
  params: RequestParam,
  response: RequestDetail,
});

export const update = endpoint({
  method: 'PATCH',
  path: '/workspaces/:workspace/requests/:requestId',
  summary: 'Edit a request (its requesters and PMMs): type, title, description, needed-by date, the caller’s linked deals',
  tag,
  access: file,
  params: RequestParam,
  body: UpdateRequestRequest,
  response: RequestChangeResponse,
});

export const triageRequest = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/requests/:requestId/triage',
  summary: 'Triage: an estimate in hours and an assignee (new → triaged; later, a new estimate or assignee)',
  tag,
  access: triage,
  params: RequestParam,
  body: TriageRequestRequest,
  response: RequestChangeResponse,
});

export const start = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/requests/:requestId/start',
  summary: 'Start work (triaged → in progress)',
  tag,
  access: triage,
  params: RequestParam,
  response: RequestChangeResponse,
});

export const deliver = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/requests/:requestId/deliver',
  summary: 'Deliver: library assets and/or a note; the requesters are asked to accept it',
  tag,
  access: triage,
  params: RequestParam,
  body: DeliverRequestRequest,
  response: RequestChangeResponse,
});

export const accept = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/requests/:requestId/accept',
  summary: 'Accept the delivery (a requester)',
  tag,
  access: file,
  params: RequestParam,
  response: RequestChangeResponse,
});

export const reopen = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/requests/:requestId/reopen',
  summary: 'Reopen a delivered request with a reason (a requester): back to in progress',
  tag,
  access: file,
  params: RequestParam,
  body: ReasonRequest,
  response: RequestChangeResponse,
});

export const decline = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/requests/:requestId/decline',
  summary: 'Decline with a reason the requesters see',
  tag,
  access: triage,
  params: RequestParam,
  body: ReasonRequest,
  response: RequestChangeResponse,
});

export const plusOne = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/requests/:requestId/plus-one',
  summary: '+1: join as a requester, with your own deals, instead of filing a duplicate',
  tag,
  access: file,
  params: RequestParam,
  body: PlusOneRequest,
  response: RequestChangeResponse,
});

export const merge = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/requests/:requestId/merge',
  summary: 'Merge this request into another: every requester and deal moves there, and they are told',
  tag,
  access: triage,
  params: RequestParam,
  body: MergeRequestRequest,
  response: RequestChangeResponse,
});

export const override = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/requests/:requestId/override',
  summary: 'Place a request against the score (pin, or a position) with a written reason, or clear the placement',
  tag,
  access: triage,
  params: RequestParam,
  body: OverrideRequest,
  response: RequestChangeResponse,
});

export const boost = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/requests/:requestId/boost',
  summary: 'Set the strategic boost (0–100 points) with a reason (admins)',
  tag,
  access: { action: 'requests.settings' },
  params: RequestParam,
  body: BoostRequest,
  response: RequestChangeResponse,
});

export const comments = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/requests/:requestId/comments',
  summary: 'The comments, oldest first',
  tag,
  access: read,
  params: RequestParam,
  response: RequestCommentList,
});

export const addComment = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/requests/:requestId/comments',
  summary: 'Comment; requesters, the assignee and earlier commenters are told',
  tag,
  access: file,
  params: RequestParam,
  body: CreateCommentRequest,
  status: 201,
  response: CreateCommentResponse,
});

export const activity = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/requests/:requestId/activity',
  summary: 'Everything that happened to the request, in plain words, oldest first',
  tag,
  access: read,
  params: RequestParam,
  response: RequestActivityList,
});

export const uploadAttachment = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/requests/:requestId/attachments',
  summary: 'Attach a file (multipart field `file`; the library’s file store and content checks)',
  tag,
  access: file,
  params: RequestParam,
  body: 'multipart',
  status: 201,
  response: RequestAttachment,
});

export const downloadAttachment = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/requests/:requestId/attachments/:fileId',
  summary: 'An attachment, as a download',
  tag,
  access: read,
  params: FileParam,
  produces: 'application/octet-stream',
});

export const removeAttachment = endpoint({
  method: 'DELETE',
  path: '/workspaces/:workspace/requests/:requestId/attachments/:fileId',
  summary: 'Remove an attachment (who uploaded it, or a PMM)',
  tag,
  access: file,
  params: FileParam,
  status: 204,
});

