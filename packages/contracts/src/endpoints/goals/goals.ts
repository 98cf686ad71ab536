import { WorkspaceParam, endpoint, workspaceAnd } from '../../endpoint.ts';
import {
  CheckinList,
  CreateCheckinRequest,
  CreateGoalCommentRequest,
  CreateGoalCommentResponse,
  CreateGoalRequest,
  GoalChangeResponse,
  GoalCommentList,
  GoalDetail,
  GoalList,
  GoalListQuery,
  KeyResultHistory,
  KeyResultInput,
  UpdateGoalRequest,
  UpdateKeyResultRequest,
  CreateCheckinResponse,
} from '../../goals/goals.ts';

// The goals' rows of the endpoint table: shared goals, their key results, check-ins, comments and each key
// result's history. Everyone reads and comments; admins, marketing and sales leads create and edit goals; owners
// check in whatever their role (the service checks ownership for the others).
const GoalParam = workspaceAnd('goalId');
const KeyResultParam = workspaceAnd('goalId', 'keyResultId');
const read = { action: 'goals.read' } as const;
const write = { action: 'goals.write' } as const;
const tag = 'goals';

export const listGoals = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/goals',
  summary: 'Shared goals with their key results and status, filtered by fiscal quarter, status or owner',
  tag,
  access: read,
  params: WorkspaceParam,
  query: GoalListQuery,
  response: GoalList,
});

export const createGoal = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/goals',
  summary: 'Create a shared goal: owners from marketing and from sales (or a sales lead) are required; key results optional',
  tag,
  access: write,
  params: WorkspaceParam,
  body: CreateGoalRequest,
  status: 201,
  response: GoalChangeResponse,
});

export const getGoal = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/goals/:goalId',
  summary: 'A goal: owners, key results with where each stands against its path, and what the caller may do',
  tag,
  access: read,
  params: GoalParam,
  response: GoalDetail,
});

export const updateGoal = endpoint({
  method: 'PATCH',
  path: '/workspaces/:workspace/goals/:goalId',
  summary: 'Change a goal’s title, why, period or owners (the owners rule still holds)',
  tag,
  access: write,
  params: GoalParam,
  body: UpdateGoalRequest,
  response: GoalChangeResponse,
});

export const archiveGoal = endpoint({
  method: 'DELETE',
  path: '/workspaces/:workspace/goals/:goalId',
  summary: 'Archive a goal (it leaves the lists; its history is kept)',
  tag,
  access: write,
  params: GoalParam,
  status: 204,
});

export const createKeyResult = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/goals/:goalId/key-results',
  summary: 'Add a key result: a catalogue metric with filters, or manual; baseline, target and direction',
  tag,
  access: write,
  params: GoalParam,
  body: KeyResultInput,
  status: 201,
  response: GoalChangeResponse,
});

export const updateKeyResult = endpoint({
  method: 'PATCH',
  path: '/workspaces/:workspace/goals/:goalId/key-results/:keyResultId',
  summary: 'Change a key result (its status is evaluated again)',
  tag,
  access: write,
  params: KeyResultParam,
  body: UpdateKeyResultRequest,
  response: GoalChangeResponse,
});

export const deleteKeyResult = endpoint({
  method: 'DELETE',
  path: '/workspaces/:workspace/goals/:goalId/key-results/:keyResultId',
  summary: 'Remove a key result with its history and check-ins',
  tag,
  access: write,
  params: KeyResultParam,
  status: 204,
});

export const keyResultHistory = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/goals/:goalId/key-results/:keyResultId/history',
  summary: 'A key result’s daily values over the period, the straight path from baseline to target, and its check-ins',
  tag,
  access: read,
  params: KeyResultParam,
  response: KeyResultHistory,
});

export const listCheckins = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/goals/:goalId/key-results/:keyResultId/check-ins',
  summary: 'A key result’s check-ins, newest first',
  tag,
  access: read,
  params: KeyResultParam,
  response: CheckinList,
});

export const createCheckin = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/goals/:goalId/key-results/:keyResultId/check-ins',
  summary: 'Check in on a key result: a value (manual results) and a note; owners and goal editors only',
  tag,
  access: read,
  params: KeyResultParam,
  body: CreateCheckinRequest,
  status: 201,
  response: CreateCheckinResponse,
});

export const listGoalComments = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/goals/:goalId/comments',
  summary: 'Comments on a goal, oldest first',
  tag,
  access: read,
  params: GoalParam,
  response: GoalCommentList,
});

export const createGoalComment = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/goals/:goalId/comments',
  summary: 'Comment on a goal (anyone who can read goals)',
  tag,
  access: read,
  params: GoalParam,
  body: CreateGoalCommentRequest,
  status: 201,
  response: CreateGoalCommentResponse,
});
