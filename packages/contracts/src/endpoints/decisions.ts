import {
  CreateDecisionRequest,
  DecideRequest,
  DecisionChangeResponse,
  DecisionDetail,
  DecisionInputRequest,
  DecisionLinkOptions,
  DecisionLinksInput,
  DecisionList,
  DecisionListQuery,
  DecisionStakeholderOptions,
  ReopenDecisionRequest,
} from '../decisions/decisions.ts';
import { WorkspaceParam, endpoint, workspaceAnd } from '../endpoint.ts';

// The decisions module's rows of the endpoint table. Everyone in the workspace reads the log and gives input when
// asked; product marketing (and admins) open decisions, and the owner (or an admin) decides, reopens and links.
const DecisionParam = workspaceAnd('decisionId');
const read = { action: 'decisions.read' } as const;
const input = { action: 'decisions.input' } as const;
const write = { action: 'decisions.write' } as const;
const tag = 'decisions';

export const list = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/decisions',
  summary: 'The decision log: newest first, searchable, filtered by kind, owner and status',
  tag,
  access: read,
  params: WorkspaceParam,
  query: DecisionListQuery,
  response: DecisionList,
});

export const create = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/decisions',
  summary: 'Open a decision for input: title, context, kind, options, stakeholders, the instant input closes and the decide-by date',
  tag,
  access: write,
  params: WorkspaceParam,
  body: CreateDecisionRequest,
  status: 201,
  response: DecisionChangeResponse,
});

export const stakeholderOptions = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/decisions/stakeholder-options',
  summary: 'Who can be asked: members, and teams with their lead (suggested when the team is affected)',
  tag,
  access: write,
  params: WorkspaceParam,
  response: DecisionStakeholderOptions,
});

export const linkOptions = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/decisions/link-options',
  summary: 'What a decision can concern: feedback themes, library assets and goals of the workspace',
  tag,
  access: write,
  params: WorkspaceParam,
  response: DecisionLinkOptions,
});

export const get = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/decisions/:decisionId',
  summary: 'A decision: context, options, input by stakeholder with counts, the window, the outcome and its history',
  tag,
  access: read,
  params: DecisionParam,
  response: DecisionDetail,
});

export const giveInput = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/decisions/:decisionId/inputs',
  summary: 'A stakeholder’s stance (support, concern, object) with a comment; changeable until the window closes (409 after, naming the closing time)',
  tag,
  access: input,
  params: DecisionParam,
  body: DecisionInputRequest,
  response: DecisionChangeResponse,
});

export const decide = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/decisions/:decisionId/decide',
  summary: 'Record the outcome (the owner): chosen option, rationale, what changed because of the input (required when anyone objected)',
  tag,
  access: write,
  params: DecisionParam,
  body: DecideRequest,
  response: DecisionChangeResponse,
});

export const reopen = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/decisions/:decisionId/reopen',
  summary: 'Reopen a decided decision with a reason and a new input window; the earlier outcome stays in its history',
  tag,
  access: write,
  params: DecisionParam,
  body: ReopenDecisionRequest,
  response: DecisionChangeResponse,
});

export const setLinks = endpoint({
  method: 'PUT',
  path: '/workspaces/:workspace/decisions/:decisionId/links',
  summary: 'Replace what the decision concerns: feedback themes, library assets, goals (each of this workspace)',
  tag,
  access: write,
  params: DecisionParam,
  body: DecisionLinksInput,
  response: DecisionChangeResponse,
});
