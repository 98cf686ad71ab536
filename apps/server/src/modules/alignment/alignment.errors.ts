import { AppError, defineError } from '../../lib/app-error.ts';

function invalidFields(errors: { path: string; message: string }[]) {
  return new AppError('VALIDATION_FAILED', 400, 'The request is not valid', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
}

/** Every error of the alignment domain: stable `ALIGNMENT_*` codes, a status, a detail naming what and where. */
export const AlignmentErrors = {
  invalidFields,
  invalidField: (path: string, message: string) => invalidFields([{ path, message }]),
  pulseNotFound: defineError('ALIGNMENT_PULSE_NOT_FOUND', 404, 'Pulse not found', (id: string) => `No pulse ${id} in this workspace.`),
  notOpen: defineError('ALIGNMENT_PULSE_NOT_OPEN', 409, 'This pulse is not open', (when: string) => `This pulse ${when}; answers are taken only while it is open.`),
  alreadyAnswered: defineError('ALIGNMENT_ALREADY_ANSWERED', 409, 'Already answered', () =>
    'You have already answered this pulse. Answers are anonymous, so they cannot be changed or shown back to you.',
  ),
  notAsked: defineError('ALIGNMENT_NOT_ASKED', 403, 'Not asked in this pulse', () =>
    'This pulse asks the marketing and sales members who were active when it opened; you were not one of them.',
  ),
  pulseOpen: defineError('ALIGNMENT_PULSE_ALREADY_OPEN', 409, 'A pulse is already open', (n: number) =>
    `Pulse ${n} is still open or scheduled; close it before running another.`,
  ),
};
