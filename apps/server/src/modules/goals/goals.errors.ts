import { AppError, defineError } from '../../lib/app-error.ts';

/** 400 VALIDATION_FAILED naming the field (`body.ownerIds`, `body.keyResults.0.metric`), as schema validation does. */
function invalidField(path: string, message: string) {
  return new AppError('VALIDATION_FAILED', 400, 'The request is not valid', `${path}: ${message}`, { errors: [{ path, message }] });
}

/**
 * Every error of the goals domain: stable `GOALS_*` codes, a status, a detail naming what and where.
 * One catalogue, in sections by feature (objectives: goals, key results, check-ins, comments).
 */
export const GoalsErrors = {
  invalidField,
  // — objectives —
  goalNotFound: defineError('GOALS_NOT_FOUND', 404, 'Goal not found', (id: string) => `No goal ${id} in this workspace.`),
  keyResultNotFound: defineError('GOALS_KEY_RESULT_NOT_FOUND', 404, 'Key result not found', (id: string) => `No key result ${id} on this goal.`),
  notOwner: defineError('GOALS_NOT_AN_OWNER', 403, 'Only owners and goal editors may check in', () =>
    'Only the goal’s owners, or people who may edit goals (admins, marketing, sales leads), may check in on its key results.',
  ),
};
