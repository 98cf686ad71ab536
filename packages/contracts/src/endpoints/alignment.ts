import {
  AlignmentIndex,
  AlignmentReport,
  AlignmentSettings,
  AnswerPulseRequest,
  AnswerPulseResponse,
  PulseDetail,
  PulseList,
  PulseResults,
  PulseResultsQuery,
  PulseSummary,
  SchedulePulseRequest,
  UpdateAlignmentSettingsRequest,
} from '../alignment/alignment.ts';
import { WorkspaceParam, endpoint, workspaceAnd } from '../endpoint.ts';

// The alignment module's rows of the endpoint table. Everyone reads the index and the (anonymous, gated) results;
// marketing and sales members answer pulses; the admin schedules pulses, closes them and edits the questions.
const PulseParam = workspaceAnd('pulseId');
const read = { action: 'alignment.read' } as const;
const answer = { action: 'alignment.answer' } as const;
const manage = { action: 'alignment.manage' } as const;
const tag = 'alignment';

export const index = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/alignment',
  summary: 'The Alignment Index: overall and per friction a 0–100 score (null without enough data), its confidence, signals with weights and links, and the pulse survey’s team means and gap',
  tag,
  access: read,
  params: WorkspaceParam,
  response: AlignmentIndex,
});

export const report = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/alignment/report',
  summary: 'The index with each signal in words, the weekly trend and the playbook for the weakest friction',
  tag,
  access: read,
  params: WorkspaceParam,
  response: AlignmentReport,
});

export const settings = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/alignment/settings',
  summary: 'The pulse question bank, the free-text question, the cadence and the minimum group size',
  tag,
  access: read,
  params: WorkspaceParam,
  response: AlignmentSettings,
});

export const updateSettings = endpoint({
  method: 'PATCH',
  path: '/workspaces/:workspace/alignment/settings',
  summary: 'Edit the questions (2–3 per friction), the cadence (monthly, quarterly, off) or the minimum group size (never below 3)',
  tag,
  access: manage,
  params: WorkspaceParam,
  body: UpdateAlignmentSettingsRequest,
  response: AlignmentSettings,
});

export const listPulses = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/pulses',
  summary: 'Pulses, newest first: status, how many were asked and answered (a count, never who), whether the caller answered',
  tag,
  access: read,
  params: WorkspaceParam,
  response: PulseList,
});

export const schedulePulse = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/pulses',
  summary: 'Run a pulse now (or from `opensAt`): both teams are invited through notifications and reminded before it closes',
  tag,
  access: manage,
  params: WorkspaceParam,
  body: SchedulePulseRequest,
  status: 201,
  response: PulseSummary,
});

export const getPulse = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/pulses/:pulseId',
  summary: 'A pulse with its statements, for answering',
  tag,
  access: read,
  params: PulseParam,
  response: PulseDetail,
});

export const answerPulse = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/pulses/:pulseId/answers',
  summary: 'Answer a pulse once: stored without identity (only team and role); a one-way participation record refuses a second answer',
  tag,
  access: answer,
  params: PulseParam,
  body: AnswerPulseRequest,
  status: 201,
  response: AnswerPulseResponse,
});

export const closePulse = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/pulses/:pulseId/close',
  summary: 'Close a pulse now; its results become readable',
  tag,
  access: manage,
  params: PulseParam,
  response: PulseSummary,
});

export const pulseResults = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/pulses/:pulseId/results',
  summary: 'A closed pulse’s results per team (mean, distribution, perception gap, free-text terms), optionally one role; no figure for a group under the minimum, nor one whose difference from another would isolate someone',
  tag,
  access: read,
  params: PulseParam,
  query: PulseResultsQuery,
  response: PulseResults,
});
