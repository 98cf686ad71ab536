import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BoostRequest,
  CreateCommentRequest,
  DeliverRequestRequest,
  OverrideRequest,
  RequestAttachment,
  TriageRequestRequest,
  UpdateRequestRequest,
} from '@tandem/contracts';
import * as requestsEndpoints from '@tandem/contracts/web-endpoints/requests';
import { call, endpointUrl, upload, type UploadOptions } from '../../../app/api/client.ts';
import { requestsKeys } from './requests.keys.ts';
import { requestChanged } from './use-requests.ts';

const requestParams = (slug: string, requestId: string) => ({ workspace: slug, requestId });

/** Every lifecycle step of one request; each answers the request and who was told. */
export function useRequestActions(slug: string, requestId: string) {
  const queryClient = useQueryClient();
  const params = requestParams(slug, requestId);
  const onSuccess = (r: { request: Parameters<typeof requestChanged>[2] }) => requestChanged(queryClient, slug, r.request);
  return {
    update: useMutation({ mutationFn: (body: UpdateRequestRequest) => call(requestsEndpoints.update, { params, body }), onSuccess }),
    triage: useMutation({ mutationFn: (body: TriageRequestRequest) => call(requestsEndpoints.triageRequest, { params, body }), onSuccess }),
    start: useMutation({ mutationFn: () => call(requestsEndpoints.start, { params }), onSuccess }),
    deliver: useMutation({ mutationFn: (body: DeliverRequestRequest) => call(requestsEndpoints.deliver, { params, body }), onSuccess }),
    accept: useMutation({ mutationFn: () => call(requestsEndpoints.accept, { params }), onSuccess }),
    reopen: useMutation({ mutationFn: (reason: string) => call(requestsEndpoints.reopen, { params, body: { reason } }), onSuccess }),
    decline: useMutation({ mutationFn: (reason: string) => call(requestsEndpoints.decline, { params, body: { reason } }), onSuccess }),
    plusOne: useMutation({ mutationFn: (dealIds: string[]) => call(requestsEndpoints.plusOne, { params, body: { dealIds } }), onSuccess }),
    merge: useMutation({ mutationFn: (intoRequestId: string) => call(requestsEndpoints.merge, { params, body: { intoRequestId } }), onSuccess }),
    override: useMutation({ mutationFn: (body: OverrideRequest) => call(requestsEndpoints.override, { params, body }), onSuccess }),
    boost: useMutation({ mutationFn: (body: BoostRequest) => call(requestsEndpoints.boost, { params, body }), onSuccess }),
  };
}

export function useRequestComments(slug: string, requestId: string) {
  return useQuery({
    queryKey: requestsKeys.comments(slug, requestId),
    queryFn: () => call(requestsEndpoints.comments, { params: requestParams(slug, requestId) }),
  });
}

export function useAddComment(slug: string, requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCommentRequest) => call(requestsEndpoints.addComment, { params: requestParams(slug, requestId), body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: requestsKeys.request(slug, requestId) }),
  });
}

export function useRequestActivity(slug: string, requestId: string) {
  return useQuery({
    queryKey: requestsKeys.activity(slug, requestId),
    queryFn: () => call(requestsEndpoints.activity, { params: requestParams(slug, requestId) }),
  });
}

/** Attach a file (multipart, with progress); the request page reloads its list. */
export function useUploadAttachment(slug: string, requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress?: UploadOptions['onProgress'] }): Promise<RequestAttachment> => {
      const form = new FormData();
      form.append('file', file);
      return upload(requestsEndpoints.uploadAttachment, { params: requestParams(slug, requestId) }, form, { onProgress });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: requestsKeys.request(slug, requestId) }),
  });
}

export function useRemoveAttachment(slug: string, requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fileId: string) => call(requestsEndpoints.removeAttachment, { params: { ...requestParams(slug, requestId), fileId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: requestsKeys.request(slug, requestId) }),
  });
}

/** The address the browser downloads an attachment from (a plain link: the session cookie goes with it). */
export function attachmentUrl(slug: string, requestId: string, fileId: string): string {
  return endpointUrl(requestsEndpoints.downloadAttachment, { params: { ...requestParams(slug, requestId), fileId } });
}
