import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateWebhookSubscription, UpdateWebhookSubscription } from '@tandem/contracts';
import * as api from '@tandem/contracts/web-endpoints/notifications';
import { call } from '../../../app/api/client.ts';
import { notificationsKeys as keys, refreshAdmin } from './notifications.keys.ts';

const params = (slug: string, subscriptionId: string) => ({ workspace: slug, subscriptionId });

export function useWebhooks(slug: string) {
  return useQuery({ queryKey: keys.webhooks(slug), queryFn: () => call(api.webhooks, { params: { workspace: slug } }) });
}

// Each change refetches the admin lists before it resolves, so a success message follows fresh data.

export function useCreateWebhook(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWebhookSubscription) => call(api.createWebhook, { params: { workspace: slug }, body }),
    onSuccess: () => refreshAdmin(queryClient, slug),
  });
}

export function useUpdateWebhook(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateWebhookSubscription }) => call(api.updateWebhook, { params: params(slug, id), body }),
    onSuccess: () => refreshAdmin(queryClient, slug),
  });
}

export function useDeleteWebhook(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.deleteWebhook, { params: params(slug, id) }),
    onSuccess: () => refreshAdmin(queryClient, slug),
  });
}

/** A signed ping now; it shows in the webhook's log, so the lists are refetched too. */
export function useTestWebhook(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.testWebhook, { params: params(slug, id) }),
    onSuccess: () => refreshAdmin(queryClient, slug),
  });
}
