import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddAgendaItemRequest,
  AttendanceRequest,
  CreateActionItemRequest,
  CreateMeetingSeriesRequest,
  EditAgendaItemRequest,
  OccurrenceChangeResponse,
  ReorderAgendaRequest,
} from '@tandem/contracts';
import * as meetingsEndpoints from '@tandem/contracts/web-endpoints/meetings';
import { call, endpointUrl } from '../../../app/api/client.ts';
import { meetingsKeys } from './meetings.keys.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The API refuses a malformed id or number with 400; the page treats it as "not found" without asking. */
export const isSeriesId = (id: string | undefined): id is string => !!id && UUID.test(id);
export const occurrenceNumber = (n: string | undefined) => (n && /^[1-9]\d{0,4}$/.test(n) ? Number(n) : null);

export function useMeetingSeriesList(slug: string) {
  return useQuery({ queryKey: meetingsKeys.list(slug), queryFn: () => call(meetingsEndpoints.list, { params: { workspace: slug } }) });
}

export function useMeetingSeries(slug: string, seriesId: string | undefined) {
  return useQuery({
    queryKey: meetingsKeys.series(slug, seriesId),
    queryFn: () => call(meetingsEndpoints.get, { params: { workspace: slug, seriesId: seriesId! } }),
    enabled: isSeriesId(seriesId),
  });
}

/** Action items done by their due day, meetings held and attendance for [from, to] (the Alignment Index links here). */
export function useMeetingMetrics(slug: string, period: { from: string; to: string }) {
  return useQuery({
    queryKey: meetingsKeys.metrics(slug, period.from, period.to),
    queryFn: () => call(meetingsEndpoints.metrics, { params: { workspace: slug }, query: period }),
  });
}

export function useMeetingMemberOptions(slug: string) {
  return useQuery({ queryKey: meetingsKeys.memberOptions(slug), queryFn: () => call(meetingsEndpoints.memberOptions, { params: { workspace: slug } }) });
}

export function useCreateMeetingSeries(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMeetingSeriesRequest) => call(meetingsEndpoints.create, { params: { workspace: slug }, body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: meetingsKeys.list(slug) }),
  });
}

export function useOccurrence(slug: string, seriesId: string | undefined, number: number | null) {
  return useQuery({
    queryKey: meetingsKeys.occurrence(slug, seriesId, number ?? 0),
    queryFn: () => call(meetingsEndpoints.occurrence, { params: { workspace: slug, seriesId: seriesId!, number: number! } }),
    enabled: isSeriesId(seriesId) && number !== null,
  });
}

/** Agenda, publishing, attendance and action items of one occurrence; each answers the occurrence and who was told. */
export function useOccurrenceActions(slug: string, seriesId: string, number: number) {
  const queryClient = useQueryClient();
  const params = { workspace: slug, seriesId, number };
  const onSuccess = (r: OccurrenceChangeResponse) => {
    queryClient.setQueryData(meetingsKeys.occurrence(slug, seriesId, number), r.occurrence);
    void queryClient.invalidateQueries({ queryKey: meetingsKeys.series(slug, seriesId) });
  };
  // An action item changes this occurrence's minutes and every later draft agenda of the series.
  const refreshSeries = () => void queryClient.invalidateQueries({ queryKey: meetingsKeys.all(slug) });
  return {
    addItem: useMutation({ mutationFn: (body: AddAgendaItemRequest) => call(meetingsEndpoints.addAgendaItem, { params, body }), onSuccess }),
    reorder: useMutation({ mutationFn: (body: ReorderAgendaRequest) => call(meetingsEndpoints.reorderAgenda, { params, body }), onSuccess }),
    editItem: useMutation({
      mutationFn: ({ agendaItemId, ...body }: EditAgendaItemRequest & { agendaItemId: string }) => call(meetingsEndpoints.editAgendaItem, { params: { ...params, agendaItemId }, body }),
      onSuccess,
    }),
    publish: useMutation({ mutationFn: () => call(meetingsEndpoints.publish, { params }), onSuccess }),
    attendance: useMutation({ mutationFn: (body: AttendanceRequest) => call(meetingsEndpoints.attendance, { params, body }), onSuccess }),
    addAction: useMutation({ mutationFn: (body: CreateActionItemRequest) => call(meetingsEndpoints.createActionItem, { params, body }), onSuccess: refreshSeries }),
    setDone: useMutation({
      mutationFn: ({ actionItemId, done }: { actionItemId: string; done: boolean }) => call(meetingsEndpoints.updateActionItem, { params: { workspace: slug, actionItemId }, body: { done } }),
      onSuccess: refreshSeries,
    }),
  };
}

/** The .ics invitation and the Markdown exports of an occurrence (downloads under the session). */
export function occurrenceFiles(slug: string, seriesId: string, number: number) {
  const params = { workspace: slug, seriesId, number };
  return {
    ics: endpointUrl(meetingsEndpoints.invite, { params }),
    agenda: endpointUrl(meetingsEndpoints.exportMarkdown, { params, query: { part: 'agenda' } }),
    minutes: endpointUrl(meetingsEndpoints.exportMarkdown, { params, query: { part: 'minutes' } }),
  };
}
