import { z } from 'zod';
import {
  ActionItemChangeResponse,
  AddAgendaItemRequest,
  AttendanceRequest,
  CreateActionItemRequest,
  CreateMeetingSeriesRequest,
  EditAgendaItemRequest,
  MeetingExportQuery,
  MeetingMembersOptions,
  MeetingMetrics,
  MeetingMetricsQuery,
  MeetingSeriesDetail,
  MeetingSeriesList,
  OccurrenceChangeResponse,
  OccurrenceDetail,
  ReorderAgendaRequest,
  UpdateActionItemRequest,
} from '../meetings/meetings.ts';
import { WorkspaceParam, endpoint, workspaceAnd } from '../endpoint.ts';

// The meetings module's rows of the endpoint table. Everyone reads series, agendas and minutes; admins, PMMs and
// sales leads start a series; its owner (or an admin) edits and publishes the agenda and keeps attendance; attendees
// write notes and action items (the service checks who is in the series).
const SeriesParam = workspaceAnd('seriesId');
const OccurrenceParam = SeriesParam.extend({ number: z.coerce.number().int().min(1, 'an occurrence number from 1').max(100_000) });
const AgendaItemParam = OccurrenceParam.extend({ agendaItemId: z.uuid() });
const ActionItemParam = workspaceAnd('actionItemId');
const read = { action: 'meetings.read' } as const;
const takePart = { action: 'meetings.take_part' } as const;
const write = { action: 'meetings.write' } as const;
const tag = 'meetings';

export const list = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/meetings',
  summary: 'Meeting series with their next occurrence',
  tag,
  access: read,
  params: WorkspaceParam,
  response: MeetingSeriesList,
});

export const create = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/meetings',
  summary: 'Start a series: title, cadence, first local date and wall time, IANA time zone, length, attendees',
  tag,
  access: write,
  params: WorkspaceParam,
  body: CreateMeetingSeriesRequest,
  status: 201,
  response: MeetingSeriesDetail,
});

export const memberOptions = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/meetings/member-options',
  summary: 'Who can be invited: active members of both teams',
  tag,
  access: write,
  params: WorkspaceParam,
  response: MeetingMembersOptions,
});

export const metrics = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/meetings/metrics',
  summary: 'Action items completed on time, meetings held against scheduled, attendance by team, over [from, to]',
  tag,
  access: read,
  params: WorkspaceParam,
  query: MeetingMetricsQuery,
  response: MeetingMetrics,
});

export const get = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/meetings/:seriesId',
  summary: 'A series: its rule, attendees, the last six and next four occurrences',
  tag,
  access: read,
  params: SeriesParam,
  response: MeetingSeriesDetail,
});

export const occurrence = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/meetings/:seriesId/occurrences/:number',
  summary: 'An occurrence: its agenda (a draft follows live data until published), notes, attendance and action items',
  tag,
  access: read,
  params: OccurrenceParam,
  response: OccurrenceDetail,
});

export const addAgendaItem = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/meetings/:seriesId/occurrences/:number/agenda',
  summary: 'Add a free topic to the agenda (the owner)',
  tag,
  access: takePart,
  params: OccurrenceParam,
  body: AddAgendaItemRequest,
  status: 201,
  response: OccurrenceChangeResponse,
});

export const reorderAgenda = endpoint({
  method: 'PUT',
  path: '/workspaces/:workspace/meetings/:seriesId/occurrences/:number/agenda',
  summary: 'Put the agenda in a new order (the owner)',
  tag,
  access: takePart,
  params: OccurrenceParam,
  body: ReorderAgendaRequest,
  response: OccurrenceChangeResponse,
});

export const editAgendaItem = endpoint({
  method: 'PATCH',
  path: '/workspaces/:workspace/meetings/:seriesId/occurrences/:number/agenda/:agendaItemId',
  summary: 'Edit an item’s title (the owner), its notes (attendees), or take it off the agenda (the owner)',
  tag,
  access: takePart,
  params: AgendaItemParam,
  body: EditAgendaItemRequest,
  response: OccurrenceChangeResponse,
});

export const publish = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/meetings/:seriesId/occurrences/:number/publish',
  summary: 'Publish the agenda: attendees are told, with the .ics invitation',
  tag,
  access: takePart,
  params: OccurrenceParam,
  response: OccurrenceChangeResponse,
});

export const attendance = endpoint({
  method: 'PUT',
  path: '/workspaces/:workspace/meetings/:seriesId/occurrences/:number/attendance',
  summary: 'Record who attended (the owner); the occurrence counts as held',
  tag,
  access: takePart,
  params: OccurrenceParam,
  body: AttendanceRequest,
  response: OccurrenceChangeResponse,
});

export const createActionItem = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/meetings/:seriesId/occurrences/:number/action-items',
  summary: 'Agree an action item (owner, due date): it lands in its owner’s inbox and on every later agenda until done',
  tag,
  access: takePart,
  params: OccurrenceParam,
  body: CreateActionItemRequest,
  status: 201,
  response: ActionItemChangeResponse,
});

export const updateActionItem = endpoint({
  method: 'PATCH',
  path: '/workspaces/:workspace/meetings/action-items/:actionItemId',
  summary: 'Mark an action item done or not done (its owner, the series owner or an admin)',
  tag,
  access: takePart,
  params: ActionItemParam,
  body: UpdateActionItemRequest,
  response: ActionItemChangeResponse,
});

export const invite = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/meetings/:seriesId/occurrences/:number/invite.ics',
  summary: 'The occurrence as an iCalendar invitation (text/calendar)',
  tag,
  access: read,
  params: OccurrenceParam,
  produces: 'text/calendar',
});

export const exportMarkdown = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/meetings/:seriesId/occurrences/:number/export.md',
  summary: 'The agenda or the minutes as Markdown',
  tag,
  access: read,
  params: OccurrenceParam,
  query: MeetingExportQuery,
  produces: 'text/markdown',
});
