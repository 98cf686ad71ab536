import { defineError, invalidField, invalidFields } from '../../lib/app-error.ts';

/** Every error of the decisions domain: stable `DECISIONS_*` codes, a status, a detail naming what and where. */
export const DecisionsErrors = {
  invalidField,
  invalidFields,
  notFound: defineError('DECISIONS_NOT_FOUND', 404, 'Decision not found', (id: string) => `No decision ${id} in this workspace.`),
  /** The window is an instant: input at or after it is refused, and the answer names it. */
  inputClosed: defineError('DECISIONS_INPUT_CLOSED', 409, 'Input is closed', (closedAt: Date) =>
    `Input on this decision closed at ${closedAt.toISOString()} (UTC); it can no longer be given or changed.`,
  ),
  alreadyDecided: defineError('DECISIONS_ALREADY_DECIDED', 409, 'Already decided', (decidedAt: Date) =>
    `This decision was decided at ${decidedAt.toISOString()} (UTC); reopen it to take input or decide again.`,
  ),
  notDecided: defineError('DECISIONS_NOT_DECIDED', 409, 'Not decided yet', () => 'Only a decided decision can be reopened; this one is still open.'),
  notStakeholder: defineError('DECISIONS_NOT_A_STAKEHOLDER', 403, 'Only stakeholders give input', () =>
    'Only the people asked for input on this decision may give it; ask its owner to add you.',
  ),
  notOwner: defineError('DECISIONS_NOT_THE_OWNER', 403, 'Only the owner may do this', (what: string) =>
    `Only the decision's owner (or an admin) may ${what} it.`,
  ),
};
