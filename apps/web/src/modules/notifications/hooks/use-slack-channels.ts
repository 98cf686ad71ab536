import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateSlackChannel, UpdateSlackChannel } from '@tandem/contracts';
import * as api from '@tandem/contracts/web-endpoints/notifications';
import { call } from '../../../app/api/client.ts';
import { notificationsKeys as keys, refreshAdmin } from './notifications.keys.ts';

const params = (slug: string, channelId: string) => ({ workspace: slug, channelId });

export function useSlackChannels(slug: string) {
  return useQuery({ queryKey: keys.slackChannels(slug), queryFn: () => call(api.slackChannels, { params: { workspace: slug } }) });
}

// Each change refetches the admin lists before it resolves, so a success message follows fresh data.

export function useCreateSlackChannel(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSlackChannel) => call(api.createSlackChannel, { params: { workspace: slug }, body }),
    onSuccess: () => refreshAdmin(queryClient, slug),
  });
}

export function useUpdateSlackChannel(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateSlackChannel }) => call(api.updateSlackChannel, { params: params(slug, id), body }),
    onSuccess: () => refreshAdmin(queryClient, slug),
  });
}

export function useDeleteSlackChannel(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.deleteSlackChannel, { params: params(slug, id) }),
    onSuccess: () => refreshAdmin(queryClient, slug),
  });
}

/** A test message now (Slack deliveries are not logged, so nothing to refetch). */
export function useTestSlackChannel(slug: string) {
  return useMutation({
    mutationFn: (id: string) => call(api.testSlackChannel, { params: params(slug, id) }),
  });
}
