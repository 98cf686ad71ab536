import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CreateCheckinRequest, CreateGoalRequest, GoalChangeResponse, GoalDetail, GoalListQuery, GoalPerson, KeyResultInput, UpdateGoalRequest, UpdateKeyResultRequest } from '@tandem/contracts';
import * as goalsEndpoints from '@tandem/contracts/web-endpoints/goals';
import { call } from '../../../app/api/client.ts';
import { goalsKeys } from './goals.keys.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The API refuses a malformed id with 400; the page treats it as "not found" without asking. */
export const isGoalId = (id: string | undefined): id is string => !!id && UUID.test(id);

export function useGoals(slug: string, params: GoalListQuery = {}) {
  return useQuery({
    queryKey: goalsKeys.list(slug, params),
    queryFn: () => call(goalsEndpoints.listGoals, { params: { workspace: slug }, query: params }),
  });
}

/** The goals list a page at a time (keyset; `fetchNextPage` for "More goals"). */
export function useGoalPages(slug: string, params: Omit<GoalListQuery, 'cursor'> = {}) {
  return useInfiniteQuery({
    queryKey: [...goalsKeys.list(slug, params), 'pages'],
    queryFn: ({ pageParam }) => call(goalsEndpoints.listGoals, { params: { workspace: slug }, query: { ...params, ...(pageParam ? { cursor: pageParam } : {}) } }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useGoal(slug: string, goalId: string | undefined) {
  return useQuery({
    queryKey: goalsKeys.goal(slug, goalId),
    queryFn: () => call(goalsEndpoints.getGoal, { params: { workspace: slug, goalId: goalId! } }),
    enabled: isGoalId(goalId),
  });
}

export function useKeyResultHistory(slug: string, goalId: string, keyResultId: string) {
  return useQuery({
    queryKey: goalsKeys.history(slug, goalId, keyResultId),
    queryFn: () => call(goalsEndpoints.keyResultHistory, { params: { workspace: slug, goalId, keyResultId } }),
  });
}

export function useGoalComments(slug: string, goalId: string) {
  return useQuery({
    queryKey: goalsKeys.comments(slug, goalId),
    queryFn: () => call(goalsEndpoints.listGoalComments, { params: { workspace: slug, goalId } }),
  });
}

/** A goal changed: keep its answer, and every goal list, history and the scorecard (it shows goals) are stale. */
async function goalChanged(queryClient: QueryClient, slug: string, goal: GoalDetail) {
  queryClient.setQueryData(goalsKeys.goal(slug, goal.id), goal);
  await Promise.all([
    queryClient.invalidateQueries({
      queryKey: goalsKeys.all(slug),
      predicate: (q) => !(q.queryKey[3] === 'goal' && q.queryKey[4] === goal.id && q.queryKey.length === 5),
    }),
    queryClient.invalidateQueries({ queryKey: goalsKeys.metrics(slug) }),
  ]);
}

export function useCreateGoal(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateGoalRequest) => call(goalsEndpoints.createGoal, { params: { workspace: slug }, body }),
    onSuccess: (r) => goalChanged(queryClient, slug, r.goal),
  });
}

export function useArchiveGoal(slug: string, goalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(goalsEndpoints.archiveGoal, { params: { workspace: slug, goalId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: goalsKeys.all(slug) }),
  });
}

export function useCheckIn(slug: string, goalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ keyResultId, body }: { keyResultId: string; body: CreateCheckinRequest }) =>
      call(goalsEndpoints.createCheckin, { params: { workspace: slug, goalId, keyResultId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: goalsKeys.goal(slug, goalId) }),
  });
}

export function useAddGoalComment(slug: string, goalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => call(goalsEndpoints.createGoalComment, { params: { workspace: slug, goalId }, body: { body } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: goalsKeys.goal(slug, goalId) }),
  });
}

/** One change to an existing goal's key results: edit one, add one, or remove one. */
export type KeyResultChange =
  | { kind: 'update'; keyResultId: string; body: UpdateKeyResultRequest }
  | { kind: 'add'; body: KeyResultInput }
  | { kind: 'remove'; keyResultId: string };

/**
 * Saves an edited goal: its own fields first (the owners rule is checked there), then each key result change in
 * order. Answers the goal as it now reads and everyone told along the way (owners hear of status changes).
 */
export function useSaveGoal(slug: string, goalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ goal, keyResults }: { goal: UpdateGoalRequest | null; keyResults: KeyResultChange[] }) => {
      const notified = new Map<string, GoalPerson>();
      let last: GoalChangeResponse | null = null;
      const params = { workspace: slug, goalId };
      const seen = (r: GoalChangeResponse) => {
        last = r;
        for (const p of r.notified) notified.set(p.userId, p);
      };
      if (goal) seen(await call(goalsEndpoints.updateGoal, { params, body: goal }));
      for (const c of keyResults) {
        if (c.kind === 'update') seen(await call(goalsEndpoints.updateKeyResult, { params: { ...params, keyResultId: c.keyResultId }, body: c.body }));
        else if (c.kind === 'add') seen(await call(goalsEndpoints.createKeyResult, { params, body: c.body }));
        else await call(goalsEndpoints.deleteKeyResult, { params: { ...params, keyResultId: c.keyResultId } });
      }
      const fresh = await call(goalsEndpoints.getGoal, { params });
      return { goal: fresh, notified: [...notified.values()], changed: last !== null || keyResults.length > 0 };
    },
    onSuccess: (r) => goalChanged(queryClient, slug, r.goal),
    // A save stopped half-way (a refused key result) still changed what came before it.
    onError: () => queryClient.invalidateQueries({ queryKey: goalsKeys.all(slug) }),
  });
}
