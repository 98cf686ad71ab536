import { AppError, defineError } from '../../lib/app-error.ts';

function invalidFields(errors: { path: string; message: string }[]) {
  return new AppError('VALIDATION_FAILED', 400, 'The request is not valid', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
}
const invalidField = (path: string, message: string) => invalidFields([{ path, message }]);

/** Every error of the meetings domain: stable `MEETINGS_*` codes, a status, a detail naming what and where. */
export const MeetingsErrors = {
  invalidField,
  invalidFields,
  notFound: defineError('MEETINGS_NOT_FOUND', 404, 'Meeting series not found', (id: string) => `No meeting series ${id} in this workspace.`),
  itemNotFound: defineError('MEETINGS_AGENDA_ITEM_NOT_FOUND', 404, 'Agenda item not found', (id: string) => `No agenda item ${id} on this occurrence.`),
  actionItemNotFound: defineError('MEETINGS_ACTION_ITEM_NOT_FOUND', 404, 'Action item not found', (id: string) => `No action item ${id} in this workspace.`),
  notOwner: defineError('MEETINGS_NOT_THE_OWNER', 403, 'Only the series owner may do this', (what: string) =>
    `Only the series' owner (or an admin) may ${what}.`,
  ),
  notAttendee: defineError('MEETINGS_NOT_AN_ATTENDEE', 403, 'Only attendees may do this', (what: string) =>
    `Only the series' attendees, its owner or an admin may ${what}; ask the owner to invite you.`,
  ),
  notActionOwner: defineError('MEETINGS_NOT_THE_ACTION_OWNER', 403, 'Not your action item', () =>
    "Only the action item's owner, the series' owner or an admin may mark it done.",
  ),
};
