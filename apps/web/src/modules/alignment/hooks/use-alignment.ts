import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AnswerPulseRequest, PulseRole, SchedulePulseRequest, UpdateAlignmentSettingsRequest } from '@tandem/contracts';
import * as api from '@tandem/contracts/web-endpoints/alignment';
import { call } from '../../../app/api/client.ts';
import { alignmentKeys } from './alignment.keys.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isPulseId = (id: string | undefined): id is string => !!id && UUID.test(id);

export function useAlignmentReport(slug: string) {
  return useQuery({ queryKey: alignmentKeys.report(slug), queryFn: () => call(api.report, { params: { workspace: slug } }) });
}

export function usePulses(slug: string) {
  return useQuery({ queryKey: alignmentKeys.pulses(slug), queryFn: () => call(api.listPulses, { params: { workspace: slug } }) });
}

export function usePulse(slug: string, pulseId: string | undefined) {
  return useQuery({
    queryKey: alignmentKeys.pulse(slug, pulseId),
    queryFn: () => call(api.getPulse, { params: { workspace: slug, pulseId: pulseId! } }),
    enabled: isPulseId(pulseId),
  });
}

export function usePulseResults(slug: string, pulseId: string | undefined, role: PulseRole | null) {
  return useQuery({
    queryKey: alignmentKeys.results(slug, pulseId, role),
    queryFn: () => call(api.pulseResults, { params: { workspace: slug, pulseId: pulseId! }, query: role ? { role } : {} }),
    enabled: isPulseId(pulseId),
  });
}

export function useAlignmentSettings(slug: string) {
  return useQuery({ queryKey: alignmentKeys.settings(slug), queryFn: () => call(api.settings, { params: { workspace: slug } }) });
}

function useAlignmentMutation<T, R>(slug: string, fn: (v: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: alignmentKeys.all(slug) }) });
}

export const useAnswerPulse = (slug: string, pulseId: string) =>
  useAlignmentMutation(slug, (body: AnswerPulseRequest) => call(api.answerPulse, { params: { workspace: slug, pulseId }, body }));
export const useSchedulePulse = (slug: string) => useAlignmentMutation(slug, (body: SchedulePulseRequest) => call(api.schedulePulse, { params: { workspace: slug }, body }));
export const useClosePulse = (slug: string) => useAlignmentMutation(slug, (pulseId: string) => call(api.closePulse, { params: { workspace: slug, pulseId } }));
export const useUpdateAlignmentSettings = (slug: string) =>
  useAlignmentMutation(slug, (body: UpdateAlignmentSettingsRequest) => call(api.updateSettings, { params: { workspace: slug }, body }));
