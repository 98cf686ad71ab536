import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CreateCheckinRequest, CreateGoalRequest, GoalDetail, GoalListQuery } from '@tandem/contracts';
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
