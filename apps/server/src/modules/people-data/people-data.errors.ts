import { defineError, invalidField } from '../../lib/app-error.ts';

/** Every error of the people-data domain (a person's export and erasure). */
export const PeopleDataErrors = {
  notFound: defineError('PEOPLE_NOT_FOUND', 404, 'Person not found', (id: string) => `No person ${id} in this workspace.`),
  emailMismatch: () => invalidField('body.email', "type the person's current email to confirm"),
  self: defineError('PEOPLE_ERASE_SELF', 409, 'You cannot erase yourself', () => 'Ask another admin to erase your account.'),
  beyondAdmin: defineError('PEOPLE_ERASE_BEYOND_ADMIN', 409, 'The person belongs to other workspaces', (names: string) =>
    `This person also belongs to ${names}, where you are not an admin. Erasure reaches every workspace they belong to, so it takes someone who is an admin of each: ask an admin of ${names} to make you one there, or to erase them after being made an admin here. Nothing was changed.`,
  ),
  lastAdmin: defineError('PEOPLE_ERASE_LAST_ADMIN', 409, 'A workspace needs an admin', (name: string) =>
    `This person is the last active admin of ${name}; make someone else admin first.`,
  ),
};
